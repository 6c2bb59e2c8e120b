import { Anchor, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormAlert, useDashboard, useLoad, useSubmit } from '@rapport/dashboard-ui';
import type { AutomationTriggerOption, FlowGraph, FlowView } from '@rapport/sms/schemas';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { triggerGroups } from '../automations/trigger-groups.js';

/** The graph a new flow starts with: its trigger and one text, which the builder then grows. */
export function starterGraph(trigger: AutomationTriggerOption): FlowGraph {
  return {
    version: 1,
    trigger: trigger.kind === 'partner' ? { kind: 'partner', trigger: trigger.name } : { kind: 'event', event_type: trigger.name },
    reentry: { mode: 'every_time' },
    start: 'step-1',
    nodes: [{ id: 'step-1', type: 'message', body: 'Hi {first_name|there}!', next: null }],
  };
}

const FIELDS = ['name'] as const;

/** Messaging → Automations → Create Automation Flow: the trigger and a name, then the builder. */
export function NewFlowPage() {
  const { api } = useDashboard();
  const navigate = useNavigate();
  const triggers = useLoad(
    () => api.get<{ triggers: AutomationTriggerOption[] }>('/api/automation-triggers').then((r) => r.triggers),
    [api],
  );
  const [trigger, setTrigger] = useState<string | null>(null);
  const [name, setName] = useState('');
  const chosen = triggers.data?.find((t) => t.name === trigger);
  const submit = useSubmit(FIELDS);
  const create = submit.handle(async () => {
    if (!chosen) return;
    const flow = await api.post<FlowView>('/api/flows', { name: name.trim() || chosen.name, graph: starterGraph(chosen) });
    void navigate(`/flows/${encodeURIComponent(flow.id)}`);
  });
  return (
    <Stack gap="lg" maw={640}>
      <Anchor component={Link} to="/automations" size="sm">
        ← Automations
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Create Automation Flow
        </Title>
        <Text size="sm" c="dimmed">
          A flow starts when its trigger fires or its event arrives for a subscriber, then waits, branches and texts, step by step. Pick
          what starts it; you build the steps next.
        </Text>
      </Stack>
      <form onSubmit={create} noValidate>
        <Stack gap="md">
          <FormAlert messages={[...submit.errors.form, ...(triggers.error ? [triggers.error.message] : [])]} />
          <Select
            label="Automation Trigger"
            placeholder="Choose a trigger or an event"
            data={triggerGroups(triggers.data ?? [])}
            value={trigger}
            onChange={(value) => {
              setTrigger(value);
              if (value && (name.trim() === '' || name === trigger)) setName(value);
            }}
            allowDeselect={false}
            searchable
            nothingFoundMessage="No trigger or event of that name"
            required
          />
          <TextInput
            label="Name"
            description="How this flow is listed"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              submit.clear('name');
            }}
            error={submit.errors.fields.name}
            required
          />
          <Group justify="flex-end" gap="xs">
            <Button component={Link} to="/automations" variant="default">
              Cancel
            </Button>
            <Button type="submit" disabled={!chosen || name.trim() === ''} loading={submit.submitting}>
              Create and open the builder
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
