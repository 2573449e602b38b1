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
}
