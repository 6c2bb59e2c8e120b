import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quietHoursDecision, sendingWindow } from '../../src/compliance/quiet-hours.js';
import { sendPolicy } from '../../src/compliance/send-policy.js';

// 2026-03-10 is a Tuesday; US DST began 2026-03-08, so New York is UTC-4, Chicago UTC-5, Los Angeles UTC-7.
// 2026-03-15 is a Sunday.
const NY = ['America/New_York'];
const CHI = ['America/Chicago'];

const scenarios: { name: string; at: string; zones: string[]; region: string | null; opensAt?: string }[] = [
  { name: 'federal: noon is inside 8–21', at: '2026-03-10T16:00:00Z', zones: NY, region: 'NY' },
  { name: 'federal: 07:59 is held until 08:00', at: '2026-03-10T11:59:00Z', zones: NY, region: 'NY', opensAt: '2026-03-10T12:00:00Z' },
  { name: 'federal: 08:00 sharp is allowed', at: '2026-03-10T12:00:00Z', zones: NY, region: 'NY' },
  { name: 'federal: 20:59 is allowed', at: '2026-03-11T00:59:00Z', zones: NY, region: 'NY' },
  {
    name: 'federal: 21:00 is held until 08:00 next day',
    at: '2026-03-11T01:00:00Z',
    zones: NY,
    region: 'NY',
    opensAt: '2026-03-11T12:00:00Z',
  },
  {
    name: 'federal: 23:00 is held until 08:00 next day',
    at: '2026-03-11T03:00:00Z',
    zones: NY,
    region: null,
    opensAt: '2026-03-11T12:00:00Z',
  },
  { name: 'FL: 20:30 is after 8 pm', at: '2026-03-11T00:30:00Z', zones: NY, region: 'FL', opensAt: '2026-03-11T12:00:00Z' },
  { name: 'FL: 19:59 is allowed', at: '2026-03-10T23:59:00Z', zones: NY, region: 'FL' },
  { name: 'NJ: 20:00 is closed', at: '2026-03-11T00:00:00Z', zones: NY, region: 'NJ', opensAt: '2026-03-11T12:00:00Z' },
  { name: 'MD: 20:15 is closed', at: '2026-03-11T00:15:00Z', zones: NY, region: 'MD', opensAt: '2026-03-11T12:00:00Z' },
  { name: 'OK (Central): 20:10 is closed', at: '2026-03-11T01:10:00Z', zones: CHI, region: 'OK', opensAt: '2026-03-11T13:00:00Z' },
  { name: 'MS (Central): 19:00 is allowed', at: '2026-03-11T00:00:00Z', zones: CHI, region: 'MS' },
  { name: 'CT: 08:30 is before 9 am', at: '2026-03-10T12:30:00Z', zones: NY, region: 'CT', opensAt: '2026-03-10T13:00:00Z' },
  { name: 'CT: 20:00 is closed until 9 am', at: '2026-03-11T00:00:00Z', zones: NY, region: 'CT', opensAt: '2026-03-11T13:00:00Z' },
  { name: 'TX weekday: 08:30 is before 9 am', at: '2026-03-10T13:30:00Z', zones: CHI, region: 'TX', opensAt: '2026-03-10T14:00:00Z' },
  { name: 'TX weekday: 20:30 is allowed', at: '2026-03-11T01:30:00Z', zones: CHI, region: 'TX' },
  { name: 'TX Sunday: 10:00 waits for noon', at: '2026-03-15T15:00:00Z', zones: CHI, region: 'TX', opensAt: '2026-03-15T17:00:00Z' },
  {
    name: 'TX Saturday 21:30 waits for Sunday noon',
    at: '2026-03-15T02:30:00Z',
    zones: CHI,
    region: 'TX',
    opensAt: '2026-03-15T17:00:00Z',
  },
  {
    name: 'RI weekend: 17:30 Saturday waits for Sunday 10:00',
    at: '2026-03-14T21:30:00Z',
    zones: NY,
    region: 'RI',
    opensAt: '2026-03-15T14:00:00Z',
  },
  {
    name: 'CA (Pacific): 07:00 waits for 08:00 Pacific',
    at: '2026-03-10T14:00:00Z',
    zones: ['America/Los_Angeles'],
    region: 'CA',
    opensAt: '2026-03-10T15:00:00Z',
  },
  { name: 'unknown zone falls back to New York', at: '2026-03-11T03:00:00Z', zones: [], region: null, opensAt: '2026-03-11T12:00:00Z' },
  {
    name: 'split area code: allowed only when every zone is open (Eastern opens first, Central decides)',
    at: '2026-03-10T12:30:00Z',
    zones: ['America/Chicago', 'America/New_York'],
    region: null,
    opensAt: '2026-03-10T13:00:00Z',
  },
  {
    name: 'DST: the day after the spring change opens at 08:00 EDT',
    at: '2026-03-09T02:00:00Z',
    zones: NY,
    region: null,
    opensAt: '2026-03-09T12:00:00Z',
  },
  { name: 'winter (EST): 23:00 waits for 08:00 EST', at: '2026-01-06T04:00:00Z', zones: NY, region: null, opensAt: '2026-01-06T13:00:00Z' },
];

describe('quiet hours (recipient local time, state rules)', () => {
  for (const s of scenarios) {
    test(s.name, () => {
      const d = quietHoursDecision({ instant: new Date(s.at), timeZones: s.zones, region: s.region });
      if (s.opensAt === undefined) assert.deepEqual(d, { allowed: true });
      else assert.deepEqual(d, { allowed: false, opensAt: new Date(s.opensAt) });
    });
  }

  test('state windows never widen the federal window', () => {
    for (const region of ['FL', 'OK', 'MD', 'MS', 'NJ', 'CT', 'TX', 'RI', 'WA', 'NY', null]) {
      for (let weekday = 0; weekday < 7; weekday++) {
        const w = sendingWindow(region, weekday);
        assert.ok(w.open >= 8 * 60 && w.close <= 21 * 60 && w.open < w.close, `${region} ${weekday}`);
      }
    }
  });

  test('replies to the consumer are exempt; automation texts are held', () => {
    assert.equal(sendPolicy('automation').quietHours, true);
    for (const p of ['doi_prompt', 'doi_confirmation', 'opt_out_confirmation', 'help'] as const)
      assert.equal(sendPolicy(p).quietHours, false);
  });
});
