/** Automation flows: their published versions, their runs, what each run did, and the events runs wait for. */

export type FlowStatus = 'draft' | 'live' | 'paused';

export interface FlowsTable {
  id: string;
  shop_id: string;
  name: string;
  status: FlowStatus;
  /** The trigger row the flow starts from (an event type's row, or a partner trigger); null while a draft has none. */
  trigger_id: string | null;
  /** The latest published version, or null while the flow was never published. */
  published_version: number | null;
  /** The graph being edited (JSON FlowGraph); publishing copies it to flow_versions. */
  draft: string;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A published graph, never edited: runs finish on the version they started on. */
export interface FlowVersionsTable {
  flow_id: string;
  version: number;
  /** JSON FlowGraph. */
  graph: string;
  published_at: string;
}

export type FlowRunStatus = 'active' | 'waiting' | 'completed' | 'exited';

export interface FlowRunsTable {
  id: string;
  shop_id: string;
  flow_id: string;
  version: number;
  subscriber_id: string;
  /** What started it (an event id or a trigger fire id): unique per flow, so a replay starts nothing. */
  cause_id: string;
  /** The triggering event's properties or the fire's tags (JSON): message tags, splits, matches. */
  trigger_props: string;
  status: FlowRunStatus;
  /** The node the run is at: about to run (`active`) or waiting in (`waiting`); the last one once ended. */
  node_id: string;
  /** Bumped on every move; a move job carries the seq it was made for, so a stale or repeated job does nothing. */
  seq: number;
  /** When a waiting run moves on by itself (a delay's end, a wait's timeout). */
  next_at: string | null;
  /** Why the run ended (`completed`, `exit_event:Review Created`, `exit_node`, `flow_deleted`). */
  end_reason: string | null;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

/** One row per node a run passed through: its history, and the per-node counts. */
export interface FlowRunStepsTable {
  run_id: string;
  seq: number;
  flow_id: string;
  node_id: string;
  /** `moved`: the run went on from this node; `exited`: the run ended here (an exit node or an exit event). */
  kind: 'moved' | 'exited';
  /** What happened there, for the run's history (`sent`, `yes`, `waited 1 h`, `happened`, `tag vip added`). */
  outcome: string;
  at: string;
}

/**
 * An event a run listens for: an exit event (for the run's whole life) or the event a wait-for-event step
 * awaits (while it waits). Looked up per ingest batch by (shop, event type, subscriber).
 */
export interface FlowRunListenersTable {
  run_id: string;
  shop_id: string;
  subscriber_id: string;
  event_type: string;
  purpose: 'exit' | 'wait';
  /** The property to match and the triggering event's value of it (JSON), when the match is required. */
  match_property: string | null;
  match_value: string | null;
  /** For `wait`: the node waiting (its filters are checked on arrival). */
  node_id: string | null;
}
