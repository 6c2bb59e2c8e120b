import { Alert, Anchor, Badge, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { apiPath, useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { AutomationTriggerList, AutomationView, TriggerView, UpdateAutomationBody } from '@rapport/sms/schemas';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AutomationEditor } from './AutomationEditor.js';
import type { SavedState } from './AutomationsPage.js';
import { DeleteAutomation } from './DeleteAutomation.js';
import { messagesOf, stepsOf, type EditorStep } from './steps.js';
import { tagChoices } from './tags.js';

interface Loaded {
  automation: AutomationView;
  /** The trigger's tags for Add Tag; none if the trigger is gone. */
  tags: string[];
  /** The wait the trigger's partner declares, for the double-wait warning. */
  declaredWait: TriggerView['declared_wait'];
}

/** An automation's name opens it here: the same editor, saving its name and messages; and Delete. */
export function EditAutomationPage() {
  const { id = '' } = useParams();
  const { api } = useDashboard();
  const loaded = useLoad<Loaded>(async () => {
    const [automation, triggers] = await Promise.all([
      api.get<AutomationView>(apiPath`/api/automations/${id}`),
      api.get<AutomationTriggerList>('/api/automation-triggers'),
    ]);
    const trigger = triggers.triggers.find((t) => t.name === automation.trigger.name && t.kind === automation.trigger.kind);
    return { automation, tags: trigger?.tags ?? [], declaredWait: trigger?.declared_wait ?? null };
  }, [api, id]);

  if (loaded.error)
    return (
      <Alert color="red" role="alert" variant="light">
        {loaded.error.message}
      </Alert>
    );
  if (!loaded.data) return null;
  return <Editing key={loaded.data.automation.id} {...loaded.data} />;
}

function Editing({ automation, tags, declaredWait }: Loaded) {
  const { api } = useDashboard();
  const navigate = useNavigate();
  const [name, setName] = useState(automation.name);
  const [steps, setSteps] = useState<EditorStep[]>(() => stepsOf(automation));
  const save = async () => {
    const body: UpdateAutomationBody = { name: name.trim(), messages: messagesOf(steps) };
    const saved = await api.request<AutomationView>('PATCH', apiPath`/api/automations/${automation.id}`, body);
    void navigate('/automations', { state: { saved: { id: saved.id, name: saved.name } } satisfies SavedState });
  };
  return (
    <Stack gap="lg" maw={880}>
      <Anchor component={Link} to="/automations" size="sm">
        ← Automations
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {automation.name}
          </Title>
          <Badge color={automation.enabled ? 'blue' : 'gray'} variant="light">
            {automation.enabled ? 'Enabled' : 'Off'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Starts on {automation.trigger.name}. {automation.enabled ? 'Changes apply to the next fires.' : ''}
        </Text>
      </Stack>
      <AutomationEditor
        trigger={automation.trigger.name}
        tagGroups={tagChoices({ name: automation.trigger.name, tags })}
        declaredWait={declaredWait}
        steps={steps}
        onStepsChange={setSteps}
        onSave={save}
        block={name.trim() === '' ? 'Name the automation to save.' : null}
        header={<TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required maw={480} />}
        footer={<DeleteAutomation automation={automation} onDeleted={() => void navigate('/automations')} />}
      />
    </Stack>
  );
}
