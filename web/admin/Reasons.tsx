// The reasons of an automatic decision, numbered like the marks in the text: phase, rule,
// category, score, what matched and the detail.
import { matched } from './highlight.ts';
import { t } from './i18n/t.ts';
import type { Reason } from './types.ts';

export function Reasons({ reasons, text, label }: { reasons: readonly Reason[]; text: string; label: string }) {
  if (!reasons.length) return null;
  return (
    <ol class="reasons" aria-label={label}>
      {reasons.map((r, i) => {
        const m = matched(text, r);
        return (
          <li key={i} class="reason">
            <span class={`reason-n${m === null ? ' plain' : ''}`} aria-hidden="true">
              {i + 1}
            </span>
            <span class="phase">{r.phase}</span>
            <code class="rule">{r.rule}</code>
            {r.category && <span class="category">{r.category}</span>}
            {typeof r.score === 'number' && <span class="score">{t('scoreValue', { score: formatScore(r.score) })}</span>}
            {m !== null && <q class="matched">{m}</q>}
            {r.detail && <span class="detail">{r.detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}

export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}
