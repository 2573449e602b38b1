// A comment's source text with the reasons' matched spans in <mark>: text nodes only.
import { segments } from './highlight.ts';
import { t } from './i18n/t.ts';
import type { Reason } from './types.ts';

export function Highlighted({ text, reasons, class: cls = 'body' }: { text: string; reasons: readonly Reason[]; class?: string }) {
  return (
    <p class={cls}>
      {segments(text, reasons).map((s, i) =>
        s.reasons.length ? (
          <mark key={i} data-reasons={s.reasons.join(' ')} title={t('markTitle', { list: s.reasons.join(', ') })}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}
