// Request schemas of the staff routes (validation and the OpenAPI document).
import { Type } from 'typebox';
import { PASSWORD_MAX } from './passwords.ts';

export const SignInBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }),
});

const SiteRoleSchema = Type.Object({
  site: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$' }),
  role: Type.Union([Type.Literal('admin'), Type.Literal('moderator')]),
});

export const CreateStaffBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }),
  globalAdmin: Type.Optional(Type.Boolean()),
  roles: Type.Optional(Type.Array(SiteRoleSchema, { maxItems: 1000 })),
});

export const RolesBody = Type.Object({
  globalAdmin: Type.Boolean(),
  roles: Type.Array(SiteRoleSchema, { maxItems: 1000 }),
});

export const StaffIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9A-Z]{16}$' }) });

export const PasswordBody = Type.Object({
  current: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }),
});
