import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { AutomationTriggerOption } from '@rapport/sms/schemas';
import { Link } from 'react-router';
import { triggerGroups } from './trigger-groups.js';

interface Props {
  triggers: AutomationTriggerOption[];
  /** The chosen trigger's name (names are what an automation's `trigger` holds). */
  trigger: string | null;
  onTrigger: (name: string | null) => void;
  name: string;
  onName: (name: string) => void;
  onContinue: () => void;
}

/**
 * Step 1: the Automation Trigger drop-down — partner triggers (Okendo registers "Okendo Review Request" when
 * a reviews store connects), the Okendo event types, and the shop's other event types — and the
 * automation's name, the trigger's until changed. Searchable: the list holds twenty-odd entries.
 */
export function TriggerStep({ triggers, trigger, onTrigger, name, onName, onContinue }: Props) {
  const ready = trigger !== null && name.trim() !== '';
  const noPartner = !triggers.some((t) => t.kind === 'partner');
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
          placeholder="Choose a trigger or an event"
          data={triggerGroups(triggers)}
          value={trigger}
          onChange={onTrigger}
          allowDeselect={false}
          searchable
          nothingFoundMessage="No trigger or event of that name"
          required
        />
        {noPartner ? (
          <Alert color="blue" variant="light" title="Okendo Review Request appears once Okendo is connected">
            <Text size="sm">
              Events start automations as soon as they arrive. The review-request trigger is registered by the integration: create a key
              pair on the{' '}
              <Anchor component={Link} to="/api-keys" size="sm">
                API
              </Anchor>{' '}
              page and enter its private key in Okendo.
            </Text>
          </Alert>
        ) : null}
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
