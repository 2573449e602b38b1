// widget.js: mount(shadowRoot, options) renders the thread into the loader's shadow root.
import { render } from 'preact';
import { App } from './App.tsx';
import { setAvatarBase } from './Avatar.tsx';
import type { MountOptions } from './options.ts';
import { adoptCss } from '../support/dom.ts';
import theme from './styles/theme.css?inline';
import controls from './styles/controls.css?inline';
import thread from './styles/thread.css?inline';
import inline from '../inline/thread/thread.css?inline';

export type { MountOptions } from './options.ts';

const css = theme + controls + thread + inline;

export function mount(root: ShadowRoot, options: MountOptions): void {
  adoptCss(root, css);
  setAvatarBase(options.base);
  const container = document.createElement('div');
  root.appendChild(container);
  render(<App options={options} host={root.host} />, container);
}
