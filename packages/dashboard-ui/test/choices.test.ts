import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { currencyChoices, timeZoneChoices } from '../src/fields/choices.js';

describe('timeZoneChoices', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = new Date('2026-07-15T12:00:00Z');
  test('sorted IANA ids as values, with spaces and the offset at the given instant in the label', () => {
    const choices = timeZoneChoices(['Europe/Berlin', 'America/New_York'], 'America/New_York', winter);
    assert.deepEqual(choices, [
      { value: 'America/New_York', label: 'America/New York · GMT-05:00' },
      { value: 'Europe/Berlin', label: 'Europe/Berlin · GMT+01:00' },
    ]);
  });
  test('the offset follows daylight saving time', () => {
    assert.equal(timeZoneChoices(['America/New_York'], 'America/New_York', summer)[0]?.label, 'America/New York · GMT-04:00');
  });
  test("the browser's zone is added when the list lacks it (UTC is not among V8's canonical zones)", () => {
    const choices = timeZoneChoices(['Europe/Berlin'], 'UTC', winter);
    assert.deepEqual(
      choices.map((c) => c.value),
      ['Europe/Berlin', 'UTC'],
    );
    assert.equal(choices[1]?.label, 'UTC · GMT+00:00');
  });
  test("the real list contains the browser's default in every case", () => {
    const zones = Intl.supportedValuesOf('timeZone');
    assert.ok(timeZoneChoices(zones, 'UTC', winter).some((c) => c.value === 'UTC'));
    assert.ok(zones.length > 300);
  });
});

describe('currencyChoices', () => {
  test('the default first, then the rest sorted, each with its English name', () => {
    assert.deepEqual(currencyChoices(['JPY', 'EUR', 'USD'], 'USD'), [
      { value: 'USD', label: 'USD — US Dollar' },
      { value: 'EUR', label: 'EUR — Euro' },
      { value: 'JPY', label: 'JPY — Japanese Yen' },
    ]);
  });
  test('the real list has the common codes', () => {
    const values = currencyChoices(Intl.supportedValuesOf('currency'), 'USD').map((c) => c.value);
    for (const code of ['USD', 'EUR', 'GBP', 'CAD', 'AUD']) assert.ok(values.includes(code), code);
    assert.equal(values.filter((v) => v === 'USD').length, 1);
  });
});
