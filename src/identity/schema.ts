// Request schemas of the identity routes: validation and the OpenAPI document. Lengths are
// checked again after normalisation; these bounds stop abuse before it.
import { Type } from 'typebox';
import { EMAIL_MAX } from './email.ts';
import { NAME_MAX } from './accounts.ts';

const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$', description: 'Site id' });
// `${id}.${secret}`: 16 + 1 + 43 characters; a little slack so a wrong one is answered as invalid, not malformed.
const Token = Type.String({ minLength: 1, maxLength: 200, description: 'A sign-in link token' });

export const MagicLinkBody = Type.Object({
  site: SiteId,
  email: Type.String({ minLength: 1, maxLength: EMAIL_MAX * 2 }),
  returnUrl: Type.Optional(Type.String({ maxLength: 2048, description: "Page the link opens, on one of the site's origins; default the first origin" })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: NAME_MAX * 2, description: 'Display name for an account this link creates' })),
});

export const VerifyBody = Type.Object({ token: Token });
export const VerifyQuery = Type.Object({ token: Token });

export const SsoBody = Type.Object({
  site: SiteId,
  token: Type.String({ minLength: 1, maxLength: 8192, description: 'JWT signed by the publisher (HS256, RS256 or ES256)' }),
});

export const ProfilePatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: NAME_MAX * 2 })),
    avatar: Type.Optional(Type.Union([Type.Literal('identicon'), Type.Literal('gravatar')], { description: 'gravatar shows your Gravatar (its URL carries a hash of your e-mail)' })),
  },
  { minProperties: 1 },
);

export const MyCommentsQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const SubscriptionParams = Type.Object({ id: Type.String({ minLength: 16, maxLength: 16, pattern: '^[0-9A-Z]{16}$', description: 'Subscription id' }) });

export const AvatarParams = Type.Object({ hash: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }) });

const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});
export const errorResponses = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
