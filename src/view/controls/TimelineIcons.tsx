/**
 * Playback icons as inline SVG: the Unicode media symbols (⏮ ⏸) are missing from many system
 * fonts and render as boxes.
 */
const PATHS = {
  reset: 'M2 3h2v10H2zM9.5 3v10L4.5 8zM15 3v10l-5-5z',
  back: 'M10 3v10L3 8zM11 3h2v10h-2z',
  play: 'M4 2.5v11L13.5 8z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M3 3h2v10H3zM6 3v10l7-5z',
} as const;

export function TimelineIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
