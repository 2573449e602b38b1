// Per-site inline feedback settings (stored under `inline` in the site's settings JSON).
export interface InlineSettings {
  /** How editor-placed questions draw attention: a quiet icon, a gentle pulse when scrolled into view, or no icon. */
  attraction: 'quiet' | 'pulse' | 'off';
  /** Whether readers may select any passage and comment on it (on pages that enable it). */
  readerSelection: boolean;
  /** CSS selector of the article body that selection and anchoring are limited to; null: the page's data-inline-root, else <article>, else <body>. */
  root: string | null;
}

export const defaultInline: InlineSettings = { attraction: 'quiet', readerSelection: true, root: null };

/** The stored value, each key falling back to its default when missing or invalid. */
export function parseInline(stored: unknown): InlineSettings {
  const s = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const attraction = s.attraction === 'pulse' || s.attraction === 'off' ? s.attraction : defaultInline.attraction;
  const readerSelection = typeof s.readerSelection === 'boolean' ? s.readerSelection : defaultInline.readerSelection;
  const root = typeof s.root === 'string' && s.root.trim() && s.root.length <= 200 ? s.root.trim() : null;
  return { attraction, readerSelection, root };
}
