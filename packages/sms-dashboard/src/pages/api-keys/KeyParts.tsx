import { Badge, Button, CopyButton, Group, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { ApiKeyView } from '@rapport/sms/schemas';
import { useId } from 'react';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import type { KeyPairState } from './use-key-pair.js';

/** The pieces of a pair that the table row and the phone's card show alike. */

export function LabelCell({ apiKey, pair }: { apiKey: ApiKeyView; pair: KeyPairState }) {
  if (pair.editing) {
    const { errors, submitting } = pair.labelForm;
    return (
      <form onSubmit={pair.saveLabel} noValidate>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label="Label"
            size="xs"
            w={160}
            maxLength={100}
            autoFocus
            value={pair.label}
            onChange={(e) => pair.setLabel(e.currentTarget.value)}
            error={errors.fields.label ?? (errors.form.length > 0 ? errors.form.join(' ') : undefined)}
          />
          <Button type="submit" size="xs" loading={submitting}>
            Save label
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={pair.cancelEdit} disabled={submitting}>
            Cancel
          </Button>
        </Group>
      </form>
    );
  }
  return apiKey.label ? (
    <Text size="sm" fw={500}>
      {apiKey.label}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      No label
    </Text>
  );
}

/** "••••" and Show (or Hide once shown); nothing to show on a revoked pair. */
export function PrivateKeyCell({ pair }: { pair: KeyPairState }) {
  return (
    <>
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" aria-hidden>
          ••••
        </Text>
        <VisuallyHidden>{pair.secret !== null ? 'Shown below' : 'Hidden'}</VisuallyHidden>
        {pair.secret !== null ? (
          <Button size="xs" variant="subtle" color="gray" onClick={pair.hide}>
            Hide
          </Button>
        ) : pair.active ? (
          <Button size="xs" variant="light" onClick={pair.show} loading={pair.reveal.pending}>
            Show
          </Button>
        ) : null}
      </Group>
      {pair.reveal.error ? (
        <Text size="xs" c="red" role="alert">
          {pair.reveal.error}
        </Text>
      ) : null}
    </>
  );
}

/** The shown private key: monospace, read-only, selected on focus, and Copy. */
export function RevealedKey({ secret }: { secret: string }) {
  const id = useId();
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text component="label" htmlFor={id} size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        Private key
      </Text>
      <TextInput
        id={id}
        readOnly
        size="xs"
        value={secret}
        w="50ch"
        maw="100%"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

export function KeyStatus({ apiKey, timeZone }: { apiKey: ApiKeyView; timeZone: string }) {
  return apiKey.revoked ? (
    <Badge color="gray" variant="light" title={`Revoked ${zonedTime(apiKey.revoked_at, timeZone)}`}>
      Revoked
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      Active
    </Badge>
  );
}

/** Edit label and Revoke, on an active pair not being relabelled. */
export function KeyActions({ pair, onRevoke }: { pair: KeyPairState; onRevoke: () => void }) {
  if (!pair.active || pair.editing) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" onClick={pair.edit}>
        Edit label
      </Button>
      <Button size="xs" variant="light" color="red" onClick={onRevoke}>
        Revoke
      </Button>
    </Group>
  );
}
