// Avatar image, or the author's initial in a circle tinted from the name.
function hue(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

/** Our identicons come as paths on the comment server; resolve them there, not on the host page. */
let base = '';
export const setAvatarBase = (b: string) => void (base = b);

export function Avatar({ name, src }: { name: string; src: string | null }) {
  if (src) return <img class="avatar" src={src.startsWith('/') ? base + src : src} alt="" width={36} height={36} loading="lazy" referrerpolicy="no-referrer" />;
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span class="avatar" aria-hidden="true" style={{ '--h': hue(name) }}>
      {initial}
    </span>
  );
}
