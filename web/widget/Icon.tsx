// Small inline SVG icons (decorative: the buttons carry the accessible names).
const PATHS = {
  up: 'M12 8l7 8H5z',
  down: 'M12 16l-7-8h14z',
  close: 'M6 6l12 12M18 6L6 18',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  const stroke = name === 'close';
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill={stroke ? 'none' : 'currentColor'}
        stroke={stroke ? 'currentColor' : 'none'}
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
}
