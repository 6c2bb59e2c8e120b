import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { TriggerView } from '@rapport/sms/schemas';
import { Link } from 'react-router';

interface Props {
  triggers: TriggerView[];
  triggerId: string | null;
  onTrigger: (id: string | null) => void;
  name: string;
  onName: (name: string) => void;
  onContinue: () => void;
}

/**
 * Step 1: the Automation Trigger drop-down (the shop's registered triggers; Okendo registers "Okendo Review
 * Request" when a reviews store connects) and the automation's name, the trigger's until changed.
 */
export function TriggerStep({ triggers, triggerId, onTrigger, name, onName, onContinue }: Props) {
  if (triggers.length === 0) {
    return (
      <Alert color="yellow" variant="light" title="No triggers yet: connect an integration such as Okendo">
        <Text size="sm">
          A legacy automation starts when a trigger fires, and integrations register their triggers. Create a key pair on the{' '}
          <Anchor component={Link} to="/api-keys" size="sm">
            API
          </Anchor>{' '}
          page and enter its private key in Okendo; Okendo Review Request then appears here.
        </Text>
      </Alert>
    );
  }
  const ready = triggerId !== null && name.trim() !== '';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onContinue();
      }}
      noValidate
    >
      <Stack gap="md" maw={480}>
        <Select
          label="Automation Trigger"
          placeholder="Choose a trigger"
          data={triggers.map((t) => ({ value: t.id, label: t.name }))}
          value={triggerId}
          onChange={onTrigger}
          allowDeselect={false}
          required
        />
        <TextInput
          label="Name"
          description="How this automation is listed"
          value={name}
          onChange={(e) => onName(e.currentTarget.value)}
          required
        />
        <Group justify="flex-end" gap="xs">
          <Button component={Link} to="/automations" variant="default">
            Cancel
          </Button>
          <Button type="submit" disabled={!ready}>
            Save & Continue to Messages
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
