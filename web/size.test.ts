// Size budgets for the embed (gzip level 9). Assumes `npm run build` ran (the test script
// runs it first). The widget's size includes every chunk it imports statically and any CSS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/public');
const KB = 1024;

function gzipSize(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

/** widget.js plus the chunks it imports statically (transitively); dynamic imports excluded. */
function staticGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(DIST, entry), 'utf8');
  const imports = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']\.\/([^"']+)["']/g;
  for (const m of code.matchAll(imports)) staticGraph(m[1]!, seen);
  return seen;
}

function check(label: string, files: string[], budget: number): void {
  for (const f of files) assert.ok(existsSync(join(DIST, f)), `${f} missing: run npm run build first`);
  const size = files.reduce((sum, f) => sum + gzipSize(f), 0);
  const list = files.join(' + ');
  assert.ok(size <= budget, `${label} is ${size} B gzip (${list}), over its budget of ${budget} B`);
  console.log(`# ${label}: ${size} B gzip of ${budget} B (${list})`);
}

test('loader embed.js is at most 2 KB gzip', () => {
  check('embed.js', ['embed.js'], 2 * KB);
});

test('count.js is at most 1 KB gzip', () => {
  check('count.js', ['count.js'], 1 * KB);
});

test('widget with its static chunks and styles is at most 25 KB gzip', () => {
  const css = readdirSync(DIST).filter((f) => f.endsWith('.css'));
  check('widget', [...staticGraph('widget.js'), ...css], 25 * KB);
});

test('support.js (the fundraising goal bar) is at most 3 KB gzip', () => {
  check('support.js', ['support.js'], 3 * KB);
});

test('admin.js (the moderation console, its CSS inlined) is at most 60 KB gzip', () => {
  check('admin.js', ['admin.js'], 60 * KB);
  const code = readFileSync(join(DIST, 'admin.js'), 'utf8');
  assert.doesNotMatch(code, /(^|[;}\s])(import\s*[\w*{]|export\s)/, 'admin.js is one classic script (no chunks to load)');
});

test('inline.js (inline feedback, loaded only on pages that use it) is at most 9 KB gzip', () => {
  check('inline.js', ['inline.js'], 9 * KB);
  // Not part of the widget: the widget imports it at run time, by URL, when the page needs it.
  assert.ok(!staticGraph('widget.js').has('inline.js'), 'widget.js must not import inline.js statically');
  assert.doesNotMatch(readFileSync(join(DIST, 'widget.js'), 'utf8'), /Int32Array\(128\*/, 'the matcher stays out of widget.js');
});

test('the profile view is a chunk of its own (at most 4 KB gzip), loaded only when a reader opens it', () => {
  check('widget-Profile.js', ['widget-Profile.js'], 4 * KB);
  assert.ok(!staticGraph('widget.js').has('widget-Profile.js'), 'widget.js must not import the profile view statically');
  assert.match(readFileSync(join(DIST, 'widget.js'), 'utf8'), /import\(`\.\/widget-Profile\.js`\)|import\(["']\.\/widget-Profile\.js["']\)/, 'widget.js imports it on demand');
});

test('the goal bar in the widget is a chunk of its own, loaded only for sites with a campaign', () => {
  const chunk = readdirSync(DIST).find((f) => /^widget-.*bar.*\.js$/.test(f));
  assert.ok(chunk, 'a widget-*bar*.js chunk');
  assert.ok(!staticGraph('widget.js').has(chunk), `widget.js must not import ${chunk} statically`);
  check('goal bar chunk', [chunk], 3 * KB);
});

test('loader and count script are classic scripts (no import/export statements)', () => {
  for (const f of ['embed.js', 'count.js', 'support.js']) {
    const code = readFileSync(join(DIST, f), 'utf8');
    assert.doesNotMatch(code, /(^|[;}\s])(import\s*[\w*{]|export\s)/, `${f} must run as a classic <script>`);
  }
});
