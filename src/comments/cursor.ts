// Opaque cursors: base64url JSON. Invalid ones are the client's error (400), not ours.
import { badRequest } from '../platform/errors.ts';
import { isId } from '../platform/ids.ts';
import type { RootCursor } from './store.ts';

export function encodeRootCursor(cursor: RootCursor): string {
  return Buffer.from(JSON.stringify([cursor.id, cursor.score])).toString('base64url');
}

export function decodeRootCursor(raw: string | undefined): RootCursor | null {
  if (!raw) return null;
  try {
    const [id, score] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (isId(id) && Number.isSafeInteger(score)) return { id, score: score as number };
  } catch {
    // Reported below.
  }
  throw badRequest('invalid_cursor', 'cursor is not one this server issued', 'cursor');
}

export function encodePathCursor(path: string): string {
  return Buffer.from(path).toString('base64url');
}

export function decodePathCursor(raw: string | undefined): string | null {
  if (!raw) return null;
  const path = Buffer.from(raw, 'base64url').toString('utf8');
  if (path.split('/').every(isId)) return path;
  throw badRequest('invalid_cursor', 'cursor is not one this server issued', 'cursor');
}
