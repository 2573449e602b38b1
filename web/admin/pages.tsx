// Every console page besides the queues: its address, who sees it in the navigation, and what
// it shows. Adding a page to the console is one entry here (plus its `nav_<name>` string).
import type { JSX } from 'preact';
import { Audit } from './Audit.tsx';
import { Bans } from './Bans.tsx';
import { Mailbox } from './Mailbox.tsx';
import { Questions } from './Questions.tsx';
import { Settings } from './Settings.tsx';
import { Alerts } from './Alerts.tsx';
import { Webhooks } from './Webhooks.tsx';
import { Campaigns } from './support/Campaigns.tsx';
import { Ledger } from './support/Ledger.tsx';

export interface PageSpec {
  name: string;
  /** Shown in the navigation to site admins only (the API enforces the same). */
  adminOnly: boolean;
  /** Shown only when the server offers the development mailbox. */
  devMailbox?: boolean;
  render(): JSX.Element;
}

export const PAGES = [
  { name: 'bans', adminOnly: false, render: () => <Bans /> },
  { name: 'settings', adminOnly: true, render: () => <Settings /> },
  { name: 'audit', adminOnly: true, render: () => <Audit /> },
  { name: 'campaigns', adminOnly: true, render: () => <Campaigns /> },
  { name: 'ledger', adminOnly: true, render: () => <Ledger /> },
  { name: 'questions', adminOnly: true, render: () => <Questions /> },
  { name: 'mailbox', adminOnly: false, devMailbox: true, render: () => <Mailbox /> },
  { name: 'alerts', adminOnly: false, render: () => <Alerts /> },
  { name: 'webhooks', adminOnly: true, render: () => <Webhooks /> },
] as const satisfies readonly PageSpec[];

export type PageName = (typeof PAGES)[number]['name'];

export function pageNamed(name: string | undefined): PageSpec | undefined {
  return (PAGES as readonly PageSpec[]).find((p) => p.name === name);
}

/** The pages this member may open on this site, in navigation order. */
export function visiblePages(role: 'admin' | 'moderator', devMailbox: boolean): PageSpec[] {
  return (PAGES as readonly PageSpec[]).filter((p) => (!p.adminOnly || role === 'admin') && (!p.devMailbox || devMailbox));
}
