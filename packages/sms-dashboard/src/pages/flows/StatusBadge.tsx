import { Badge } from '@mantine/core';
import type { FlowSummary } from '@rapport/sms/schemas';

const COLORS = { draft: 'gray', live: 'green', paused: 'yellow' } as const;
const WORDS = { draft: 'Draft', live: 'Live', paused: 'Paused' } as const;

export function StatusBadge({ status }: { status: FlowSummary['status'] }) {
  return (
    <Badge color={COLORS[status]} variant="light">
      {WORDS[status]}
    </Badge>
  );
}
