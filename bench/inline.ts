// Re-anchoring speed: 200 passages on an edited 10,000-word article (web/inline/testing/
// workload.ts), the work the inline script does on every page load. Prints the median of
// many runs and which step found each passage. Run: node bench/inline.ts [--runs 50]
// The browser figure comes from test/e2e/inline.test.ts, which runs the same workload.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { locateAll } from '../web/inline/anchor.ts';
import { paragraphsText, workload } from '../web/inline/testing/workload.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' } } });
const runs = Number(values.runs);
const { edited, selectors } = workload();

const times: number[] = [];
let result = locateAll(paragraphsText(edited), selectors);
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  // The text is rebuilt every run, as a page load does (minus the DOM walk).
  result = locateAll(paragraphsText(edited), selectors);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const methods: Record<string, number> = { position: 0, quote: 0, fuzzy: 0, orphan: 0 };
for (const r of result) methods[r ? r.method : 'orphan']!++;
const text = paragraphsText(edited);
const words = text.split(' ').length;
console.log(`re-anchoring ${selectors.length} passages on a ${words}-word article (${text.length} UTF-16 units), Node ${process.version}`);
console.log(`median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms over ${runs} runs`);
console.log(`found by position ${methods.position}, exact quote ${methods.quote}, fuzzy quote ${methods.fuzzy}; orphans ${methods.orphan}`);
