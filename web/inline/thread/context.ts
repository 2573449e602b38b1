// What thread components need from inline feedback: where each passage is in the article.
import { createContext } from 'preact';
import type { Controller } from '../bridge.ts';

export type InlineLookup = Pick<Controller, 'status' | 'reveal' | 'question' | 'position'>;

/** Null until inline.js runs on the page (or when the page does not use it). */
export const Inline = createContext<InlineLookup | null>(null);
