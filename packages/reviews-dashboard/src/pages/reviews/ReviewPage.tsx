import { Alert, Anchor, Badge, Card, DataList, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import type { ReviewDetailView } from '@rapport/reviews/schemas';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { fulfillmentText } from '../orders/review-state.js';
import { Rating, SentimentBadge } from './ReviewBits.js';

/** One review, with its reviewer and the order it was written for. Moderation comes later. */
export function ReviewPage() {
  const { api } = useDashboard();
  const store = useStore();
  const { reviewId = '' } = useParams();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const detail = useLoad(() => api.get<ReviewDetailView>(paths.review(reviewId)), [api, paths, reviewId]);
  const tz = store.time_zone;

  return (
    <Stack gap="lg" maw={1040}>
      <Anchor component={Link} to="/reviews" size="sm">
        ← All reviews
      </Anchor>
      {detail.error ? (
        <Alert color="red" role="alert" variant="light">
          {detail.error.message}
        </Alert>
      ) : null}
      {detail.data ? (
        <>
          <Stack gap={4}>
            <Title order={1} size="h2">
              {detail.data.review.title ?? `Review of ${detail.data.review.product_title}`}
            </Title>
            <Group gap="sm">
              <Rating rating={detail.data.review.rating} />
              <SentimentBadge sentiment={detail.data.review.sentiment} />
              {detail.data.review.verified_buyer ? (
                <Badge variant="outline" color="teal">
                  Verified buyer
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="review-heading">
              <Title order={2} size="h4" id="review-heading" mb="sm">
                Review
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} mb="md">
                {detail.data.review.body}
              </Text>
              <DataList labelWidth={130}>
                <DataList.Item>
                  <DataList.ItemLabel>Product</DataList.ItemLabel>
                  <DataList.ItemValue>
                    {detail.data.review.product_title}
                    {detail.data.review.variant_title ? ` — ${detail.data.review.variant_title}` : ''}
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Reviewer</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <Anchor component={Link} to={`/customers/${encodeURIComponent(detail.data.customer.customer_id)}`}>
                      {detail.data.review.reviewer_display_name}
                    </Anchor>
                    {detail.data.customer.email ? ` (${detail.data.customer.email})` : ''}
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Recommends</DataList.ItemLabel>
                  <DataList.ItemValue>{detail.data.review.is_recommended ? 'Yes' : 'No'}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Date</DataList.ItemLabel>
                  <DataList.ItemValue>{zonedTime(detail.data.review.created_at, tz)}</DataList.ItemValue>
                </DataList.Item>
              </DataList>
            </Card>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="review-order-heading">
              <Title order={2} size="h4" id="review-order-heading" mb="sm">
                Order
              </Title>
              {detail.data.order ? (
                <DataList labelWidth={130}>
                  <DataList.Item>
                    <DataList.ItemLabel>Order number</DataList.ItemLabel>
                    <DataList.ItemValue>
                      <Anchor component={Link} to={`/orders/${encodeURIComponent(detail.data.order.order_id)}`}>
                        {detail.data.order.name}
                      </Anchor>
                    </DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>Fulfilment</DataList.ItemLabel>
                    <DataList.ItemValue>{fulfillmentText(detail.data.order, tz)}</DataList.ItemValue>
                  </DataList.Item>
                </DataList>
              ) : (
                <Text size="sm" c="dimmed">
                  Not written from a review request, so no order.
                </Text>
              )}
            </Card>
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
