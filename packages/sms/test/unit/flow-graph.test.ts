import { EVENT_TYPE_NAMES, OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Compile } from 'typebox/compile';
import { catalogPropertyNames } from '../../src/automations/trigger-options.js';
import { catalogOf } from '../../src/flows/catalog.js';
import { validateFlowGraph } from '../../src/flows/validate-graph.js';
import { FlowGraph } from '../../src/schemas/flows.js';

// Flow graphs as the seed's stories write them, checked against a shop that has Okendo connected and has
// sent one custom event type ("Back In Stock").

const catalog = catalogOf([
  { name: 'Okendo Review Request', kind: 'partner', tags: OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key), declared_wait: null },
  ...EVENT_TYPE_NAMES.map((name) => ({
    name,
    kind: 'event' as const,
    source: 'catalog' as const,
    tags: catalogPropertyNames(name),
    declared_wait: null,
  })),
  { name: 'Back In Stock', kind: 'event', source: 'custom', tags: ['Product Name'], declared_wait: null },
]);
const shape = Compile(FlowGraph);

/** The seed's "Rating <= 2 → wait an hour → apology" flow. */
const apology = (): FlowGraph => ({
  version: 1,
  trigger: { kind: 'event', event_type: 'Review Created', filters: [{ property: 'Rating', op: '<=', value: 2 }] },
  reentry: { mode: 'every_time' },
  start: 'wait',
  nodes: [
    { id: 'wait', type: 'delay', duration: { hours: 1 }, next: 'sorry' },
    {
      id: 'sorry',
      type: 'message',
      body: 'Sorry {Product Name} let you down, {first_name|there}. Reply and we will make it right.',
      next: null,
    },
  ],
});

/** "Review Request Created → wait 3 days for a Review Created with the same Review Request Id → else a reminder." */
const reminder = (): FlowGraph => ({
  version: 1,
  trigger: { kind: 'event', event_type: 'Review Request Created' },
  reentry: { mode: 'once_per_days', days: 7 },
  exit_events: [{ event_type: 'Review Request Cancelled', match_property: 'Review Request Id' }],
  start: 'wait',
  nodes: [
    {
      id: 'wait',
      type: 'wait_for_event',
      event_type: 'Review Created',
      match_property: 'Review Request Id',
      max_wait: { days: 3 },
      happened: null,
      never_happened: 'nudge',
    },
    { id: 'nudge', type: 'message', body: 'How is your {Name}? Tell us: {Review Url}', next: null },
  ],
});

const locs = (g: FlowGraph) => validateFlowGraph(g, catalog).map((p) => p.loc.join('.'));

describe('flow graphs the seed describes are valid', () => {
  const stories: { story: string; graph: () => FlowGraph }[] = [
    { story: 'a low rating → wait an hour → an apology', graph: apology },
    { story: 'a review request → wait up to 3 days for the review → a reminder, ended by a cancellation', graph: reminder },
    {
      story: 'points awarded → text with {Points Earned}; points expiring → 7 days before the expiry date',
      graph: () => ({
        version: 1,
        trigger: { kind: 'event', event_type: 'Okendo Loyalty Points Awarded' },
        reentry: { mode: 'every_time' },
        start: 'earned',
        nodes: [
          { id: 'earned', type: 'message', body: 'You earned {Points Earned} points!', next: 'before-expiry' },
          {
            id: 'before-expiry',
            type: 'delay_until',
            until: { date_property: 'Okendo Loyalty Points Expiry Date', source: 'subscriber', offset_days: -7 },
            next: 'split',
          },
          {
            id: 'split',
            type: 'conditional_split',
            conditions: [{ subject: 'property', property: 'Okendo Loyalty Points Balance', op: '>=', value: 100 }],
            yes: 'ab',
            no: null,
          },
          {
            id: 'ab',
            type: 'random_split',
            branches: [
              { percent: 50, next: 'a' },
              { percent: 50, next: 'b' },
            ],
          },
          { id: 'a', type: 'message', body: 'Your {Okendo Loyalty Points Balance} points expire in a week', next: 'tag' },
          { id: 'b', type: 'delay_until', until: { time_of_day: '10:00' }, next: 'tag' },
          { id: 'tag', type: 'tag', action: 'add', tag: 'expiry-nudged', next: 'end' },
          { id: 'end', type: 'exit' },
        ],
      }),
    },
    {
      story: 'a referral coupon, split on the event: a referrer is thanked, others are not',
      graph: () => ({
        version: 1,
        trigger: {
          kind: 'event',
          event_type: 'Opted In to Okendo Referrals',
          filters: [{ property: 'Customer Role', op: '=', value: 'referrer' }],
        },
        subscriber_filters: [{ subject: 'tag', op: 'has_not', tag: 'staff' }],
        reentry: { mode: 'once' },
        start: 'hi',
        nodes: [{ id: 'hi', type: 'message', body: 'Thanks for joining referrals, {first_name|friend}!', next: null }],
      }),
    },
    {
      story: 'the partner trigger of the seed, and a custom event type with its seen key',
      graph: () => ({
        version: 1,
        trigger: { kind: 'partner', trigger: 'Okendo Review Request' },
        reentry: { mode: 'every_time' },
        start: 'ask',
        nodes: [{ id: 'ask', type: 'message', body: 'Tell us about {name}: {review_url}', next: null }],
      }),
    },
  ];
  for (const s of stories)
    test(s.story, () => {
      const graph = s.graph();
      assert.ok(shape.Check(graph), JSON.stringify([...shape.Errors(graph)].slice(0, 3)));
      assert.deepEqual(validateFlowGraph(graph, catalog), []);
    });
});

describe('what a flow may not be, each named by node and field', () => {
  const cases: { problem: string; edit: (g: FlowGraph) => void; loc: string; msg: RegExp }[] = [
    {
      problem: 'an operator the property’s type does not have (Rating is a number)',
      edit: (g) => ((g.trigger as { filters: { op: string }[] }).filters[0]!.op = 'contains'),
      loc: 'trigger.filters.0.op',
      msg: /"Rating" is a number; "contains" does not apply/,
    },
    {
      problem: 'a value of the wrong type',
      edit: (g) => ((g.trigger as { filters: { value: unknown }[] }).filters[0]!.value = 'two'),
      loc: 'trigger.filters.0.value',
      msg: /needs a number/,
    },
    {
      problem: 'a property the event does not carry',
      edit: (g) =>
        (g.trigger = { kind: 'event', event_type: 'Okendo Loyalty Points Awarded', filters: [{ property: 'Rating', op: '<=', value: 2 }] }),
      loc: 'trigger.filters.0.property',
      msg: /"Rating" is not a property of Okendo Loyalty Points Awarded/,
    },
    {
      problem: 'an unknown event type',
      edit: (g) => ((g.trigger as { event_type: string }).event_type = 'Reviw Created'),
      loc: 'trigger.event_type',
      msg: /"Reviw Created" is not an event type/,
    },
    {
      problem: 'a link to no node',
      edit: (g) => ((g.nodes[0] as { next: string }).next = 'sory'),
      loc: 'nodes.0.next',
      msg: /node "wait" \(delay\) links to "sory", which is no node/,
    },
    {
      problem: 'a node nothing leads to',
      edit: (g) => g.nodes.push({ id: 'orphan', type: 'exit' }),
      loc: 'nodes.2',
      msg: /node "orphan" \(exit\) cannot be reached/,
    },
    {
      problem: 'a loop',
      edit: (g) => ((g.nodes[1] as { next: string }).next = 'wait'),
      loc: 'nodes.1.next',
      msg: /loops back to "wait" \(wait → sorry → wait\)/,
    },
    {
      problem: 'a misspelt tag in a message',
      edit: (g) => ((g.nodes[1] as { body: string }).body = 'Sorry {frist_name}'),
      loc: 'nodes.1.body',
      msg: /node "sorry" \(message\): \{frist_name\} is not a tag of "Review Created"/,
    },
    {
      problem: 'a delay of nothing',
      edit: (g) => ((g.nodes[0] as { duration: object }).duration = { hours: 0 }),
      loc: 'nodes.0.duration',
      msg: /at least a minute/,
    },
    {
      problem: 'the same node id twice',
      edit: (g) => ((g.nodes[1] as { id: string }).id = 'wait'),
      loc: 'nodes.1.id',
      msg: /"wait" is used twice/,
    },
  ];
  for (const c of cases)
    test(c.problem, () => {
      const graph = apology();
      c.edit(graph);
      const problems = validateFlowGraph(graph, catalog);
      const found = problems.find((p) => p.loc.join('.') === c.loc);
      assert.ok(found, `expected a problem at ${c.loc}, got ${JSON.stringify(problems)}`);
      assert.match(found.msg, c.msg);
    });

  test('a review’s product attributes are open properties: "Fit" may be filtered on, with any operator', () => {
    const graph = apology();
    (graph.trigger as { filters: unknown[] }).filters.push({ property: 'Fit', op: '=', value: 'Runs small' });
    assert.deepEqual(locs(graph), []);
  });

  test('random-split branches must add up to 100 %; a date-until must name a date', () => {
    const graph = apology();
    graph.nodes[0] = {
      id: 'wait',
      type: 'random_split',
      branches: [
        { percent: 60, next: 'sorry' },
        { percent: 30, next: null },
      ],
    };
    graph.nodes.push({ id: 'until', type: 'delay_until', until: { date_property: 'Rating', source: 'event' }, next: null });
    (graph.nodes[1] as { next: string }).next = 'until';
    assert.deepEqual(locs(graph), ['nodes.0.branches', 'nodes.2.until.date_property']);
  });

  test('wait-for-event matching on a property the trigger does not carry, and an exit event of no type', () => {
    const graph = reminder();
    (graph.nodes[0] as { match_property: string }).match_property = 'Rating';
    graph.exit_events = [{ event_type: 'Nope' }];
    assert.deepEqual(locs(graph), ['exit_events.0.event_type', 'nodes.0.match_property']);
  });

  test('the shape itself (a 400 at the API): an unknown node type, a bad time of day', () => {
    const graph = apology() as unknown as { nodes: unknown[] };
    graph.nodes[0] = { id: 'wait', type: 'teleport', next: null };
    assert.equal(shape.Check(graph), false);
    const late = apology();
    late.nodes[0] = { id: 'wait', type: 'delay_until', until: { time_of_day: '25:00' }, next: 'sorry' };
    assert.equal(shape.Check(late), false);
  });
});
