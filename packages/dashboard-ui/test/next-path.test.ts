import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loginPath, safeNext } from '../src/session/next-path.js';

describe('safeNext: only a path on this origin is followed after login', () => {
  const cases: { name: string; next: string | null; expected: string }[] = [
    { name: 'none', next: null, expected: '/' },
    { name: 'a page', next: '/onboarding', expected: '/onboarding' },
    { name: 'a page with a query and hash', next: '/subscribers?page=2#top', expected: '/subscribers?page=2#top' },
    { name: 'an absolute URL', next: 'https://evil.example/', expected: '/' },
    { name: 'a protocol-relative URL', next: '//evil.example/', expected: '/' },
    { name: 'a backslash that browsers read as a slash', next: '/\\evil.example', expected: '/' },
    { name: 'a tab that URL parsers drop', next: '/\t/evil.example', expected: '/' },
    { name: 'a javascript: URL', next: 'javascript:alert(1)', expected: '/' },
    { name: 'the login page itself (no loop)', next: '/login?next=%2F', expected: '/' },
    { name: 'a page whose name starts like login', next: '/logins-report', expected: '/logins-report' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(safeNext(c.next), c.expected));
});

test('loginPath keeps where the visitor was, and nothing for home', () => {
  assert.equal(loginPath('/'), '/login');
  assert.equal(loginPath('/setup/x?y=1'), '/login?next=%2Fsetup%2Fx%3Fy%3D1');
  assert.equal(safeNext(decodeURIComponent(loginPath('/onboarding').split('next=')[1] ?? '')), '/onboarding');
});
