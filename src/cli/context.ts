// What the moderation and admin commands share: configuration from the environment (a bad
// one is exit 2 with its message), the database, and the moderation module over it.
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createCommentStore } from '../comments/store.ts';
import { createLocalBus } from '../platform/bus.ts';
import { openDatabase } from '../platform/db.ts';
import { createModeration, type ModerationModule } from '../moderation/module.ts';
import { createSiteService } from '../sites/service.ts';
import { createSiteStore } from '../sites/store.ts';
import type { SiteService } from '../sites/service.ts';

export interface CliContext {
  config: Config;
  sites: SiteService;
  moderation: ModerationModule;
}

export type Out = (line: string) => void;

export class UsageError extends Error {}

/** Runs `fn` with the database open; 2 for bad configuration or usage, else what `fn` returns. */
export async function withModeration(env: NodeJS.ProcessEnv, err: Out, fn: (ctx: CliContext) => Promise<number>): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 2;
    }
    throw error;
  }
  const database = await openDatabase(config.databaseUrl);
  try {
    const sites = createSiteService(createSiteStore(database.db));
    const moderation = createModeration({ db: database.db, sites, store: createCommentStore(database.db), bus: createLocalBus(), limiter: null, config });
    return await fn({ config, sites, moderation });
  } catch (error) {
    if (error instanceof UsageError || (error as { status?: number }).status !== undefined) {
      err(`colloquy: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** Everything piped to stdin, without the final line break. */
export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
