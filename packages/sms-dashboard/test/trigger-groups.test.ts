import type { AutomationTriggerOption } from '@rapport/sms/schemas';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { triggerGroups } from '../src/pages/automations/trigger-groups.js';

const partner = (name: string): AutomationTriggerOption => ({ name, kind: 'partner', tags: ['review_url'], declared_wait: null });
const event = (name: string, source: 'catalog' | 'custom'): AutomationTriggerOption => ({
  name,
  kind: 'event',
  source,
  tags: [],
  declared_wait: null,
});
const labels = (groups: ReturnType<typeof triggerGroups>) => groups.map((g) => [g.group, g.items.map((i) => i.label)]);

describe('the Automation Trigger drop-down', () => {
  test('partner triggers, then the Okendo events in the catalog’s order, then the shop’s other events', () => {
    const groups = triggerGroups([
      partner('Okendo Review Request'),
      event('Review Created', 'catalog'),
      event('Okendo Loyalty Points Awarded', 'catalog'),
      event('Back In Stock', 'custom'),
    ]);
    assert.deepEqual(labels(groups), [
      ['Partner triggers', ['Okendo Review Request']],
      ['Okendo events', ['Review Created', 'Okendo Loyalty Points Awarded']],
      ['Your other events', ['Back In Stock']],
    ]);
    assert.equal(groups[1]!.items[0]!.value, 'Review Created', 'the value is the name the API takes');
  });

  test('before Okendo connects: the events alone, no empty groups', () => {
    assert.deepEqual(labels(triggerGroups([event('Review Created', 'catalog')])), [['Okendo events', ['Review Created']]]);
  });

  test('a partner trigger named like an event type is listed once, as the partner’s (the API resolves it so)', () => {
    assert.deepEqual(labels(triggerGroups([partner('Review Created'), event('Review Created', 'catalog')])), [
      ['Partner triggers', ['Review Created']],
    ]);
  });
});
