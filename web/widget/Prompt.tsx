// "Would love your thoughts, please comment." – dismissible, remembered in localStorage.
import { useState } from 'preact/hooks';
import { Icon } from './Icon.tsx';
import { t } from './i18n/t.ts';
import { load, save } from './storage.ts';

const KEY = 'colloquy:prompt-dismissed';

export function Prompt({ onGo }: { onGo(): void }) {
  const [dismissed, setDismissed] = useState(() => load<unknown>(KEY, false) === true);
  if (dismissed) return null;
  return (
    <div class="prompt">
      <button type="button" class="prompt-go" onClick={onGo}>
        {t('prompt')}
      </button>
      <button
        type="button"
        class="prompt-close"
        aria-label={t('promptDismiss')}
        onClick={() => {
          save(KEY, true);
          setDismissed(true);
        }}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
