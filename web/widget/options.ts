// What the loader hands to the widget's mount().
export type ThemeOption = 'auto' | 'light' | 'dark';

export interface MountOptions {
  /** Server base URL without trailing slash; the API lives at `${base}/api/v1`. */
  base: string;
  site: string;
  /** Stable article key. */
  page: string;
  url: string;
  title: string;
  theme: ThemeOption;
  /** The publisher's SSO token (data-sso), if the page signs its user in. */
  sso?: string;
  /** Inline feedback: data-inline ("on" lets readers comment on passages they select, "off" turns it off) and data-inline-root (the article body's selector). */
  inline?: string;
  inlineRoot?: string;
  /** data-support="off" hides the site's goal bar in the widget (e.g. a page that shows support.js's own). */
  support?: string;
}
