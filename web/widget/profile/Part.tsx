// One part of the profile: a headed section, busy while its task runs, its note at the end;
// and the list most parts show, or what to say when it is empty.
import type { ComponentChildren, JSX } from 'preact';
import { Note, type NoteValue } from './Note.tsx';

interface PartProps {
  id: string;
  title: string;
  busy: boolean;
  note: NoteValue;
  children: ComponentChildren;
}

export function Part({ id, title, busy, note, children }: PartProps) {
  return (
    <section class="profile-part" aria-labelledby={id} aria-busy={busy}>
      <h3 id={id}>{title}</h3>
      {children}
      <Note note={note} />
    </section>
  );
}

/** Nothing while loading (null), `empty` when there is none. */
export function ItemList<T>({ items, empty, render }: { items: T[] | null; empty: string; render(item: T): JSX.Element }) {
  if (!items) return null;
  return items.length ? <ul class="my-list">{items.map(render)}</ul> : <p class="muted">{empty}</p>;
}
