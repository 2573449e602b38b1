// A posted anchor → what is stored: quote fields normalised as the widget normalises the
// article (web/inline/text.ts: NFC, controls removed, white space collapsed), offsets
// checked, and the passage key that groups comments on the same passage.
import type { Static } from 'typebox';
import { createHash } from 'node:crypto';
import { badRequest } from '../platform/errors.ts';
import { cleanText } from '../comments/text.ts';
import { anchorLimits, type AnchorInput } from './schema.ts';

export type AnchorInputValue = Static<typeof AnchorInput>;

export interface StoredAnchor {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  feedbackId?: string;
  textHash?: string;
}

/** The columns 006-inline added, as the comment row carries them. */
export interface AnchorColumns {
  anchor_key: string | null;
  anchor: string | null;
}

export const NO_ANCHOR: AnchorColumns = { anchor_key: null, anchor: null };

/** The article-text normalisation of web/inline/text.ts, for one quoted string. */
export function normalizeQuote(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

function bounded(value: string, field: string, max: number): string {
  if (value.length > max) throw badRequest('too_long', `anchor.${field} must be at most ${max} UTF-16 code units`, `anchor.${field}`);
  return value;
}

/** Names a passage: comments on the same question, or the same quote in the same context, share it. */
export function passageKey(anchor: StoredAnchor): string {
  if (anchor.feedbackId) return `f:${anchor.feedbackId}`;
  const { prefix, exact, suffix } = anchor.quote;
  return `q:${createHash('sha256').update(`${prefix}\u0000${exact}\u0000${suffix}`).digest('base64url').slice(0, 22)}`;
}

/** Validates and normalises a posted anchor (a reader's or an editor's); throws a 400 naming the field. */
export function normalizeAnchor(input: Omit<AnchorInputValue, 'feedbackId'> & { feedbackId?: string }): StoredAnchor {
  const exact = bounded(normalizeQuote(input.quote.exact).trim(), 'quote.exact', anchorLimits.exact);
  if (!exact) throw badRequest('empty', 'anchor.quote.exact must not be empty', 'anchor.quote.exact');
  const prefix = bounded(normalizeQuote(input.quote.prefix), 'quote.prefix', anchorLimits.context);
  const suffix = bounded(normalizeQuote(input.quote.suffix), 'quote.suffix', anchorLimits.context);
  const { start, end } = input.position;
  if (end <= start) throw badRequest('invalid_position', 'anchor.position.end must be after anchor.position.start', 'anchor.position.end');
  // Offsets are of the page's text: they need not be the quote's length (the server's
  // normalisation may differ from an old widget's), but a span wildly longer is not a quote.
  if (end - start > exact.length * 4 + 16) throw badRequest('invalid_position', 'anchor.position does not span the quote', 'anchor.position.end');
  const anchor: StoredAnchor = { quote: { exact, prefix, suffix }, position: { start, end } };
  if (input.feedbackId !== undefined) anchor.feedbackId = input.feedbackId;
  if (input.textHash !== undefined) anchor.textHash = input.textHash;
  return anchor;
}

/** The anchor columns of a posted comment; throws a 400 naming the field. */
export function anchorColumns(input: AnchorInputValue, isReply: boolean): AnchorColumns {
  if (isReply) throw badRequest('anchor_on_reply', 'Only a top-level comment can be about a passage; a reply belongs to its thread', 'anchor');
  const anchor = normalizeAnchor(input);
  return { anchor_key: passageKey(anchor), anchor: JSON.stringify(anchor) };
}

/** The stored anchor as readers get it, or undefined when the comment has none (or it is hidden). */
export function anchorView(row: { anchor_key?: string | null; anchor?: string | null }): (StoredAnchor & { key: string }) | undefined {
  if (!row.anchor_key || !row.anchor) return undefined;
  try {
    return { key: row.anchor_key, ...(JSON.parse(row.anchor) as StoredAnchor) };
  } catch {
    return undefined;
  }
}
