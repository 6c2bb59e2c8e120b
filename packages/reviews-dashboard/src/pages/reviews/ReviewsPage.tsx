import { Alert, Anchor, Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import type { ReviewView } from '@rapport/reviews/schemas';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { RATING_FILTER, reviewQuery, SENTIMENT_FILTER } from './review-labels.js';
import { Rating, SentimentBadge } from './ReviewBits.js';

const LIMIT = 100;

/** Reviews: newest first, by rating and sentiment; each opens its page (with its order). */
export function ReviewsPage() {
  const { api } = useDashboard();
  const store = useStore();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const [rating, setRating] = useState('');
  const [sentiment, setSentiment] = useState('');
  const list = useLoad(
    () => api.get<{ reviews: ReviewView[] }>(paths.reviews(reviewQuery({ rating, sentiment }, LIMIT))).then((r) => r.reviews),
    [api, paths, rating, sentiment],
  );
  const filtered = rating !== '' || sentiment !== '';

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Reviews
        </Title>
        <Text size="sm" c="dimmed">
          What {store.name}’s customers wrote, newest first (the last {LIMIT}).
        </Text>
      </Stack>
      <Card withBorder padding="lg" radius="md">
        <Stack gap="sm">
          <Group gap="sm" align="flex-end">
            <Select label="Rating" data={RATING_FILTER} value={rating} onChange={(v) => setRating(v ?? '')} allowDeselect={false} w={170} />
            <Select
              label="Sentiment"
              data={SENTIMENT_FILTER}
              value={sentiment}
              onChange={(v) => setSentiment(v ?? '')}
              allowDeselect={false}
              w={190}
            />
          </Group>
          {list.error ? (
            <Alert color="red" role="alert" variant="light">
              {list.error.message}
            </Alert>
          ) : null}
          {list.data?.length === 0 ? (
            <Text size="sm" c="dimmed">
              {filtered ? 'No review matches these filters.' : 'No reviews yet. They arrive once a review request goes out.'}
            </Text>
          ) : null}
          {list.data && list.data.length > 0 ? (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" aria-label="Reviews">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th miw={120}>Rating</Table.Th>
                    <Table.Th miw={120}>Sentiment</Table.Th>
                    <Table.Th>Review</Table.Th>
                    <Table.Th>Product</Table.Th>
                    <Table.Th>Reviewer</Table.Th>
                    <Table.Th>Date</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((r) => (
                    <Table.Tr key={r.review_id}>
                      <Table.Td>
                        <Rating rating={r.rating} />
                      </Table.Td>
                      <Table.Td>
                        <SentimentBadge sentiment={r.sentiment} />
                      </Table.Td>
                      <Table.Td maw={280}>
                        <Anchor component={Link} to={`/reviews/${encodeURIComponent(r.review_id)}`} fw={500} lineClamp={2}>
                          {r.title ?? r.body}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.product_title}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${encodeURIComponent(r.customer_id)}`}>
                          {r.reviewer_display_name}
                        </Anchor>
                        {r.verified_buyer ? (
                          <Badge variant="outline" color="teal" size="xs" ml={6}>
                            Verified
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{zonedTime(r.created_at, store.time_zone)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      </Card>
    </Stack>
  );
}
