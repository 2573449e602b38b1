// The thread header's "Inline Feedbacks" / "View all comments" switch and what it shows.
import type { ComponentChildren } from 'preact';
import { t } from '../../widget/i18n/t.ts';
import { Inline } from './context.ts';
import { InlineFeedbacks } from './InlineFeedbacks.tsx';
import type { InlineThread } from './useInline.ts';

/** The switch, in the thread header: shown when the page uses inline feedback or has passages. */
export function InlineViews({ inline }: { inline: InlineThread }) {
  if (!inline.shown) return null;
  const count = inline.passages.reduce((n, p) => n + p.count, 0);
  return (
    <div class="views" role="group" aria-label={t('viewsLabel')}>
      <button type="button" aria-pressed={inline.view === 'inline'} onClick={() => inline.setView('inline')}>
        {t('inlineTab')} <span class="n">{count}</span>
      </button>
      <button type="button" aria-pressed={inline.view === 'all'} onClick={() => inline.setView('all')}>
        {t('allTab')}
      </button>
      {inline.choose && (
        <button type="button" class="choose" ref={inline.chooser} onClick={inline.choose}>
          {t('choosePassage')}
        </button>
      )}
    </div>
  );
}

/** The thread below the composer: all comments, or only those on passages. */
export function InlineSwitch({ inline, children }: { inline: InlineThread; children: ComponentChildren }) {
  return (
    <Inline.Provider value={inline.lookup}>
      {inline.view === 'inline' ? <InlineFeedbacks api={inline.api} focus={inline.focus} refresh={inline.passages} /> : children}
    </Inline.Provider>
  );
}
