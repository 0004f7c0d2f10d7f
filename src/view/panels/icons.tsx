/** Small inline icons (system fonts lack some symbols, e.g. ⧉, on Debian's Chromium). */
const base = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  'aria-hidden': true,
} as const;

export const DuplicateIcon = () => (
  <svg {...base}>
    <rect x="5" y="5" width="9" height="9" rx="1.5" />
    <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11" />
  </svg>
);

export const EyeIcon = ({ open }: { open: boolean }) => (
  <svg {...base}>
    <path d="M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" />
    {open ? <circle cx="8" cy="8" r="2" /> : <path d="M2.5 13.5l11-11" />}
  </svg>
);

export const PencilIcon = () => (
  <svg {...base}>
    <path d="M10.5 2.5l3 3L6 13H3v-3z" />
  </svg>
);

export const CrossIcon = () => (
  <svg {...base}>
    <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" />
  </svg>
);
