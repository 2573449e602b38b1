// Toasts: short confirmations (with Undo where the API allows) and errors. Info toasts leave
// after a while; errors stay until dismissed. Screen readers hear them through live regions.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ToastInput } from './context.ts';
import { t } from './i18n/t.ts';

interface Toast extends ToastInput {
  id: number;
}

const LIFETIME = 8000;

export function useToasts(): [Toast[], (toast: ToastInput) => void, (id: number) => void] {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seq = useRef(0);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((x) => x.id !== id));
  }, []);
  const push = useCallback(
    (toast: ToastInput) => {
      const id = ++seq.current;
      setToasts((list) => [...list.slice(-2), { ...toast, id }]);
      if (toast.kind !== 'error') timers.current.set(id, setTimeout(() => dismiss(id), LIFETIME));
    },
    [dismiss],
  );
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  return [toasts, push, dismiss];
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div class="toasts">
      <div role="status" aria-live="polite" class="toast-stack">
        {toasts.filter((x) => x.kind !== 'error').map((x) => <ToastView key={x.id} toast={x} dismiss={dismiss} />)}
      </div>
      <div role="alert" class="toast-stack">
        {toasts.filter((x) => x.kind === 'error').map((x) => <ToastView key={x.id} toast={x} dismiss={dismiss} />)}
      </div>
    </div>
  );
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  return (
    <div class={`toast ${toast.kind ?? 'info'}`}>
      <span class="toast-text">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          class="link"
          onClick={() => {
            dismiss(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" class="icon" aria-label={t('dismiss')} title={t('dismiss')} onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
