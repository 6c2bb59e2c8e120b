import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { DeliveryHealth, IntegrationView } from '@rapport/reviews/schemas';
import { useMemo, useState } from 'react';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { PostscriptTile } from './PostscriptTile.js';
import { ShopifyConnection } from './ShopifyConnection.js';
import { SyncLog } from './SyncLog.js';

/** Settings → Integrations: the apps the store's reviews go to, by kind ("Email & SMS"), and Postscript's sync log. */
export function IntegrationsPage() {
  const { api } = useDashboard();
  const store = useStore();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const integration = useLoad(() => api.get<IntegrationView>(paths.postscript), [api, paths]);
  const health = useLoad(() => api.get<DeliveryHealth>(paths.postscriptHealth), [api, paths]);
  const [logVersion, setLogVersion] = useState(0);
  const error = integration.error ?? health.error;

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Integrations
        </Title>
        <Text size="sm" c="dimmed">
          The apps {store.name} shares its reviews and customers with.
        </Text>
      </Stack>
      {error ? (
        <Alert color="red" role="alert" variant="light">
          {error.message}
        </Alert>
      ) : null}

      <ShopifyConnection paths={paths} />

      <Stack gap="sm" component="section" aria-labelledby="email-sms-heading">
        <Title order={2} size="h4" id="email-sms-heading">
          Email &amp; SMS
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {integration.data ? (
            <PostscriptTile
              view={integration.data}
              health={health.data}
              paths={paths}
              timeZone={store.time_zone}
              onChanged={(view) => {
                if (view) integration.update(() => view);
                else integration.reload();
                health.reload();
                setLogVersion((v) => v + 1);
              }}
            />
          ) : null}
        </SimpleGrid>
      </Stack>

      <SyncLog paths={paths} timeZone={store.time_zone} version={logVersion} onReplayed={health.reload} />
    </Stack>
  );
}
