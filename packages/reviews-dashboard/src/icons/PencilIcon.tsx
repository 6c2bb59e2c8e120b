/**
 * The pencil of "select the pencil icon" (the seed). Drawn inline rather than from an icon package: the
 * dashboard needs one icon, and its button carries the accessible name, so the drawing is hidden.
 */
export function PencilIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 20h4l10.5-10.5a2.83 2.83 0 1 0-4-4L4 16v4" />
      <path d="M13.5 6.5l4 4" />
    </svg>
  );
}
