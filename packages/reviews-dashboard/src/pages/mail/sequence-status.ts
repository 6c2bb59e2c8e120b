/** A sequence's status as the dashboard shows it (pure, tested in test/sequence-status.test.ts). */
import type { SequenceView } from '@rapport/reviews/schemas';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';

export type SequenceStatus = SequenceView['status'];

export function sequenceStatusBadge(status: SequenceStatus): { label: string; color: string } {
  switch (status) {
    case 'draft':
      return { label: 'Draft', color: 'gray' };
    case 'running':
      return { label: 'Running', color: 'green' };
    case 'stopped':
      return { label: 'Stopped', color: 'red' };
    default: {
      const never: never = status;
      throw new Error(`unknown sequence status ${String(never)}`);
    }
  }
}

/** The header's one button: a running sequence can be stopped; a draft or a stopped one started. */
export const headerAction = (status: SequenceStatus): 'start' | 'stop' => (status === 'running' ? 'stop' : 'start');

/** The line under the editor's header: what the sequence does now. */
export function statusLine(sequence: Pick<SequenceView, 'status' | 'started_at' | 'stopped_at'>, timeZone: string): string {
  switch (sequence.status) {
    case 'draft':
      return 'Draft: nothing is sent until you select Start.';
    case 'running':
      return `Running since ${zonedTime(sequence.started_at, timeZone)}: each order fulfilled from then on gets a review request.`;
    case 'stopped':
      return `Stopped ${zonedTime(sequence.stopped_at, timeZone)}: no order gets a review request until you start it again.`;
    default: {
      const never: never = sequence.status;
      throw new Error(`unknown sequence status ${String(never)}`);
    }
  }
}
