// Request schemas of the notification routes: validation and the OpenAPI document.
import { Type } from 'typebox';
import { limits } from '../comments/service.ts';

const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$', description: 'Site id' });

export const SubscribeBody = Type.Object({
  site: SiteId,
  page: Type.String({ minLength: 1, maxLength: limits.pageKey, description: "The article's page key (for kind thread or both)" }),
  email: Type.Optional(Type.String({ maxLength: limits.email, description: "Where to write; a signed-in reader's own address when absent" })),
  kind: Type.Union([Type.Literal('thread'), Type.Literal('replies'), Type.Literal('both')], {
    description: 'thread: new comments in this thread; replies: replies to my comments in any thread; both',
  }),
  mode: Type.Optional(Type.Union([Type.Literal('immediate'), Type.Literal('digest')], { default: 'immediate', description: 'An e-mail each time, or one a day' })),
  chain: Type.Optional(Type.Boolean({ description: 'Replies: also replies further down conversations under my comments' })),
});

export const TokenQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});

export const subscribeResponses = {
  201: Type.Object({ status: Type.Literal('subscribed') }),
  202: Type.Object({ status: Type.Literal('confirmation_sent') }),
  400: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
};
