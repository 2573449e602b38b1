// The passage an inline comment is about, above its text: the editor's question if any, the
// quote, and a link back to the passage in the article, or a note that the text has changed.
import { useContext } from 'preact/hooks';
import type { Comment } from '../../widget/types.ts';
import { t } from '../../widget/i18n/t.ts';
import { Inline } from './context.ts';

export function PassageQuote({ anchor }: { anchor: NonNullable<Comment['anchor']> }) {
  const inline = useContext(Inline);
  const status = inline?.status(anchor.key);
  const question = inline?.question(anchor.key);
  return (
    <blockquote class="passage" aria-label={t('passageQuote')}>
      {question && <p class="question">{question}</p>}
      <p class="quote">{anchor.quote.exact}</p>
      {status === 'anchored' && (
        <a href="#" class="link" onClick={(e) => (e.preventDefault(), inline!.reveal(anchor.key))}>
          {t('passageShow')}
        </a>
      )}
      {status === 'orphan' && <span class="changed">{t('passageChanged')}</span>}
    </blockquote>
  );
}
