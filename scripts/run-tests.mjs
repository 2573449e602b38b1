// Runs every test file with Node's own test runner (TypeScript runs natively on Node 24).
// Usage: npm test [-- file-or-glob ...]
import { spawnSync } from 'node:child_process';

const patterns = process.argv.slice(2);
const files = patterns.length ? patterns : ['src/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts'];
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=120000', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
);
process.exit(result.status ?? 1);
