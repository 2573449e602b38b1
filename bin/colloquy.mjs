#!/usr/bin/env node
// colloquy <group> <command> [options]: a small dispatcher. Each group is a module in
// src/cli/<group>.ts exporting run(args) → exit code; add a group with one line below.
const groups = {
  admin: { module: '../src/cli/admin.ts', help: 'create --email E --password-stdin [--role admin|moderator] [--site ID]   a staff user (password on stdin)\n  colloquy admin password --email E --password-stdin   set a staff password' },
  moderate: { module: '../src/cli/moderate.ts', help: '--site ID [--explain] [--json] "text"   the site\'s moderation pipeline on a text, storing nothing' },
  support: { module: '../src/cli/support.ts', help: 'verify-totals [--repair]   rebuild campaign totals from the ledger and prove they match' },
};

const [group, ...args] = process.argv.slice(2);
if (!group || !(group in groups) || group === 'help') {
  console.error('Usage: colloquy <group> <command> [options]\n');
  for (const [name, g] of Object.entries(groups)) console.error(`  colloquy ${name} ${g.help}`);
  process.exit(group && group !== 'help' ? 2 : 0);
}
const { run } = await import(new URL(groups[group].module, import.meta.url).href);
process.exitCode = await run(args);
