// A modal <dialog>: the browser traps focus, Escape closes it, the page behind is inert.
// Focus returns to where it was when the dialog closes.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from './i18n/t.ts';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** 'drawer' slides in from the side (author panel); default is centred. */
  variant?: 'drawer' | 'centre';
  /** Element id of the heading, for aria-labelledby. */
  id: string;
}

export function Dialog({ title, onClose, children, variant = 'centre', id }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      before?.focus?.({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`dialog ${variant}`}
      aria-labelledby={id}
      // Escape, the close button and a backdrop click close the dialog at once (so keys that
      // follow are not swallowed), then tell the owner.
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content box) closes it.
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      <div class="dialog-body">
        <header class="dialog-head">
          <h2 id={id}>{title}</h2>
          <button type="button" class="icon" aria-label={t('close')} title={t('close')} onClick={() => ref.current?.close()}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
