// admin.js: the moderation console, mounted on the page GET /admin serves (#colloquy-admin).
import { render } from 'preact';
import { App } from './App.tsx';
import { applyTheme, storedTheme } from './theme.ts';
import base from './styles/base.css?inline';
import layout from './styles/layout.css?inline';
import queue from './styles/queue.css?inline';
import forms from './styles/forms.css?inline';
import support from './styles/support.css?inline';
import { BAR_CSS } from '../../src/support/bar-view.ts';
import { adoptCss } from '../support/dom.ts';

// The goal bar's own CSS too: the campaign editor previews the bar readers see.
const css = base + layout + queue + forms + support + BAR_CSS;

adoptCss(document, css);
applyTheme(storedTheme());
const root = document.getElementById('colloquy-admin') ?? document.body.appendChild(document.createElement('div'));
render(<App />, root);
