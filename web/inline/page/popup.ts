// The compact form beside a passage: the editor's question (or the quoted passage), the
// latest few comments on it, a link to all of them in the thread, and a comment form.
import type { Host, LatestComment, PassageAnchor } from '../bridge.ts';
import { h, place, type Layer } from './ui.ts';

/** Where focus goes back to: an element, or the widget's way to its (possibly re-rendered) button. */
export interface Focusable {
  focus(): void;
}

export interface PopupTarget {
  key: string | null;
  anchor: PassageAnchor;
  question?: string;
  count: number;
  /** Where to show it (viewport rectangle of the passage or marker). */
  near: DOMRect;
  /** Focus goes back there on close. */
  opener?: Focusable | null;
}

const LATEST = 3;

export function createPopup(host: Host, layer: Layer, onPosted: () => void) {
  const { t } = host;
  let open: { el: HTMLElement; opener?: Focusable | null } | null = null;

  function close(): void {
    if (!open) return;
    open.el.remove();
    open.opener?.focus();
    open = null;
  }

  function show(target: PopupTarget): void {
    close();
    const id = `cq-${Math.random().toString(36).slice(2)}`;
    const author = host.author();
    const status = h('p', { class: 'st', role: 'status' });
    const body = h('textarea', { 'aria-label': t('composerLabel'), placeholder: t('placeholder'), maxlength: '10000' });
    const name = h('input', { 'aria-label': t('nameLabel'), placeholder: t('nameLabel'), autocomplete: 'name', maxlength: '100' });
    name.value = author.name;
    const submit = h('button', { type: 'submit', text: t('submit') });
    const list = h('ul', { 'aria-label': t('passageComments') });
    const all = target.key && target.count > 0 ? h('a', { href: '#', text: t('passageAll', { count: target.count }) }) : null;
    all?.addEventListener('click', (e) => {
      e.preventDefault();
      host.showAll(target.key!);
      close();
    });
    const form = h(
      'form',
      {},
      body,
      author.signedIn ? null : name,
      h('div', { class: 'row' }, all ?? h('span'), submit),
      status,
    );
    const x = h('button', { class: 'x', type: 'button', 'aria-label': t('close'), text: '×' });
    x.addEventListener('click', close);
    const el = h(
      'div',
      { class: 'pop', role: 'dialog', 'aria-labelledby': id },
      x,
      h('h2', { id, text: target.question ?? t('passageTitle') }),
      h('blockquote', { text: target.anchor.quote.exact }),
      list,
      form,
    );
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = body.value.trim();
      const who = author.signedIn ? author.name : name.value.trim();
      if (!text || !who) {
        status.textContent = t(text ? 'nameRequired' : 'bodyRequired');
        (text ? name : body).focus();
        return;
      }
      submit.disabled = true;
      status.textContent = t('posting');
      host.post({ body: text, name: who, email: author.email, anchor: target.anchor }).then(
        (res) => {
          status.textContent = t(res.status === 'approved' ? 'posted' : res.status === 'pending' ? 'postedPending' : 'postedRejected');
          if (res.status === 'approved' || res.status === 'pending') body.value = '';
          submit.disabled = false;
          // The disabled button dropped the focus: back into the form, where Escape closes it.
          body.focus();
          onPosted();
        },
        (err: unknown) => {
          status.textContent = err instanceof Error ? err.message : t('errorGeneric');
          submit.disabled = false;
        },
      );
    });
    layer.shadow.appendChild(el);
    const below = target.near.bottom + 8;
    place(layer, el, Math.min(target.near.left, innerWidth - Math.min(340, innerWidth * 0.92) - 8), below);
    open = { el, opener: target.opener };
    body.focus({ preventScroll: true });
    if (target.key && target.count > 0) {
      host.latest(target.key, LATEST).then((comments) => fill(list, comments), () => {});
    }
  }

  function fill(list: HTMLElement, comments: LatestComment[]): void {
    list.replaceChildren(
      ...comments.map((c) => {
        const item = h('li', {}, h('b', { text: c.author.name }));
        // Sanitised on the server (sanitize-html allowlist), as the thread shows it.
        const html = h('div');
        html.innerHTML = c.html;
        item.append(html);
        return item;
      }),
    );
  }

  return { show, close, isOpen: () => !!open };
}

export type Popup = ReturnType<typeof createPopup>;
