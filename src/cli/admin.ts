// colloquy admin create --email E --password-stdin [--role admin|moderator] [--site ID]
// colloquy admin password --email E --password-stdin
// Staff accounts from a shell: the first admin, or a password reset. --role admin without
// --site makes a global admin; with --site, an admin or moderator of that site.
import { parseArgs } from 'node:util';
import { normaliseEmail, type StaffRole } from '../staff/service.ts';
import { readStdin, UsageError, withModeration, type Out } from './context.ts';

const USAGE = `Usage:
  colloquy admin create --email E --password-stdin [--role admin|moderator] [--site ID]
  colloquy admin password --email E --password-stdin`;

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env, out: Out = console.log, err: Out = console.error, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { email: { type: 'string' }, 'password-stdin': { type: 'boolean' }, role: { type: 'string', default: 'admin' }, site: { type: 'string' } },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if ((command !== 'create' && command !== 'password') || positionals.length !== 1 || !values.email || !values['password-stdin']) {
    err(USAGE);
    return 2;
  }
  const role = values.role as StaffRole;
  if (role !== 'admin' && role !== 'moderator') {
    err('--role must be admin or moderator');
    return 2;
  }
  if (role === 'moderator' && !values.site) {
    err('--role moderator needs --site');
    return 2;
  }
  const password = await readStdin(stdin);
  return withModeration(env, err, async ({ moderation, sites }) => {
    const { staff } = moderation;
    if (command === 'password') {
      const user = (await staff.list()).find((u) => u.email === normaliseEmail(values.email!));
      if (!user) throw new UsageError(`no staff user ${values.email}`);
      await staff.setPassword(user.id, password);
      out(`Password changed for ${user.email}; their sessions were signed out.`);
      return 0;
    }
    if (values.site) await sites.require(values.site);
    const user = await staff.create({
      email: values.email!, password,
      globalAdmin: !values.site,
      roles: values.site ? [{ site: values.site, role }] : [],
    });
    out(`Created ${user.globalAdmin ? 'global admin' : `${role} of ${values.site}`} ${user.email} (${user.id}).`);
    return 0;
  });
}
