import { Badge, Text } from '@mantine/core';
import type { SentimentLabel } from './review-labels.js';
import { sentimentBadge, stars } from './review-labels.js';

/** A badge in a table cell keeps its whole label (Mantine's caps it at the cell's width, with an ellipsis). */
const NO_SHRINK = { maxWidth: 'none' };

/** The stars, named for a screen reader. */
export function Rating({ rating }: { rating: number }) {
  const s = stars(rating);
  return (
    <Text component="span" c="yellow.7" role="img" aria-label={s.label} style={{ whiteSpace: 'nowrap' }}>
      {s.text}
    </Text>
  );
}

export function SentimentBadge({ sentiment }: { sentiment: SentimentLabel }) {
  const b = sentimentBadge(sentiment);
  return (
    <Badge variant="light" color={b.color} style={NO_SHRINK}>
      {b.label}
    </Badge>
  );
}
