import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleWaitCaution, SEED_CAUTION } from '../src/pages/mail/double-wait.js';

const automation = (name: string, enabled: boolean, delay: number) => ({ name, enabled, first_delay_minutes: delay });

describe('the double-wait caution in the sequence editor', () => {
  const cases: {
    story: string;
    delays: Parameters<typeof doubleWaitCaution>[2];
    tone: 'warning' | 'caution' | 'fine';
    text: RegExp;
  }[] = [
    {
      story: 'not loaded yet: the seed’s caution',
      delays: undefined,
      tone: 'caution',
      text: /^Both Postscript and Okendo offer a Wait option/,
    },
    {
      story: 'real Postscript (no automations API): the seed’s caution, verbatim',
      delays: { readable: false, reason: 'no_automation_api', automations: [] },
      tone: 'caution',
      text: new RegExp(`^${SEED_CAUTION.replace(/[.]/g, '\\.')}$`),
    },
    {
      story: 'Rapport, the automation sends at once: this Wait is the only one',
      delays: { readable: true, reason: null, automations: [automation('Review ask', true, 0)] },
      tone: 'fine',
      text: /this Wait \(3 days after fulfillment\) is the only one/,
    },
    {
      story: 'Rapport, no automation on the trigger yet: leave its delay at 0 when you build it',
      delays: { readable: true, reason: null, automations: [] },
      tone: 'caution',
      text: /leave its delay at 0: this Wait already times the text, and with both the customer could wait twice as long/,
    },
    {
      story: 'Rapport, only a disabled automation (with a delay): none enabled yet',
      delays: { readable: true, reason: null, automations: [automation('Old', false, 1440)] },
      tone: 'caution',
      text: /is enabled yet/,
    },
    {
      story: 'Rapport, a disabled automation with a delay does not count beside an enabled one at 0',
      delays: { readable: true, reason: null, automations: [automation('Old', false, 1440), automation('New', true, 0)] },
      tone: 'fine',
      text: /only one/,
    },
    {
      story: 'Rapport, the automation waits 2 days more: 5 days in all',
      delays: { readable: true, reason: null, automations: [automation('Review ask', true, 2880), automation('Second', true, 60)] },
      tone: 'warning',
      text: /“Review ask” \(and 1 more automation\) waits 2 days after the trigger: with this Wait the customer gets the text 5 days after fulfillment\. Be careful about using both/,
    },
  ];
  for (const c of cases) {
    it(c.story, () => {
      const caution = doubleWaitCaution(3, 'fulfillment', c.delays);
      assert.equal(caution.tone, c.tone);
      assert.match(caution.text, c.text);
    });
  }
});
