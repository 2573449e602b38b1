// "Download my data" (the export as a JSON file) and "Delete my account", which asks first.
import { useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import type { MeApi } from './me.ts';
import { Part } from './Part.tsx';
import { useTask } from './useTask.ts';

/** Saves JSON as a file: the export needs the bearer token, so a plain link cannot fetch it. */
function saveJson(data: object, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function MyData({ me, onDeleted }: { me: MeApi; onDeleted(): void }) {
  const [asking, setAsking] = useState(false);
  const { busy, note, run } = useTask();

  return (
    <Part id="colloquy-my-data" title={t('myData')} busy={busy} note={note}>
      <div class="buttons">
        <button type="button" class="secondary" disabled={busy} onClick={() => void run(async () => saveJson(await me.export(), 'colloquy-my-data.json'))}>
          {t('downloadData')}
        </button>
        {!asking && (
          <button type="button" class="link danger" disabled={busy} onClick={() => setAsking(true)}>
            {t('deleteAccount')}
          </button>
        )}
      </div>
      {asking && (
        <div class="confirm" role="group" aria-labelledby="colloquy-delete-ask">
          <p id="colloquy-delete-ask">{t('deleteAccountAsk')}</p>
          <div class="buttons">
            <button type="button" class="primary danger" disabled={busy} onClick={() => void run(async () => (await me.deleteAccount(), onDeleted()))}>
              {t('deleteAccountYes')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </Part>
  );
}
