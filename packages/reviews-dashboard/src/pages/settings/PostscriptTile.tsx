import { ActionIcon, Alert, Badge, Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import type { DeliveryHealth, IntegrationView } from '@rapport/reviews/schemas';
import { useState } from 'react';
import { PencilIcon } from '../../icons/PencilIcon.js';
import type { StoreApi } from '../../store-api.js';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import { DisconnectPostscriptModal } from './DisconnectPostscriptModal.js';
import { postscriptStatus } from './postscript-status.js';
import { PostscriptKeyDrawer } from './PostscriptKeyDrawer.js';
import { ProfileBackfill } from './ProfileBackfill.js';
import { SyncHealth } from './SyncHealth.js';

interface Props {
  view: IntegrationView;
  /** Undefined while it loads, or when it could not be read (the page says why). */
  health: DeliveryHealth | undefined;
  paths: StoreApi;
  timeZone: string;
  /** A key was saved (the view answered) or the integration removed (null). */
  onChanged: (view: IntegrationView | null) => void;
}

/**
 * Postscript in Email & SMS: whether it is connected, to which Postscript shop and with which key (masked),
 * and how the calls to it fared. The pencil opens the key's side panel, as in the seed.
 */
export function PostscriptTile({ view, health, paths, timeZone, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  // Each opening mounts the key's panel afresh (its key prop), so no earlier attempt's message lingers.
  const [round, setRound] = useState(0);
  const [disconnecting, setDisconnecting] = useState(false);
  const status = postscriptStatus(view);

  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-labelledby="postscript-heading">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="wrap">
            <Title order={3} size="h4" id="postscript-heading">
              Postscript
            </Title>
            <Badge color={status.color}>{status.label}</Badge>
          </Group>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Edit Postscript"
            onClick={() => {
              setRound((n) => n + 1);
              setEditing(true);
            }}
          >
            <PencilIcon />
          </ActionIcon>
        </Group>
        <Text size="sm" c="dimmed">
          SMS marketing. Reviews, profile properties and review requests go to your Postscript shop, where automations text them to
          subscribers.
        </Text>

        {view.connected ? (
          <>
            {view.status === 'needs_attention' ? (
              <Alert color="orange" variant="light" title="Postscript no longer accepts the saved key">
                {view.status_reason ?? 'Calls to Postscript are refused.'} Select the pencil to enter a new Private API Key.
              </Alert>
            ) : null}
            <DataList labelWidth={130}>
              <DataList.Item>
                <DataList.ItemLabel>Postscript shop</DataList.ItemLabel>
                <DataList.ItemValue>{view.shop_name ?? '—'}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Private API Key</DataList.ItemLabel>
                <DataList.ItemValue ff="monospace" fz="sm">
                  {view.private_key ?? '—'}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Connected since</DataList.ItemLabel>
                <DataList.ItemValue>{zonedTime(view.connected_at, timeZone)}</DataList.ItemValue>
              </DataList.Item>
            </DataList>
            {health ? <SyncHealth health={health} /> : null}
            <ProfileBackfill paths={paths} />
            <Group justify="flex-end">
              <Button variant="subtle" color="red" onClick={() => setDisconnecting(true)}>
                Disconnect
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">Not connected. Select the pencil to enter the Private API Key of your Postscript shop.</Text>
        )}
      </Stack>

      <PostscriptKeyDrawer
        key={round}
        opened={editing}
        current={view}
        paths={paths}
        onSaved={(saved) => {
          onChanged(saved);
          setEditing(false);
        }}
        onClose={() => setEditing(false)}
      />
      <DisconnectPostscriptModal
        opened={disconnecting}
        shopName={view.shop_name ?? 'Postscript'}
        paths={paths}
        onDisconnected={() => {
          setDisconnecting(false);
          onChanged(null);
        }}
        onClose={() => setDisconnecting(false)}
      />
    </Card>
  );
}
