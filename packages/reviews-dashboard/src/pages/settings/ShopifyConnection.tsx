import { Alert, Button, Card, Code, CopyButton, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { ShopifyConnectionView } from '@rapport/reviews/schemas';
import type { StoreApi } from '../../store-api.js';

/**
 * Settings → Integrations → Shopify: the webhook URL to paste into Shopify (Settings → Notifications →
 * Webhooks) and each topic to create a webhook for. Pasting Shopify's own signing secret comes later.
 */
export function ShopifyConnection({ paths }: { paths: StoreApi }) {
  const { api } = useDashboard();
  const connection = useLoad(() => api.get<ShopifyConnectionView>(paths.shopify), [api, paths]);
  const c = connection.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="shopify-heading">
      <Title order={2} size="h4" id="shopify-heading">
        Shopify
      </Title>
      <Card withBorder padding="lg" radius="md">
        {connection.error ? (
          <Alert color="red" role="alert" variant="light">
            {connection.error.message}
          </Alert>
        ) : null}
        {c ? (
          <Stack gap="sm">
            <Text size="sm">
              In Shopify’s admin for <strong>{c.shop_domain}</strong>, open Settings → Notifications → Webhooks and create one webhook per
              topic below, each with this URL and the {c.format.toUpperCase()} format.
            </Text>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label="Webhook URL" readOnly value={c.webhook_url} onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
              <CopyButton value={c.webhook_url}>
                {({ copied, copy }) => (
                  <Button aria-label="Copy webhook URL" color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" fw={500} id="shopify-topics-heading">
              Topics to subscribe ({c.topics.length})
            </Text>
            <List size="sm" spacing={2} aria-labelledby="shopify-topics-heading" style={{ columns: '12rem' }}>
              {c.topics.map((t) => (
                <List.Item key={t}>
                  <Code>{t}</Code>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Card>
    </Stack>
  );
}
