import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isLinkInfo, linkForm, linkProblem, type LinkInfo } from '../src/pages/setup-link.js';

describe("linkForm: what a one-time link asks for, by the link's kind", () => {
  const cases: { name: string; info: LinkInfo; emailEditable: boolean; body: unknown; heading: RegExp }[] = [
    {
      name: 'setup: the owner types an email, which is sent',
      info: { kind: 'setup', email: null },
      emailEditable: true,
      body: { email: 'owner@example.com', password: 'long enough pw' },
      heading: /Set up your account/,
    },
    {
      name: "invitation: the invitation's email, fixed and not sent",
      info: { kind: 'invitation', email: 'lee@example.com' },
      emailEditable: false,
      body: { password: 'long enough pw' },
      heading: /Join your team/,
    },
    {
      name: 'reset: only the new password',
      info: { kind: 'reset', email: 'owner@example.com' },
      emailEditable: false,
      body: { password: 'long enough pw' },
      heading: /new password/,
    },
  ];
  for (const c of cases)
    test(c.name, () => {
      const form = linkForm(c.info, 'shop');
      assert.equal(form.emailEditable, c.emailEditable);
      assert.deepEqual(form.body('owner@example.com', 'long enough pw'), c.body);
      assert.match(form.heading, c.heading);
    });
  test('the invitation names who it is for', () =>
    assert.match(linkForm({ kind: 'invitation', email: 'lee@example.com' }, 'store').intro, /lee@example\.com/));
});

test('linkProblem explains 404 and 410 and leaves other failures to their own message', () => {
  assert.match(linkProblem(404) ?? '', /not valid/);
  assert.match(linkProblem(410) ?? '', /already been used or has expired/);
  assert.equal(linkProblem(500), undefined);
});

test('isLinkInfo accepts the three kinds and nothing else', () => {
  assert.ok(isLinkInfo({ kind: 'setup', email: null }));
  assert.ok(isLinkInfo({ kind: 'reset', email: 'a@example.com' }));
  assert.ok(!isLinkInfo({ kind: 'admin', email: null }));
  assert.ok(!isLinkInfo({ kind: 'setup' }));
  assert.ok(!isLinkInfo(null));
});
