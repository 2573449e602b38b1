// colloquy support verify-totals [--repair]: recomputes every campaign's totals from the
// ledger alone and compares them with the cached totals rows. Exit 0 when all match; 1 with
// the differences otherwise. --repair rewrites the cached totals from the ledger first.
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db.ts';
import { createLedger } from '../support/ledger.ts';
import { createLedgerStore } from '../support/ledger-store.ts';

const USAGE = 'Usage: colloquy support verify-totals [--repair]';

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  const [command, ...options] = args;
  if (command !== 'verify-totals' || options.some((o) => o !== '--repair')) {
    out(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      out(error.message);
      return 2;
    }
    throw error;
  }
  const database = await openDatabase(config.databaseUrl);
  try {
    const ledger = createLedger({ store: createLedgerStore(database.db), secret: config.secret });
    if (options.includes('--repair')) {
      await ledger.repair();
      out('Totals rewritten from the ledger.');
    }
    const report = await ledger.verify();
    for (const c of report.campaigns) {
      const d = c.derived;
      const line = `${c.match ? 'ok      ' : 'MISMATCH'} ${c.campaignId}: raised ${d.raised}, refunded ${d.refunded}, donors ${d.donors}, entries ${d.entries}`;
      out(c.match ? line : `${line}; cached ${JSON.stringify(c.stored)}`);
    }
    out(report.ok ? `All ${report.campaigns.length} campaign totals match the ledger.` : 'Cached totals differ from the ledger: run with --repair to rewrite them.');
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}
