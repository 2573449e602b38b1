// widget.js: mount(shadowRoot, options) renders the thread into the loader's shadow root.
import { render } from 'preact';
import { App } from './App.tsx';
import type { MountOptions } from './options.ts';
import css from './styles.css?inline';

export type { MountOptions } from './options.ts';

function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}

export function mount(root: ShadowRoot, options: MountOptions): void {
  adoptStyles(root);
  const container = document.createElement('div');
  root.appendChild(container);
  render(<App options={options} host={root.host} />, container);
}
