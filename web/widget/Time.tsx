// <time> with a relative label and the full date as its title.
import { useContext } from 'preact/hooks';
import { Thread } from './context.ts';
import { ago, fullDate } from './time.ts';

export function Time({ iso }: { iso: string }) {
  const { now } = useContext(Thread);
  return (
    <time dateTime={iso} title={fullDate(iso)}>
      {ago(iso, now)}
    </time>
  );
}
