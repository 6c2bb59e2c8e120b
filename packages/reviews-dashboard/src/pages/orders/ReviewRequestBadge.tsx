import { Badge, Stack, Text } from '@mantine/core';
import type { OrderReviewStatus } from '@rapport/reviews/schemas';
import { reviewRequestSummary } from './review-state.js';

/** A badge in a table cell keeps its whole label (Mantine's caps it at the cell's width, with an ellipsis). */
const NO_SHRINK = { maxWidth: 'none' };

/** "Not recruited · not paid", "Scheduled · for 5 Mar, 10:00". */
export function ReviewRequestBadge({ status, timeZone }: { status: OrderReviewStatus; timeZone: string }) {
  const s = reviewRequestSummary(status, timeZone);
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={s.color} style={NO_SHRINK}>
        {s.label}
      </Badge>
      <Text size="xs" c="dimmed">
        {s.detail}
      </Text>
    </Stack>
  );
}
