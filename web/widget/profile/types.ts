// What the /api/v1/me routes answer, as the profile view uses it.
import type { Comment } from '../types.ts';

export interface Profile {
  id: string;
  name: string;
  email: string | null;
  avatar: { mode: 'identicon' | 'gravatar'; url: string; gravatar: string | null; identicon: string; fromPublisher: boolean };
  sso: boolean;
}

export type MyComment = Omit<Comment, 'status'> & { page: string; url: string | null; title: string | null; status: 'approved' | 'pending' | 'rejected' | 'spam' };

export interface MySubscription {
  id: string;
  kind: 'thread' | 'replies';
  page: string | null;
  title: string | null;
  url: string | null;
  mode: 'immediate' | 'digest';
  confirmed: boolean;
}
