import Type, { type Static } from 'typebox';
import { MAX_BODY } from './automations.js';

/**
 * An automation flow as a versioned JSON graph (`GET /api/flows/schema` publishes this as JSON Schema).
 * The shape is checked here; what the shape cannot say — node ids that exist, a trigger's properties and
 * their types, tags a message may use, branches that add up — is checked by `flows/validate-graph.ts`,
 * which names the node and the field.
 *
 * Version 1. A later version adds fields; the `version` a flow was saved with is kept with it.
 */
export const FLOW_GRAPH_VERSION = 1;
export const MAX_FLOW_NODES = 100;
export const MAX_CONDITIONS = 20;
export const MAX_DELAY_DAYS = 365;

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', maxLength: 40, description: 'A node id, unique in the flow' });
const Next = Type.Union([Id, Type.Null()], { description: 'The node that follows, or null: the run ends here' });
const PropertyName = Type.String({ minLength: 1, maxLength: 255 });
const Value = Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]);

/** Comparison operators; which apply depends on the property's type (validate-graph.ts). */
export const ConditionOp = Type.Union(
  [
    Type.Literal('='),
    Type.Literal('!='),
    Type.Literal('<'),
    Type.Literal('<='),
    Type.Literal('>'),
    Type.Literal('>='),
    Type.Literal('contains'),
    Type.Literal('exists'),
    Type.Literal('not_exists'),
    Type.Literal('before'),
    Type.Literal('after'),
    Type.Literal('within_last_days'),
    Type.Literal('within_next_days'),
  ],
  { description: 'numbers compare; strings =, !=, contains; booleans = and !=; dates before/after or within N days; lists contain' },
);
export type ConditionOp = Static<typeof ConditionOp>;

/** A condition on a property of the triggering (or awaited) event. */
export const PropertyCondition = Type.Object(
  { property: PropertyName, op: ConditionOp, value: Type.Optional(Value) },
  { additionalProperties: false },
);
export type PropertyCondition = Static<typeof PropertyCondition>;

/** A condition on the subscriber: a field, a tag, or a custom property (the 22 Okendo properties typed). */
export const SubscriberCondition = Type.Union([
  Type.Object(
    {
      subject: Type.Literal('field'),
      field: Type.Union([Type.Literal('first_name'), Type.Literal('last_name'), Type.Literal('email'), Type.Literal('phone_number')]),
      op: ConditionOp,
      value: Type.Optional(Value),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      subject: Type.Literal('tag'),
      op: Type.Union([Type.Literal('has'), Type.Literal('has_not')]),
      tag: Type.String({ minLength: 1, maxLength: 255 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { subject: Type.Literal('property'), property: PropertyName, op: ConditionOp, value: Type.Optional(Value) },
    { additionalProperties: false },
  ),
]);
export type SubscriberCondition = Static<typeof SubscriberCondition>;

const Duration = Type.Object(
  {
    days: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DELAY_DAYS })),
    hours: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DELAY_DAYS * 24 })),
    minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DELAY_DAYS * 24 * 60 })),
  },
  { additionalProperties: false, description: 'A duration; its parts add up' },
);
export type Duration = Static<typeof Duration>;

export const FlowTrigger = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('event'),
      event_type: Type.String({ minLength: 1, maxLength: 255, description: 'An event type of the Automation Trigger list' }),
      filters: Type.Optional(Type.Array(PropertyCondition, { maxItems: MAX_CONDITIONS, description: 'All must hold (AND)' })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('partner'),
      trigger: Type.String({ minLength: 1, maxLength: 255, description: 'A partner trigger, e.g. "Okendo Review Request"' }),
    },
    { additionalProperties: false },
  ),
]);
export type FlowTrigger = Static<typeof FlowTrigger>;

export const FlowNode = Type.Union([
  Type.Object(
    {
      id: Id,
      type: Type.Literal('message'),
      body: Type.String({ minLength: 1, maxLength: MAX_BODY, description: 'Text with {tag} placeholders' }),
      media_url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000, description: 'Makes it an MMS with this one image' })),
      next: Next,
    },
    { additionalProperties: false },
  ),
  Type.Object({ id: Id, type: Type.Literal('delay'), duration: Duration, next: Next }, { additionalProperties: false }),
  Type.Object(
    {
      id: Id,
      type: Type.Literal('delay_until'),
      until: Type.Union([
        Type.Object(
          {
            date_property: PropertyName,
            source: Type.Union([Type.Literal('event'), Type.Literal('subscriber')]),
            offset_days: Type.Optional(Type.Integer({ minimum: -MAX_DELAY_DAYS, maximum: MAX_DELAY_DAYS })),
          },
          { additionalProperties: false },
        ),
        Type.Object({ date: Type.String({ format: 'date-time', maxLength: 40 }) }, { additionalProperties: false }),
        Type.Object(
          {
            time_of_day: Type.String({
              pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
              maxLength: 5,
              description: 'HH:MM in the recipient’s time zone',
            }),
          },
          { additionalProperties: false },
        ),
      ]),
      next: Next,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      type: Type.Literal('trigger_split'),
      conditions: Type.Array(PropertyCondition, { minItems: 1, maxItems: MAX_CONDITIONS }),
      yes: Next,
      no: Next,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      type: Type.Literal('conditional_split'),
      conditions: Type.Array(SubscriberCondition, { minItems: 1, maxItems: MAX_CONDITIONS }),
      yes: Next,
      no: Next,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      type: Type.Literal('wait_for_event'),
      event_type: Type.String({ minLength: 1, maxLength: 255 }),
      filters: Type.Optional(Type.Array(PropertyCondition, { maxItems: MAX_CONDITIONS })),
      match_property: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 255,
          description: 'The awaited event must carry the triggering event’s value of this property',
        }),
      ),
      max_wait: Duration,
      happened: Next,
      never_happened: Next,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      type: Type.Literal('random_split'),
      branches: Type.Array(
        Type.Object({ percent: Type.Integer({ minimum: 1, maximum: 100 }), next: Next }, { additionalProperties: false }),
        {
          minItems: 2,
          maxItems: 5,
        },
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      type: Type.Literal('tag'),
      action: Type.Union([Type.Literal('add'), Type.Literal('remove')]),
      tag: Type.String({ minLength: 1, maxLength: 255 }),
      next: Next,
    },
    { additionalProperties: false },
  ),
  Type.Object({ id: Id, type: Type.Literal('exit') }, { additionalProperties: false }),
]);
export type FlowNode = Static<typeof FlowNode>;

export const FlowGraph = Type.Object(
  {
    version: Type.Literal(FLOW_GRAPH_VERSION),
    trigger: FlowTrigger,
    subscriber_filters: Type.Optional(Type.Array(SubscriberCondition, { maxItems: MAX_CONDITIONS, description: 'All must hold to enter' })),
    reentry: Type.Union([
      Type.Object({ mode: Type.Literal('every_time') }, { additionalProperties: false }),
      Type.Object({ mode: Type.Literal('once') }, { additionalProperties: false }),
      Type.Object(
        { mode: Type.Literal('once_per_days'), days: Type.Integer({ minimum: 1, maximum: MAX_DELAY_DAYS }) },
        { additionalProperties: false },
      ),
    ]),
    exit_events: Type.Optional(
      Type.Array(
        Type.Object(
          {
            event_type: Type.String({ minLength: 1, maxLength: 255 }),
            match_property: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10, description: 'A later event of one of these types (matching on the property, if given) ends the run' },
      ),
    ),
    start: Id,
    nodes: Type.Array(FlowNode, { minItems: 1, maxItems: MAX_FLOW_NODES }),
  },
  { additionalProperties: false, $id: 'FlowGraph', title: 'Rapport automation flow, version 1' },
);
export type FlowGraph = Static<typeof FlowGraph>;

export type WaitForEventNode = Extract<FlowNode, { type: 'wait_for_event' }>;

/** A flow as the API and the builder see it. */
export const FlowStatus = Type.Union([Type.Literal('draft'), Type.Literal('live'), Type.Literal('paused')]);

export const NodeCounts = Type.Object({
  entered: Type.Integer({ description: 'Runs that reached the node' }),
  waiting: Type.Integer({ description: 'Runs at the node now (waiting in a delay or for an event)' }),
  moved_on: Type.Integer({ description: 'Runs that went on from it' }),
  exited: Type.Integer({ description: 'Runs that ended here: an exit step, an exit event, a missing date' }),
  clicks: Type.Integer({ description: 'Opens of the short links in the texts this step sent' }),
});
export type NodeCounts = Static<typeof NodeCounts>;

export const FlowProblem = Type.Object({
  loc: Type.Array(Type.Union([Type.String(), Type.Integer()]), {
    description: 'Where in the graph, e.g. ["nodes", 3, "conditions", 0, "op"]',
  }),
  msg: Type.String({ description: 'What is wrong, naming the node' }),
});

export const FlowView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: FlowStatus,
  /** The draft being edited: what publishing would make live. */
  graph: FlowGraph,
  /** What would stop the draft from being published now (empty when it can be). */
  problems: Type.Array(FlowProblem),
  published_version: Type.Union([Type.Integer(), Type.Null()]),
  /** The draft differs from the latest published version. */
  unpublished_changes: Type.Boolean(),
  versions: Type.Array(Type.Object({ version: Type.Integer(), published_at: Type.String(), runs: Type.Integer() })),
  /** Per node of the latest published version (runs of every version, by node id). */
  counts: Type.Record(Type.String(), NodeCounts),
  runs: Type.Object({ in_progress: Type.Integer(), completed: Type.Integer(), exited: Type.Integer() }),
  texts_sent: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type FlowView = Static<typeof FlowView>;

export const FlowSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: FlowStatus,
  trigger: Type.String({ description: 'The event type or partner trigger it starts from' }),
  published_version: Type.Union([Type.Integer(), Type.Null()]),
  runs_in_progress: Type.Integer(),
  texts_sent: Type.Integer(),
  updated_at: Type.String(),
});
export type FlowSummary = Static<typeof FlowSummary>;

export const CreateFlowBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    graph: FlowGraph,
    publish: Type.Optional(Type.Boolean({ description: 'Publish at once (refused, with every problem, if it cannot be)' })),
  },
  { additionalProperties: false },
);
export type CreateFlowBody = Static<typeof CreateFlowBody>;

export const UpdateFlowBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })), graph: Type.Optional(FlowGraph) },
  { additionalProperties: false },
);
export type UpdateFlowBody = Static<typeof UpdateFlowBody>;

export const FlowRunView = Type.Object({
  id: Type.String(),
  flow: Type.Object({ id: Type.String(), name: Type.String() }),
  version: Type.Integer(),
  subscriber_id: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('waiting'), Type.Literal('completed'), Type.Literal('exited')]),
  node_id: Type.String({ description: 'Where the run is (or ended)' }),
  next_at: Type.Union([Type.String(), Type.Null()], { description: 'When a waiting run moves on by itself' }),
  end_reason: Type.Union([Type.String(), Type.Null()]),
  steps: Type.Array(Type.Object({ node_id: Type.String(), outcome: Type.String(), at: Type.String() })),
  created_at: Type.String(),
  ended_at: Type.Union([Type.String(), Type.Null()]),
});
export type FlowRunView = Static<typeof FlowRunView>;

/** A flow as a file (`rapport sms export-flow`, `import-flow`). */
export const FlowFile = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255 }), graph: FlowGraph },
  { additionalProperties: false, $id: 'FlowFile' },
);
export type FlowFile = Static<typeof FlowFile>;
