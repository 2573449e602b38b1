// Ban durations offered by the console (seconds; null is permanent).
export const DURATIONS: { key: 'h1' | 'h24' | 'd7' | 'd30' | 'forever'; seconds: number | null }[] = [
  { key: 'h1', seconds: 3600 },
  { key: 'h24', seconds: 86400 },
  { key: 'd7', seconds: 7 * 86400 },
  { key: 'd30', seconds: 30 * 86400 },
  { key: 'forever', seconds: null },
];
