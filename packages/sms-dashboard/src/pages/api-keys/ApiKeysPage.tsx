import { Alert, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDashboard, useLoad, usePhoneLayout, useSession } from '@rapport/dashboard-ui';
import type { ApiKeyView } from '@rapport/sms/schemas';
import { useState } from 'react';
import type { Shop } from '../../shop.js';
import { CreateKeyPairModal } from './CreateKeyPairModal.js';
import { KeyCard } from './KeyCard.js';
import { KeyRow } from './KeyRow.js';
import { RevokeKeyModal } from './RevokeKeyModal.js';

/**
 * The API page, as the seed walks it: Create Security Key Pair → Yes → a label → Show in the Private Key
 * column → copy it into Okendo. Revoking is here too, for a key that leaked or is no longer used.
 */
export function ApiKeysPage() {
  const { api } = useDashboard();
  const { tenant: shop } = useSession<Shop>();
  const keys = useLoad(() => api.get<{ keys: ApiKeyView[] }>('/api/dashboard/keys').then((r) => r.keys), [api]);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const phone = usePhoneLayout();
  const replace = (key: ApiKeyView) => keys.update((list) => list.map((k) => (k.id === key.id ? key : k)));
  if (!shop) return null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={1} size="h2">
            API
          </Title>
          <Text size="sm" c="dimmed">
            Security key pairs of {shop.name}. A private key (sk_…) calls the API as this shop: enter it in Okendo to connect your reviews.
            The public key (pk_…) only names the pair.
          </Text>
        </Stack>
        <Button onClick={() => setCreating(true)}>Create Security Key Pair</Button>
      </Group>

      {keys.error ? (
        <Alert color="red" role="alert" variant="light">
          {keys.error.message}
        </Alert>
      ) : null}
      {keys.data?.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed">No key pairs yet. Create one to connect Okendo or to call the API from your own code.</Text>
        </Card>
      ) : null}
      {keys.data && keys.data.length > 0 && phone ? (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label="Security key pairs" style={{ listStyle: 'none' }}>
          {keys.data.map((key) => (
            <KeyCard key={key.id} apiKey={key} timeZone={shop.time_zone} onChanged={replace} onRevoke={() => setRevoking(key)} />
          ))}
        </Stack>
      ) : null}
      {keys.data && keys.data.length > 0 && !phone ? (
        <Table.ScrollContainer minWidth={980}>
          <Table verticalSpacing="sm" aria-label="Security key pairs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Public Key</Table.Th>
                <Table.Th>Private Key</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((key) => (
                <KeyRow key={key.id} apiKey={key} timeZone={shop.time_zone} onChanged={replace} onRevoke={() => setRevoking(key)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      <CreateKeyPairModal
        opened={creating}
        shopName={shop.name}
        onCreated={keys.reload}
        onLabelled={replace}
        onClose={() => setCreating(false)}
      />
      <RevokeKeyModal
        apiKey={revoking}
        onRevoked={(key) => {
          replace(key);
          setRevoking(null);
        }}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
