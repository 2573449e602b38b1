// Request and response schemas: validation, serialisation and the OpenAPI document.
import { Type } from 'typebox';
import { limits } from './service.ts';
import { AnchorInput, AnchorView } from '../inline/schema.ts';

const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});

export const errorResponses = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

const PageKey = Type.String({ minLength: 1, maxLength: limits.pageKey, description: "The publisher's stable key for an article" });
// No control characters: PostgreSQL rejects NUL in text, which would turn a bad id into a 500.
const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$', description: 'Site id' });
const CommentId = Type.String({ minLength: 16, maxLength: 16, pattern: '^[0-9A-Z]{16}$' });

export const Comment = Type.Object(
  {
    id: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    depth: Type.Integer(),
    author: Type.Object({ name: Type.String(), avatar: Type.Union([Type.String(), Type.Null()]) }),
    html: Type.String({ description: 'Sanitised HTML rendered from the Markdown source' }),
    createdAt: Type.String({ format: 'date-time' }),
    editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    score: Type.Integer(),
    up: Type.Integer(),
    down: Type.Integer(),
    deleted: Type.Boolean(),
    replyTo: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
    replies: Type.Array(Type.Unsafe<unknown>({ $ref: 'Comment#' })),
    moreReplies: Type.Integer({ description: 'Replies under this comment not included in this response' }),
    anchor: Type.Optional(AnchorView),
  },
  { $id: 'Comment' },
);

export const ListQuery = Type.Object({
  site: SiteId,
  page: PageKey,
  sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('oldest'), Type.Literal('votes')], { default: 'newest' })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.pageSize, default: 20 })),
});

export const RepliesQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.pageSize, default: 50 })),
});

export const IdParams = Type.Object({ id: CommentId });

export const SitePageQuery = Type.Object({ site: SiteId, page: PageKey });

export const CountsQuery = Type.Object({
  site: SiteId,
  page: Type.Array(PageKey, { minItems: 1, maxItems: 50 }),
});

// Lengths are checked again after normalisation; these bounds stop abuse before it.
export const CreateBody = Type.Object({
  site: SiteId,
  page: PageKey,
  url: Type.Optional(Type.String({ maxLength: limits.url })),
  title: Type.Optional(Type.String({ maxLength: limits.title * 2 })),
  parentId: Type.Optional(CommentId),
  author: Type.Object({
    name: Type.String({ minLength: 1, maxLength: limits.name * 2 }),
    email: Type.Optional(Type.String({ maxLength: limits.email })),
  }),
  body: Type.String({ minLength: 1, maxLength: limits.body * 2 }),
  hp: Type.Optional(Type.String({ maxLength: 1000, description: 'Honeypot: a field hidden from people, left empty' })),
  altcha: Type.Optional(Type.String({ maxLength: 10_000, description: 'A solved ALTCHA challenge (GET /api/v1/altcha/challenge)' })),
  notify: Type.Optional(
    Type.Union([Type.Literal('none'), Type.Literal('thread'), Type.Literal('replies'), Type.Literal('both')], {
      description: 'E-mail me new comments in this thread, replies to my comments, or both (needs author.email; guests confirm by e-mail first)',
    }),
  ),
  anchor: Type.Optional(AnchorInput),
});

export const EditBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: limits.body * 2 }) });

export const VoteBody = Type.Object({ value: Type.Union([Type.Literal(1), Type.Literal(-1), Type.Literal(0)]) });

export const Thread = Type.Object({
  id: Type.Union([Type.String(), Type.Null()]),
  page: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  commentCount: Type.Integer(),
  closed: Type.Boolean(),
});
