// Who hears of a newly public comment. Pure: the fan-out loads the comment's ancestors and the
// matching subscriptions, this decides. Rules:
//  - the author of the comment replied to, if they subscribed to replies;
//  - authors further up the conversation, if their replies subscription includes the chain;
//  - the thread's subscribers;
//  - never the comment's own author (same address, or same browser or account);
//  - one notification per recipient: the most specific reason wins.
import type { Subscriber } from './subscription-store.ts';
import type { Reason } from './templates/render.ts';

export interface AuthorOf {
  emailLower: string | null;
  authorKey: string | null;
  deleted: boolean;
}

export interface Recipient extends Subscriber {
  reason: Reason;
}

export interface RecipientInput {
  comment: Pick<AuthorOf, 'emailLower' | 'authorKey'>;
  /** The comment replied to; null for a top-level comment. */
  target: AuthorOf | null;
  /** The target's ancestors, nearest first. */
  chain: AuthorOf[];
  replySubscribers: Subscriber[];
  threadSubscribers: Subscriber[];
}

const RANK: Record<Reason, number> = { reply: 0, conversation: 1, thread: 2 };

export function chooseRecipients(input: RecipientInput): Recipient[] {
  const { comment } = input;
  const isSelf = (emailLower: string | null, authorKey: string | null) =>
    (emailLower !== null && emailLower === comment.emailLower) || (authorKey !== null && authorKey === comment.authorKey);
  const chosen = new Map<string, Recipient>();
  const offer = (subscriber: Subscriber, reason: Reason) => {
    if (subscriber.emailLower === comment.emailLower) return;
    const earlier = chosen.get(subscriber.recipientId);
    if (!earlier || RANK[reason] < RANK[earlier.reason]) chosen.set(subscriber.recipientId, { ...subscriber, reason });
  };
  const repliesOf = (author: AuthorOf) =>
    author.emailLower && !author.deleted && !isSelf(author.emailLower, author.authorKey)
      ? input.replySubscribers.filter((s) => s.emailLower === author.emailLower)
      : [];

  if (input.target) for (const s of repliesOf(input.target)) offer(s, 'reply');
  for (const ancestor of input.chain) for (const s of repliesOf(ancestor)) if (s.chain) offer(s, 'conversation');
  for (const s of input.threadSubscribers) offer(s, 'thread');
  return [...chosen.values()];
}
