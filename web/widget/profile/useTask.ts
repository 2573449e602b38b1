// One part of the profile doing one thing at a time: busy while it runs, its outcome (the
// text the work returns, or the error it threw) as the note shown under it.
import { useCallback, useState } from 'preact/hooks';
import { formError } from '../formError.ts';
import type { NoteValue } from './Note.tsx';

export function useTask() {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<NoteValue>(null);
  const run = useCallback(async (work: () => Promise<string | void>) => {
    setBusy(true);
    try {
      const done = await work();
      setNote(done ? { error: false, text: done } : null);
    } catch (e) {
      setNote({ error: true, text: formError(e)!.message });
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, note, run };
}
