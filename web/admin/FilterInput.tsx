// A list's text filter. What the moderator types stays in the field while the list reloads: a
// controlled input that only learned its value on "change" was reset to the filter in force
// whenever an answer arriving meanwhile re-rendered the page, and the typing was lost. The
// filter itself changes on Enter or on leaving the field, not on every key.
import { useEffect, useState } from 'preact/hooks';

interface Props {
  /** The filter in force. */
  value: string;
  onCommit(value: string): void;
  id?: string;
  placeholder?: string;
  maxLength?: number;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

export function FilterInput({ value, onCommit, ...attributes }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      type="search"
      {...attributes}
      value={draft}
      onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
      onChange={(e) => onCommit((e.currentTarget as HTMLInputElement).value)}
    />
  );
}
