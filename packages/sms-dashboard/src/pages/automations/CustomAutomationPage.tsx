import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { AutomationTriggerList, AutomationView, CreateAutomationBody } from '@rapport/sms/schemas';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AutomationEditor } from './AutomationEditor.js';
import type { SavedState } from './AutomationsPage.js';
import { messagesOf, newStep, type EditorStep } from './steps.js';
import { tagChoices } from './tags.js';
import { TriggerStep } from './TriggerStep.js';

/**
 * Custom Automation, in the seed's two steps: the trigger and a name, then (Save & Continue to Messages)
 * the messages. Nothing is stored before Save Automation — an automation needs a message — and it is
 * stored off, to be switched on from the list with its Enabled toggle.
 */
export function CustomAutomationPage() {
  const { api } = useDashboard();
  const navigate = useNavigate();
  const triggers = useLoad(() => api.get<AutomationTriggerList>('/api/automation-triggers').then((r) => r.triggers), [api]);
  const [step, setStep] = useState<'trigger' | 'messages'>('trigger');
  const [triggerName, setTriggerName] = useState<string | null>(null);
  // The name follows the chosen trigger until the merchant writes one.
  const [ownName, setOwnName] = useState<string | null>(null);
  const [steps, setSteps] = useState<EditorStep[]>(() => [newStep()]);
  // A partner trigger wins a shared name, as the API resolves it.
  const trigger =
    triggers.data?.find((t) => t.name === triggerName && t.kind === 'partner') ?? triggers.data?.find((t) => t.name === triggerName);
  const name = ownName ?? trigger?.name ?? '';

  const save = async () => {
    if (!trigger) return;
    const body: CreateAutomationBody = { name: name.trim(), trigger: trigger.name, messages: messagesOf(steps), enabled: false };
    const created = await api.post<AutomationView>('/api/automations', body);
    void navigate('/automations', { state: { saved: { id: created.id, name: created.name } } satisfies SavedState });
  };

  return (
    <Stack gap="lg" maw={880}>
      <Anchor component={Link} to="/automations/new" size="sm">
        ← Create Legacy Automation
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Custom Automation
        </Title>
        <Text size="sm" c="dimmed">
          {step === 'trigger' ? 'Step 1 of 2: the trigger that starts it' : 'Step 2 of 2: the messages it sends'}
        </Text>
      </Stack>
      {triggers.error ? (
        <Alert color="red" role="alert" variant="light">
          {triggers.error.message}
        </Alert>
      ) : null}
      {triggers.data && step === 'trigger' ? (
        <TriggerStep
          triggers={triggers.data}
          trigger={triggerName}
          onTrigger={setTriggerName}
          name={name}
          onName={setOwnName}
          onContinue={() => setStep('messages')}
        />
      ) : null}
      {trigger && step === 'messages' ? (
        <AutomationEditor
          key={trigger.name}
          trigger={trigger.name}
          tagGroups={tagChoices(trigger)}
          declaredWait={trigger.declared_wait}
          steps={steps}
          onStepsChange={setSteps}
          onSave={save}
          header={
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={2}>
                  <Text fw={600}>{name}</Text>
                  <Text size="sm" c="dimmed">
                    Trigger: {trigger.name}
                  </Text>
                </Stack>
                <Button variant="default" size="xs" onClick={() => setStep('trigger')}>
                  Change
                </Button>
              </Group>
            </Paper>
          }
        />
      ) : null}
    </Stack>
  );
}
