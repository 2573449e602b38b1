// A destructive action asks first, in place: its button turns into the question, the action
// again and Cancel. Focus moves to Cancel, so a stray Enter or Space destroys nothing, and
// back to the button once answered (the row may be gone by then, and the focus with it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n/t.ts';

interface Props {
  /** The action, named on the first button and again on the one that confirms it. */
  label: string;
  /** What will happen, asked before it does. */
  question: string;
  onConfirm: () => void;
}

export function ConfirmButton({ label, question, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const asked = useRef(false);
  const toFocus = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Not on first render: only the button that replaced the focused one takes focus.
    if (asking) asked.current = true;
    if (asked.current) toFocus.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="act delete" ref={toFocus} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        class="act danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {label}
      </button>
      <button type="button" class="act" ref={toFocus} onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
