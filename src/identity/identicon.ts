// A deterministic 5×5 mirrored identicon as SVG, drawn from any key. Contains no text from
// the request, only shapes and a colour computed from its hash, so it is safe to serve as is.
import { createHash } from 'node:crypto';

export function identiconSvg(key: string): string {
  const bytes = createHash('sha256').update(key).digest();
  const hue = Math.round((bytes.readUInt16BE(0) / 65536) * 360);
  const fg = `hsl(${hue} 55% 50%)`;
  const bg = `hsl(${hue} 40% 93%)`;
  const cells: string[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      // One bit a cell of the left half and middle; the right half mirrors the left.
      const bit = (bytes[2 + row] >> col) & 1;
      if (!bit) continue;
      for (const x of new Set([col, 4 - col])) cells.push(`<rect x="${x + 1}" y="${row + 1}" width="1" height="1"/>`);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 7 7" width="80" height="80" shape-rendering="crispEdges">` +
    `<rect width="7" height="7" fill="${bg}"/><g fill="${fg}">${cells.join('')}</g></svg>`
  );
}
