import type { Kysely, Migration } from 'kysely';

/**
 * Automation flows (flows/): the flow and its draft graph, its published versions, runs (one per flow and
 * cause), each run's steps, and the events runs listen for. Also `media_url` on the outbox and the dev carrier's log (a flow's MMS).
 */
export const flowsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const s = db.schema;
    await s
      .createTable('flows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('trigger_id', 'text', (c) => c.references('triggers.id'))
      .addColumn('published_version', 'integer')
      .addColumn('draft', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('flows_shop').on('flows').columns(['shop_id', 'created_at']).execute();
    await s.createIndex('flows_trigger').on('flows').columns(['trigger_id', 'status']).execute();
    await s
      .createTable('flow_versions')
      .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('graph', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('flow_versions_pk', ['flow_id', 'version'])
      .execute();
    await s
      .createTable('flow_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id'))
      .addColumn('cause_id', 'text', (c) => c.notNull())
      .addColumn('trigger_props', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('next_at', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .execute();
    await s.createIndex('flow_runs_cause').on('flow_runs').columns(['flow_id', 'cause_id']).unique().execute();
    await s.createIndex('flow_runs_subscriber').on('flow_runs').columns(['flow_id', 'subscriber_id', 'created_at']).execute();
    await s.createIndex('flow_runs_profile').on('flow_runs').columns(['subscriber_id', 'created_at']).execute();
    await s.createIndex('flow_runs_at_node').on('flow_runs').columns(['flow_id', 'status', 'node_id']).execute();
    await s
      .createTable('flow_run_steps')
      .addColumn('run_id', 'text', (c) => c.notNull().references('flow_runs.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('flow_id', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('flow_run_steps_pk', ['run_id', 'seq'])
      .execute();
    await s.createIndex('flow_run_steps_node').on('flow_run_steps').columns(['flow_id', 'node_id']).execute();
    await s
      .createTable('flow_run_listeners')
      .addColumn('run_id', 'text', (c) => c.notNull().references('flow_runs.id'))
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('subscriber_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('match_property', 'text')
      .addColumn('match_value', 'text')
      .addColumn('node_id', 'text')
      .execute();
    await s.createIndex('flow_run_listeners_lookup').on('flow_run_listeners').columns(['shop_id', 'subscriber_id', 'event_type']).execute();
    await s.createIndex('flow_run_listeners_run').on('flow_run_listeners').columns(['run_id']).execute();
    await s.alterTable('outbox_messages').addColumn('media_url', 'text').execute();
    await s.alterTable('dev_carrier_messages').addColumn('media_url', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    const s = db.schema;
    await s.alterTable('outbox_messages').dropColumn('media_url').execute();
    await s.alterTable('dev_carrier_messages').dropColumn('media_url').execute();
    for (const t of ['flow_run_listeners', 'flow_run_steps', 'flow_runs', 'flow_versions', 'flows']) await s.dropTable(t).execute();
  },
};
