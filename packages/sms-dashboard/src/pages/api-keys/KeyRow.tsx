import { Code, Group, Table } from '@mantine/core';
import type { ApiKeyView } from '@rapport/sms/schemas';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import { KeyActions, KeyStatus, LabelCell, PrivateKeyCell, RevealedKey } from './KeyParts.js';
import { useKeyPair } from './use-key-pair.js';

/** The table's columns (ApiKeysPage), which the shown key's row spans. */
export const KEY_COLUMNS = 6;

export interface KeyViewProps {
  apiKey: ApiKeyView;
  timeZone: string;
  onChanged: (key: ApiKeyView) => void;
  onRevoke: () => void;
}

/**
 * One pair as a table row: label, public key, private key, created, status, actions. A shown key gets a
 * row of its own under the pair, so the columns do not jump to make room for its 46 characters.
 */
export function KeyRow({ apiKey, timeZone, onChanged, onRevoke }: KeyViewProps) {
  const pair = useKeyPair(apiKey, onChanged);
  return (
    <>
      <Table.Tr c={pair.active ? undefined : 'dimmed'} style={pair.secret !== null ? { borderBottom: 'none' } : undefined}>
        <Table.Td>
          <LabelCell apiKey={apiKey} pair={pair} />
        </Table.Td>
        <Table.Td>
          <Code>{apiKey.public_key}</Code>
        </Table.Td>
        <Table.Td>
          <PrivateKeyCell pair={pair} />
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{zonedTime(apiKey.created_at, timeZone)}</Table.Td>
        <Table.Td>
          <KeyStatus apiKey={apiKey} timeZone={timeZone} />
        </Table.Td>
        <Table.Td>
          <Group justify="flex-end">
            <KeyActions pair={pair} onRevoke={onRevoke} />
          </Group>
        </Table.Td>
      </Table.Tr>
      {pair.secret !== null ? (
        <Table.Tr>
          <Table.Td colSpan={KEY_COLUMNS} pt={0}>
            <RevealedKey secret={pair.secret} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
