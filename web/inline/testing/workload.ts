// The re-anchoring workload of the benchmark (bench/inline.ts) and the browser test: a
// 10,000-word article, 200 passages selected on its published text, then the article as
// edited since: typos in 40 passages fixed, 5 paragraphs inserted and 2 removed. So the
// passages exercise every step: position, exact quote, fuzzy quote, and orphans.
import { describe, type Selector } from '../anchor.ts';
import { BREAK, buildText, type Part } from '../text.ts';
import { longArticle, random } from './articles.ts';

export interface Workload {
  published: string[];
  edited: string[];
  selectors: Selector[];
}

export const paragraphsText = (paragraphs: readonly string[]): string =>
  buildText(paragraphs.flatMap((p): Part[] => [BREAK, p, BREAK])).text;

export function workload(words = 10_000, passages = 200, seed = 11): Workload {
  const next = random(seed);
  const clean = longArticle(words, seed);
  const published = [...clean];
  // Passages as (paragraph, start, end) within the paragraph, cut at word boundaries.
  const spots: Array<[number, number, number]> = [];
  for (let i = 0; i < passages; i++) {
    const p = Math.floor(next() * clean.length);
    const words = clean[p]!.split(' ');
    const first = Math.floor(next() * Math.max(1, words.length - 4));
    const count = Math.min(words.length - first, 3 + Math.floor(next() * 24));
    const start = words.slice(0, first).join(' ').length + (first ? 1 : 0);
    spots.push([p, start, start + words.slice(first, first + count).join(' ').length]);
  }
  // One in five passages was published with a typo (a letter doubled) that was fixed later.
  const typos = new Set<number>();
  for (let i = 0; i < passages; i += 5) {
    const [p, start, end] = spots[i]!;
    if ([...typos].some((j) => spots[j]![0] === p)) continue;
    let at = start + Math.floor((end - start) / 2);
    while (published[p]![at] === ' ') at++;
    published[p] = published[p]!.slice(0, at) + published[p]![at] + published[p]!.slice(at);
    spots[i] = [p, start, end + 1];
    typos.add(i);
  }
  const offsets: number[] = [];
  let text = '';
  for (const p of published) {
    offsets.push(text ? text.length + 1 : 0);
    text = text ? `${text} ${p}` : p;
  }
  const publishedText = paragraphsText(published);
  if (publishedText !== text) throw new Error('workload paragraphs must be normalised text already');
  const selectors = spots.map(([p, start, end]) => describe(publishedText, offsets[p]! + start, offsets[p]! + end));

  const edited = [...clean];
  for (let i = 0; i < 2; i++) edited.splice(Math.floor(next() * edited.length), 1);
  for (let i = 0; i < 5; i++) edited.splice(Math.floor(next() * edited.length), 0, `Update ${i + 1}: this paragraph was added after publication, with new details from the council.`);
  return { published, edited, selectors };
}
