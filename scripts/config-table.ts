// Prints the README's configuration table from src/config.ts, the one source of truth.
import { settings } from '../src/config.ts';

const rows = Object.values(settings).map((s) => {
  const fallback = typeof s.default === 'function' ? 'see description' : s.default === null ? '—' : `\`${String(s.default)}\``;
  return `| \`${s.env}\` | ${fallback} | ${s.help} |`;
});
console.log(['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n'));
