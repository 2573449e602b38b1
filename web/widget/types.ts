// Shapes of the public API v1 as the widget reads them.
import type { InlineConfig, PassageAnchor } from '../inline/bridge.ts';
export type Sort = 'newest' | 'oldest' | 'votes';
export type Vote = 1 | -1 | 0;
export type Status = 'approved' | 'pending' | 'rejected' | 'spam';

export interface Comment {
  id: string;
  parentId: string | null;
  depth: number;
  author: { name: string; avatar: string | null };
  html: string;
  createdAt: string;
  editedAt: string | null;
  score: number;
  up: number;
  down: number;
  deleted: boolean;
  replyTo?: { id: string; name: string } | null;
  replies: Comment[];
  moreReplies?: number;
  /** Set on the visitor's own comments that are not (yet) published. */
  status?: Status;
  /** The passage of the article it is about (inline feedback). */
  anchor?: PassageAnchor & { key: string };
}

export interface Thread {
  id: string | null;
  page: string;
  url: string | null;
  title: string | null;
  commentCount: number;
  closed: boolean;
}

export interface ThreadConfig {
  maxDepth: number;
  editWindowSeconds: number;
  theme: 'auto' | 'light' | 'dark';
  inline?: InlineConfig;
}

export interface CommentsPage {
  thread: Thread;
  config: ThreadConfig;
  comments: Comment[];
  nextCursor: string | null;
}

export interface RepliesPage {
  comments: Comment[];
  nextCursor: string | null;
}

export interface Me {
  votes: Record<string, 1 | -1>;
  pending: Comment[];
}

export interface Posted {
  comment: Comment;
  status: Status;
  editToken: string;
}

export interface VoteResult {
  score: number;
  up: number;
  down: number;
  value: Vote;
}

/** "Notify of": e-mail about new comments in the thread, replies to mine, or both. */
export type NotifyChoice = 'none' | 'thread' | 'replies' | 'both';

export interface NewComment {
  notify?: NotifyChoice;
  anchor?: PassageAnchor;
  parentId?: string;
  author: { name: string; email?: string };
  body: string;
  /** Honeypot: hidden from people, so only form fillers put anything here. */
  hp?: string;
}
