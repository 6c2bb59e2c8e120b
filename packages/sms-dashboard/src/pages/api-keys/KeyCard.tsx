import { Card, Code, DataList, Group, Stack } from '@mantine/core';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import { KeyActions, KeyStatus, LabelCell, PrivateKeyCell, RevealedKey } from './KeyParts.js';
import type { KeyViewProps } from './KeyRow.js';
import { useKeyPair } from './use-key-pair.js';

/** One pair on a phone: the table's columns as a list of label and value, so nothing hides off-screen. */
export function KeyCard({ apiKey, timeZone, onChanged, onRevoke }: KeyViewProps) {
  const pair = useKeyPair(apiKey, onChanged);
  return (
    <Card withBorder padding="md" radius="md" component="li" c={pair.active ? undefined : 'dimmed'}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <LabelCell apiKey={apiKey} pair={pair} />
          <KeyStatus apiKey={apiKey} timeZone={timeZone} />
        </Group>
        <DataList labelWidth={96} size="sm">
          <DataList.Item>
            <DataList.ItemLabel>Public Key</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code style={{ overflowWrap: 'anywhere' }}>{apiKey.public_key}</Code>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Private Key</DataList.ItemLabel>
            <DataList.ItemValue>
              <PrivateKeyCell pair={pair} />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Created</DataList.ItemLabel>
            <DataList.ItemValue>{zonedTime(apiKey.created_at, timeZone)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        {pair.secret !== null ? <RevealedKey secret={pair.secret} /> : null}
        <KeyActions pair={pair} onRevoke={onRevoke} />
      </Stack>
    </Card>
  );
}
