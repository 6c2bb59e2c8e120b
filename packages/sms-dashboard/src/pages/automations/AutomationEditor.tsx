import { Button, Group, Stack, Text } from '@mantine/core';
import { FormAlert, useSubmit } from '@rapport/dashboard-ui';
import { useId, type ReactNode } from 'react';
import type { DeclaredWait } from './double-wait.js';
import { DoubleWaitNotice } from './DoubleWaitNotice.js';
import { saveBlock } from './message-check.js';
import { MessageStep } from './MessageStep.js';
import { newStep, type EditorStep } from './steps.js';
import type { TagGroup } from './tags.js';
import { usePreviews } from './use-previews.js';

/**
 * The API's MAX_STEPS (packages/sms/src/schemas/automations.ts). Not imported: the dashboard takes only
 * types from the schemas, since a value import would bundle TypeBox and every schema with it.
 */
const MAX_MESSAGES = 10;
const FIELDS = ['name', 'messages'] as const;

interface Props {
  /** The trigger's name: the preview renders with its tags. Give the editor a `key` of it, since answers depend on it. */
  trigger: string;
  tagGroups: TagGroup[];
  /** The wait the trigger's partner declares (Okendo's sequence), for the double-wait warning. */
  declaredWait?: DeclaredWait | null;
  steps: readonly EditorStep[];
  onStepsChange: (steps: EditorStep[]) => void;
  /** Saves and leaves; what the server refuses is shown above the button. */
  onSave: () => Promise<void>;
  /** Why saving is refused besides the messages (an empty name), or null. */
  block?: string | null;
  /** Above the messages (the name field). */
  header?: ReactNode;
  /** Bottom left, across from Save Automation (Delete). */
  footer?: ReactNode;
}

/**
 * The message editor of a legacy automation: each message with its wait, tags and live preview, and
 * "Save Automation" at the bottom right, refused (with the reason beside it) while a message is empty,
 * unchecked or has a tag problem.
 */
export function AutomationEditor({
  trigger,
  tagGroups,
  declaredWait = null,
  steps,
  onStepsChange,
  onSave,
  block = null,
  header,
  footer,
}: Props) {
  const previews = usePreviews(
    trigger,
    steps.map((s) => s.body),
  );
  const form = useSubmit(FIELDS);
  const reasonId = useId();
  const reason = block ?? saveBlock(steps.map((s) => previews.check(s.body)));
  const replace = (i: number, step: EditorStep) => onStepsChange(steps.map((s, j) => (j === i ? step : s)));

  return (
    <form
      onSubmit={form.handle(async () => {
        // Enter in a field submits too; the refusal holds for it as for the button.
        if (reason === null) await onSave();
      })}
      noValidate
    >
      <Stack gap="lg">
        {header}
        <DoubleWaitNotice wait={declaredWait} firstDelayMinutes={steps[0]?.delayMinutes ?? 0} />
        {steps.map((step, i) => (
          <MessageStep
            key={step.key}
            step={step}
            index={i}
            tagGroups={tagGroups}
            preview={previews.of(step.body)}
            check={previews.check(step.body)}
            onChange={(next) => replace(i, next)}
            onRemove={i === 0 ? undefined : () => onStepsChange(steps.filter((_, j) => j !== i))}
          />
        ))}
        {steps.length < MAX_MESSAGES ? (
          <Group>
            <Button variant="default" onClick={() => onStepsChange([...steps, newStep()])}>
              Add another message
            </Button>
          </Group>
        ) : null}
        <FormAlert messages={[...form.errors.form, ...Object.values(form.errors.fields)]} />
        <Group justify="space-between" align="flex-end" wrap="wrap-reverse" gap="md">
          <div>{footer}</div>
          <Group gap="md" justify="flex-end" wrap="wrap">
            {reason ? (
              <Text size="sm" c="dimmed" id={reasonId}>
                {reason}
              </Text>
            ) : null}
            <Button type="submit" disabled={reason !== null} loading={form.submitting} aria-describedby={reason ? reasonId : undefined}>
              Save Automation
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
