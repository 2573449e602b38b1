// A one-line outcome under a part of the profile, read out by screen readers.
export type NoteValue = { error: boolean; text: string } | null;

export function Note({ note }: { note: NoteValue }) {
  return note ? (
    <p class={note.error ? 'error' : 'status'} role="status">
      {note.text}
    </p>
  ) : null;
}
