// colloquy moderate --site ID [--explain] [--json] "text"   (or the text on stdin)
// The site's moderation pipeline on a text, as the preview route runs it: nothing is stored.
// --json prints exactly one JSON object { status, reasons } on stdout.
import { parseArgs } from 'node:util';
import { DEMO_SITE, demoSettings } from '../demo/page.ts';
import type { Reason } from '../moderation/phase.ts';
import { readStdin, withModeration, type Out } from './context.ts';

const USAGE = 'Usage: colloquy moderate --site ID [--explain] [--json] [--email E] [--name N] "text" (or the text on stdin)';

function explain(text: string, reason: Reason): string {
  const parts = [`  ${reason.phase.padEnd(10)} ${reason.rule}`];
  if (reason.category) parts.push(`[${reason.category}]`);
  if (reason.score !== undefined) parts.push(`score ${Math.round(reason.score * 100) / 100}`);
  if (reason.span) parts.push(`at ${reason.span[0]}–${reason.span[1]} ${JSON.stringify(text.slice(...reason.span))}`);
  if (reason.detail) parts.push(`: ${reason.detail}`);
  return parts.join(' ');
}

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env, out: Out = console.log, err: Out = console.error, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { site: { type: 'string' }, explain: { type: 'boolean' }, json: { type: 'boolean' }, email: { type: 'string' }, name: { type: 'string' } },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!values.site || positionals.length > 1) {
    err(USAGE);
    return 2;
  }
  const text = positionals[0] ?? (await readStdin(stdin));
  if (!text.trim()) {
    err('colloquy: no text to moderate');
    return 2;
  }
  return withModeration(env, err, async ({ config, sites, moderation }) => {
    // A fresh install has no demo site until the server first starts: make it as the server would.
    if (values.site === DEMO_SITE && config.seedDemo) await sites.ensure(DEMO_SITE, 'The Riverside Courier', config.demoOrigins, demoSettings(config));
    const author = values.email || values.name ? { email: values.email ?? null, name: values.name ?? null } : undefined;
    const result = await moderation.moderation.preview(values.site!, text, author);
    if (values.json) {
      out(JSON.stringify({ status: result.status, reasons: result.reasons }));
      return 0;
    }
    out(`${result.status} (${result.ms} ms)`);
    if (values.explain || result.reasons.length) for (const reason of result.reasons) out(explain(text, reason));
    if (values.explain) out(`  timings: ${result.timings.map((t) => `${t.phase} ${t.ms} ms`).join(', ')}`);
    return 0;
  });
}
