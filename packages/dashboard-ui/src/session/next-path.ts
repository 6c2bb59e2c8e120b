/**
 * Where to go after logging in. The guard sends a logged-out visitor to `/login?next=<where they were>`;
 * the login page goes back there. `next` comes from the address bar, so anyone can write a link with any
 * value: only a path on this origin is followed (`//evil.example` and `/\evil.example` are read by
 * browsers as other hosts), never the login page itself, otherwise home.
 */
export const HOME = '/';

export function loginPath(current: string): string {
  return current === HOME || current === '' ? '/login' : `/login?next=${encodeURIComponent(current)}`;
}

export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return HOME;
  if (next.startsWith('//') || next.startsWith('/\\')) return HOME;
  // Control characters (a tab or newline inside "/\t/evil") are dropped by URL parsers before the check above would see them.
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return HOME;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return HOME;
  return next;
}
