// The seed's tip — "by using automation flows instead of legacy automations" — built in Chromium with
// clicks and typing: Messaging → Automations → Create Automation → Create Automation Flow → Review
// Created → a trigger filter Rating ≤ 2 → a 1-hour delay before the text → Publish. Then reviews arrive
// through the API, the clock moves an hour, and only the low rating gets the apology on /dev/phone; the
// canvas counts the run and the subscriber's profile shows it. Screenshots in test-results/flow-builder/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DevClock } from '@rapport/kit';
import { confirmOnPhone, dashboardSession } from './helpers/session.js';
import { apiPost, createKeyPair, ownerWithShop } from './helpers/sms-owner.js';

const SHOTS = 'test-results/flow-builder';
const SHOP = 'Fern & Flax';
const OWNER = { email: 'owner@fernflax.test', password: 'correct horse battery' };
const PHONE = '+12125550172';

const session = dashboardSession('sms', { clock: new DevClock(new Date('2026-03-10T16:00:00Z')), worker: true }, SHOTS); // noon in New York
const shot = session.shot;

const call = (key: string, path: string, body: unknown) => apiPost(session.served.origin, key, path, body);

test('Review Created with Rating ≤ 2 → wait 1 hour → an apology, built in the flow builder', async () => {
  const { page, browser, served } = session;
  await ownerWithShop(page, served.setupUrl, SHOP, OWNER);
  const key = await createKeyPair(page, SHOP, 'Okendo');
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('button', { name: 'Messaging' }).click();
  await menu.getByRole('link', { name: 'Automations' }).click();
  await page.getByRole('button', { name: 'Create Automation' }).click();
  await page.getByRole('menuitem', { name: 'Create Automation Flow' }).click();

  const triggerBox = page.getByRole('combobox', { name: 'Automation Trigger' });
  await triggerBox.click();
  await triggerBox.fill('review cr');
  await page.getByRole('option', { name: 'Review Created', exact: true }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Low rating apology');
  await shot(page, '01-new-flow');
  await page.getByRole('button', { name: 'Create and open the builder' }).click();
  await page.waitForURL(/\/flows\/flow_/);

  // The trigger is selected: a filter Rating ≤ 2.
  const panel = page.getByRole('region', { name: 'Selected step' });
  await page.getByLabel('Flow canvas').getByText('Hi {first_name|there}!').waitFor();
  await shot(page, '02-builder');
  await panel.getByRole('button', { name: 'Add trigger filter' }).click();
  await panel.getByRole('combobox', { name: 'Trigger filters 1: property' }).fill('Rating');
  await panel.getByRole('combobox', { name: 'Operator' }).first().click();
  await page.getByRole('option', { name: '≤', exact: true }).click();
  await panel.getByRole('textbox', { name: 'Value' }).fill('2');

  // A 1-hour delay between the trigger and the text.
  await panel.getByRole('combobox', { name: 'Step type after this' }).click();
  await page.getByRole('option', { name: 'Delay', exact: true }).click();
  await panel.getByRole('button', { name: 'Add step after this' }).click();
  await panel.getByRole('heading', { name: 'Delay' }).waitFor();
  await panel.getByRole('textbox', { name: 'Wait: days' }).fill('0');
  await panel.getByRole('textbox', { name: 'Wait: hours' }).fill('1');

  // The text itself.
  await panel.getByRole('combobox', { name: 'Edit' }).click();
  await page.getByRole('option', { name: 'Send message (step-1)' }).click();
  await panel
    .getByRole('textbox', { name: 'Message' })
    .fill('Sorry {Product Name} let you down, {first_name|there}. Reply and we will fix it.');
  await panel.getByText('Sorry [Product Name] let you down').waitFor(); // the preview's sample value
  await page.getByLabel('Flow canvas').getByText('Wait 1 h').waitFor();
  await shot(page, '03-built');

  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Live', { exact: true }).waitFor();
  await page.getByText('Version 1', { exact: true }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'published without problems');
  await shot(page, '04-published');

  // A subscriber confirms on the phone simulator; two reviews arrive: 5 stars, then 1 star.
  const created = await call(key, '/api/v2/subscribers', { phone_number: PHONE, first_name: 'Ada' });
  assert.equal(created.status, 201, await created.clone().text());
  const subscriber = (await created.json()) as { id: string };
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await confirmOnPhone(phone, served.origin, PHONE);
  for (const [i, rating] of [5, 1].entries()) {
    const event = await call(key, '/api/v2/events', {
      type: 'Review Created',
      subscriber_id: subscriber.id,
      external_id: `review-${i}`,
      properties: { 'Product Name': 'Linen Shirt', Rating: rating },
    });
    assert.equal(event.status, 202, await event.clone().text());
  }
  const advanced = await call(key, '/dev/clock/advance', { ms: 60 * 60_000 });
  assert.equal(advanced.status, 200, await advanced.clone().text());
  await phone.getByText('Sorry Linen Shirt let you down, Ada. Reply and we will fix it.').waitFor({ timeout: 15_000 });
  await shot(phone, '05-phone');

  // One run (the 5-star review did not enter): the canvas counts it at both steps.
  await page.reload();
  const canvas = page.getByLabel('Flow canvas');
  await canvas.getByText('1 entered · 0 waiting · 1 moved on · 0 exited').first().waitFor();
  assert.equal(await canvas.getByText('1 entered · 0 waiting · 1 moved on · 0 exited').count(), 2);
  await shot(page, '06-counts');

  await page.goto(`${served.origin}/subscribers/${subscriber.id}`);
  const runs = page.getByRole('region', { name: 'Automation flows' });
  await runs.getByRole('link', { name: 'Low rating apology (v1)' }).waitFor();
  await runs.getByText('completed').waitFor();
  await shot(page, '07-profile');
});

test('every step type has its form, and a draft the schema refuses is not saved, each problem on its box', async () => {
  const { page, served } = session;
  await page.goto(`${served.origin}/automations/new/flow`);
  const triggerBox = page.getByRole('combobox', { name: 'Automation Trigger' });
  await triggerBox.click();
  await triggerBox.fill('points awarded');
  await page.getByRole('option', { name: 'Okendo Loyalty Points Awarded', exact: true }).click();
  await page.getByRole('button', { name: 'Create and open the builder' }).click();
  await page.waitForURL(/\/flows\/flow_/);
  const panel = page.getByRole('region', { name: 'Selected step' });
  const edit = async (label: string) => {
    await panel.getByRole('combobox', { name: 'Edit' }).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  };
  // Each step type goes in right after the trigger, so every one's form is seen in turn.
  const steps = ['Random split', 'Conditional split', 'Trigger split', 'Wait for event', 'Add or remove tag', 'Delay until', 'Delay'];
  for (const [i, label] of steps.entries()) {
    await edit('Trigger');
    await panel.getByRole('combobox', { name: 'Step type after this' }).click();
    await page.getByRole('option', { name: label, exact: true }).click();
    await panel.getByRole('button', { name: 'Add step after this' }).click();
    await panel.getByRole('heading', { name: label }).waitFor();
    await shot(page, `10-step-${i + 1}-${label.toLowerCase().replace(/\W+/g, '-')}`);
  }
  // The last step of the run can be an exit.
  await edit('Send message (step-1)');
  await panel.getByRole('combobox', { name: 'Step type after this' }).click();
  await page.getByRole('option', { name: 'Exit', exact: true }).click();
  await panel.getByRole('button', { name: 'Add step after this' }).click();
  await panel.getByRole('heading', { name: 'Exit' }).waitFor();

  // Empty fields (a tag, a split's property, the awaited event) are named in words: nothing is saved.
  await page.getByRole('button', { name: 'Save draft' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'The flow was not saved or published' });
  await refused.waitFor();
  await shot(page, '11-draft-refused');
  await refused.getByText(/Add or remove tag \(step-\d+\): name the tag/).waitFor();
  await refused.getByText(/Wait for event \(step-\d+\): choose the event to wait for/).waitFor();
  await page
    .getByLabel('Flow canvas')
    .getByText(/problem/)
    .first()
    .waitFor();
  await shot(page, '11-draft-refused');
});
