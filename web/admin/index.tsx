// admin.js: the moderation console, mounted on the page GET /admin serves (#colloquy-admin).
import { render } from 'preact';
import { App } from './App.tsx';
import { applyTheme, storedTheme } from './theme.ts';
import base from './styles/base.css?inline';
import layout from './styles/layout.css?inline';
import queue from './styles/queue.css?inline';
import forms from './styles/forms.css?inline';

const css = base + layout + queue + forms;

function adoptStyles(): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  }
}

adoptStyles();
applyTheme(storedTheme());
const root = document.getElementById('colloquy-admin') ?? document.body.appendChild(document.createElement('div'));
render(<App />, root);
