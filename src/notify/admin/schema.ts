// Request schemas of the notification admin routes: alert choices, webhook endpoints, the outbox.
import { Type } from 'typebox';
import { ALERT_MODES } from '../../staff/alerts.ts';
import { WEBHOOK_EVENTS } from '../webhooks.ts';

const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$' });
const Id = Type.String({ pattern: '^[0-9A-Z]{16}$' });
const Events = Type.Array(Type.Union(WEBHOOK_EVENTS.map((e) => Type.Literal(e))), { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true });
const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'https (http to localhost outside production)' });

export const SiteParams = Type.Object({ site: SiteId });
export const SiteQuery = Type.Object({ site: SiteId });
export const IdParams = Type.Object({ id: Id });

export const AlertBody = Type.Object({
  pending: Type.Boolean({ description: 'E-mail about comments held for review' }),
  reports: Type.Boolean({ description: 'E-mail about new reader reports' }),
  mode: Type.Union(ALERT_MODES.map((m) => Type.Literal(m)), { description: 'At once, or one digest an hour or a day' }),
});

export const CreateWebhookBody = Type.Object({ site: SiteId, url: Url, events: Events });

export const UpdateWebhookBody = Type.Object({
  url: Type.Optional(Url),
  events: Type.Optional(Events),
  active: Type.Optional(Type.Boolean()),
}, { minProperties: 1 });
