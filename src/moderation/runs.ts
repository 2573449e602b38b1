// Runs of text between break characters, for patterns whose matches never hold a break (a link
// holds no space): a pattern whose cost grows with the text is run only on the runs where
// `hint` (what every match contains) is found, each once, instead of on the whole text.

/** JavaScript's \s: the breaks of patterns written with [^\s…]. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Calls `visit(start, end)` for each run of `text` between breaks that holds a match of `hint`
 * (a global RegExp whose matches start with a character that is not a break), in order. */
export function forEachHintedRun(text: string, hint: RegExp, isBreak: (c: number) => boolean, visit: (start: number, end: number) => void): void {
  hint.lastIndex = 0;
  for (let found = hint.exec(text); found; found = hint.exec(text)) {
    let start = found.index;
    while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
    let end = found.index + 1;
    while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    visit(start, end);
    hint.lastIndex = end;
  }
}
