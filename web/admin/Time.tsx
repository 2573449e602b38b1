// <time> with a relative label and the full date as its title.
import { useConsole } from './context.ts';
import { ago, fullDate } from './time.ts';

export function Time({ iso }: { iso: string | null | undefined }) {
  const { now } = useConsole();
  if (!iso) return null;
  return (
    <time dateTime={iso} title={fullDate(iso)}>
      {ago(iso, now)}
    </time>
  );
}
