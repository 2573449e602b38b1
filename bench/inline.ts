// Re-anchoring speed: 200 passages on an edited 10,000-word article (web/inline/testing/
// workload.ts), the work the inline script does on every page load. Prints the median of
// many runs and which step found each passage.
//
//   node bench/inline.ts [--runs 50]             # Node: normalising the text + re-anchoring
//   node bench/inline.ts --browser [--runs 25]   # chromium: the DOM walk too, with the built
//                                                # dist/public/inline.js (npm run build first)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/helpers/browser.ts';
import { locateAll } from '../web/inline/anchor.ts';
import { paragraphsText, workload } from '../web/inline/testing/workload.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, browser: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const { edited, selectors } = workload();
const text = paragraphsText(edited);
const words = text.split(' ').length;

/** Times and the passages found, in Node. */
function inNode(): { times: number[]; found: number; methods: Record<string, number> } {
  const times: number[] = [];
  let result = locateAll(paragraphsText(edited), selectors);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // The text is rebuilt every run, as a page load does (minus the DOM walk).
    result = locateAll(paragraphsText(edited), selectors);
    times.push(performance.now() - started);
  }
  const methods: Record<string, number> = { position: 0, quote: 0, fuzzy: 0, orphan: 0 };
  for (const r of result) methods[r ? r.method : 'orphan']!++;
  return { times, found: result.filter(Boolean).length, methods };
}

/** Times and the passages found, in chromium: the article in a page's DOM, read by inline.js. */
async function inChromium(): Promise<{ times: number[]; found: number }> {
  const script = readFileSync(new URL('../dist/public/inline.js', import.meta.url));
  const server = createServer((request, response) => {
    if (request.url === '/inline.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>re-anchoring</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(base);
    return await page.evaluate(
      async ({ base, edited, selectors, runs }) => {
        const inline = await import(`${base}/inline.js`);
        const box = document.createElement('section');
        box.innerHTML = edited.map((p: string) => `<p>${p}</p>`).join('');
        document.body.appendChild(box);
        const times: number[] = [];
        let found = 0;
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          const text = inline.readText(box).text;
          found = inline.locateAll(text, selectors).filter(Boolean).length;
          times.push(performance.now() - started);
        }
        return { times, found };
      },
      { base, edited, selectors, runs },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

const measured: { times: number[]; found: number; methods?: Record<string, number> } = values.browser ? await inChromium() : inNode();
const times = [...measured.times].sort((a, b) => a - b);
const where = values.browser ? 'chromium (DOM walk included)' : `Node ${process.version}`;
console.log(`re-anchoring ${selectors.length} passages on a ${words}-word article (${text.length} UTF-16 units), ${where}`);
console.log(`median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms over ${runs} runs`);
const { methods } = measured;
if (methods) console.log(`found by position ${methods.position}, exact quote ${methods.quote}, fuzzy quote ${methods.fuzzy}; orphans ${methods.orphan}`);
else console.log(`${measured.found} of ${selectors.length} found`);
