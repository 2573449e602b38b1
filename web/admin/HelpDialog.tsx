// The "?" overlay: every keyboard shortcut of the queue.
import { Dialog } from './Dialog.tsx';
import { t } from './i18n/t.ts';
import { SHORTCUTS } from './keys.ts';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog id="help-title" title={t('helpTitle')} onClose={onClose}>
      <dl class="shortcuts">
        {SHORTCUTS.map(([key, label]) => (
          <div key={key} class="shortcut">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('helpSelection')}</p>
      <p class="hint">{t('helpTab')}</p>
    </Dialog>
  );
}
