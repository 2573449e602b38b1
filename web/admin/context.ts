// What every console view needs: the API client, who is signed in, the site, toasts.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdminApi } from './api.ts';
import type { Route } from './route.ts';
import type { Site, User } from './types.ts';

export interface ToastInput {
  message: string;
  kind?: 'info' | 'error';
  /** A button in the toast (Undo). */
  action?: { label: string; run: () => void };
}

export interface Console {
  api: AdminApi;
  user: User;
  site: Site;
  sites: Site[];
  now: number;
  route: Route;
  go(route: Route): void;
  toast(t: ToastInput): void;
  announce(message: string): void;
}

export const ConsoleContext = createContext<Console>(null as unknown as Console);
export const useConsole = (): Console => useContext(ConsoleContext);
