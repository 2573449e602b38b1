// Request schemas of the admin API (validation and the OpenAPI document). Shapes of the
// responses are documented in docs/ADMIN-API.md.
import { Type } from 'typebox';
import { ACTIONS } from '../actions.ts';

const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$' });
const Id = Type.String({ pattern: '^[0-9A-Z]{16}$' });
const Cursor = Type.Optional(Type.String({ pattern: '^[0-9A-Z]{16}$', description: 'nextCursor of the previous page' }));
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 }));
const Note = Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]));
const Action = Type.Union(ACTIONS.map((a) => Type.Literal(a)));
const BanKind = Type.Union(['account', 'email', 'visitor', 'ip', 'ip-prefix'].map((k) => Type.Literal(k)));
const BanMode = Type.Union([Type.Literal('ban'), Type.Literal('shadow')]);
const Duration = Type.Union([Type.Integer({ minimum: 60, maximum: 315_360_000 }), Type.Null()], { description: 'Seconds; null: permanent' });

export const SiteQuery = Type.Object({ site: SiteId });
export const SiteParams = Type.Object({ site: SiteId });
export const IdParams = Type.Object({ id: Id });
export const QueueParams = Type.Object({ queue: Type.Union(['pending', 'reported', 'recent', 'rejected'].map((q) => Type.Literal(q))) });
export const PageQuery = Type.Object({ site: SiteId, cursor: Cursor, limit: Limit });
export const CursorQuery = Type.Object({ cursor: Cursor, limit: Limit });

export const ModerateBody = Type.Object({ action: Action, note: Note });

export const BulkBody = Type.Object({
  site: SiteId,
  ids: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }),
  action: Action,
  note: Note,
});

export const BanFromCommentBody = Type.Object({
  kinds: Type.Array(BanKind, { minItems: 1, maxItems: 5, uniqueItems: true }),
  mode: BanMode,
  durationSeconds: Duration,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  action: Type.Optional(Type.Union([Action, Type.Null()])),
});

export const CreateBanBody = Type.Object({
  site: SiteId,
  kind: BanKind,
  value: Type.String({ minLength: 1, maxLength: 320 }),
  mode: BanMode,
  durationSeconds: Duration,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

export const BansQuery = Type.Object({ site: SiteId, active: Type.Optional(Type.Boolean({ default: true })), cursor: Cursor, limit: Limit });

export const ReportsQuery = Type.Object({
  site: SiteId,
  status: Type.Optional(Type.Union(['open', 'upheld', 'dismissed', 'all'].map((s) => Type.Literal(s)), { default: 'open' })),
  cursor: Cursor,
  limit: Limit,
});

export const ResolveBody = Type.Object({ resolution: Type.Union([Type.Literal('upheld'), Type.Literal('dismissed')]), note: Note });

export const PutSettingsBody = Type.Object({
  // A version counts saves: never past what the store keeps (parseSettings), so a larger one is bad input, not a conflict.
  version: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  settings: Type.Object({}, { additionalProperties: true, description: 'A partial settings object (see GET)' }),
});

/** A UTC day ("2025-11-27") or a date-time with its zone ("2025-11-27T10:00:00.000Z", "…+01:00"). */
const DateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$', description: 'ISO 8601: a UTC day or a date-time with zone' });

export const AuditQuery = Type.Object({
  site: SiteId,
  cursor: Cursor,
  limit: Limit,
  actor: Type.Optional(Id),
  target: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$', description: 'A comment, ban, site or staff id' })),
  author: Type.Optional({ ...Id, description: "A comment id: entries about that comment's author (any of their comments, bans made from them)" }),
  action: Type.Optional(Type.String({ pattern: '^[a-z]+(\\.[a-z-]+)?$', maxLength: 64, description: 'An action ("comment.approve") or a family ("comment")' })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
});

export const PreviewBody = Type.Object({
  site: SiteId,
  text: Type.String({ minLength: 1, maxLength: 20_000 }),
  author: Type.Optional(
    Type.Object({
      name: Type.Optional(Type.String({ maxLength: 160 })),
      email: Type.Optional(Type.String({ maxLength: 254 })),
      visitorKey: Type.Optional(Type.String({ maxLength: 200 })),
      ipHash: Type.Optional(Type.String({ maxLength: 200 })),
      accountId: Type.Optional(Type.String({ maxLength: 200 })),
    }),
  ),
});
