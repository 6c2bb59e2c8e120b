import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { headerAction, sequenceStatusBadge, statusLine, type SequenceStatus } from '../src/pages/mail/sequence-status.js';

describe('a sequence’s badge and its header button', () => {
  const cases: { name: string; status: SequenceStatus; expected: { label: string; color: string; action: 'start' | 'stop' } }[] = [
    { name: 'a draft from Get Started is started', status: 'draft', expected: { label: 'Draft', color: 'gray', action: 'start' } },
    { name: 'a running sequence is stopped', status: 'running', expected: { label: 'Running', color: 'green', action: 'stop' } },
    { name: 'a stopped sequence is started again', status: 'stopped', expected: { label: 'Stopped', color: 'red', action: 'start' } },
  ];
  for (const c of cases)
    test(c.name, () => assert.deepEqual({ ...sequenceStatusBadge(c.status), action: headerAction(c.status) }, c.expected));
});

describe('the line under the editor’s header', () => {
  const zone = 'America/Toronto';
  const cases: { name: string; sequence: Parameters<typeof statusLine>[0]; expected: string }[] = [
    {
      name: 'a draft',
      sequence: { status: 'draft', started_at: null, stopped_at: null },
      expected: 'Draft: nothing is sent until you select Start.',
    },
    {
      name: 'running',
      sequence: { status: 'running', started_at: '2026-03-10T16:00:00Z', stopped_at: null },
      expected: 'Running since Mar 10, 2026, 12:00 PM: each order fulfilled from then on gets a review request.',
    },
    {
      name: 'stopped',
      sequence: { status: 'stopped', started_at: '2026-03-10T16:00:00Z', stopped_at: '2026-03-12T13:30:00Z' },
      expected: 'Stopped Mar 12, 2026, 9:30 AM: no order gets a review request until you start it again.',
    },
  ];
  for (const c of cases) test(c.name, () => assert.equal(statusLine(c.sequence, zone), c.expected));
});
