// The README's configuration table must name every setting the server reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { settings } from './config.ts';

test('README documents every environment variable', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const setting of Object.values(settings)) {
    assert.ok(readme.includes(`| \`${setting.env}\` |`), `README is missing ${setting.env}`);
  }
});
