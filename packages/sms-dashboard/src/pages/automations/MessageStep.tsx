import { AccordionChevron, Button, Card, Group, List, Menu, NumberInput, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { MessagePreview } from '@rapport/sms/schemas';
import { useEffect, useId, useRef, useState } from 'react';
import { AddTagModal } from './AddTagModal.js';
import { insertAtCursor } from './insert-at-cursor.js';
import { partsLine, type StepCheck } from './message-check.js';
import type { EditorStep } from './steps.js';
import type { TagGroup } from './tags.js';

interface Props {
  step: EditorStep;
  /** 0 for the first message; it and the others are named apart ("Message", "Message 2"). */
  index: number;
  tagGroups: TagGroup[];
  preview: MessagePreview | undefined;
  check: StepCheck;
  onChange: (step: EditorStep) => void;
  /** Absent on the first message: an automation has at least one. */
  onRemove?: () => void;
}

/** One message: its wait, the field with More → Add Tag above it, and the live preview below it. */
export function MessageStep({ step, index, tagGroups, preview, check, onChange, onRemove }: Props) {
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const focusedOnce = useRef(false);
  const selection = useRef<{ start: number; end: number } | null>(null);
  const pendingCursor = useRef<number | null>(null);
  const [addingTag, setAddingTag] = useState(false);
  // While the preview of the newest text is on its way, the last one stays in view instead of flickering.
  const [shown, setShown] = useState(preview);
  if (preview && preview !== shown) setShown(preview);

  const n = index + 1;
  const messageLabel = index === 0 ? 'Message' : `Message ${n}`;

  const openAddTag = () => {
    // The field has lost focus to the menu by now, but a textarea keeps its selection; a field never
    // focused has none worth keeping (its caret sits at 0), so the tag then goes at the end.
    const el = field.current;
    selection.current = el && focusedOnce.current ? { start: el.selectionStart, end: el.selectionEnd } : null;
    setAddingTag(true);
  };
  const insert = (key: string) => {
    const at = selection.current ?? { start: step.body.length, end: step.body.length };
    const next = insertAtCursor(step.body, at.start, at.end, `{${key}}`);
    pendingCursor.current = next.cursor;
    setAddingTag(false);
    onChange({ ...step, body: next.text });
  };
  // After the inserted text is in the field, the cursor goes just after the tag.
  useEffect(() => {
    const el = field.current;
    if (pendingCursor.current === null || !el) return;
    el.focus();
    el.setSelectionRange(pendingCursor.current, pendingCursor.current);
    pendingCursor.current = null;
  }, [step.body]);

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label={messageLabel}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <NumberInput
            label={index === 0 ? 'Delay (minutes)' : `Delay before message ${n} (minutes)`}
            description={index === 0 ? 'After the trigger fires; 0 sends at once' : `After message ${index}`}
            value={step.delayMinutes}
            onChange={(v) => onChange({ ...step, delayMinutes: typeof v === 'number' ? v : 0 })}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            w={240}
          />
          {onRemove ? (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              Remove message {n}
            </Button>
          ) : null}
        </Group>

        <Stack gap={6}>
          <Group justify="space-between" align="flex-end">
            <Text component="label" htmlFor={fieldId} size="sm" fw={500}>
              {messageLabel}
            </Text>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="xs" rightSection={<AccordionChevron size={14} aria-hidden />}>
                  More
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={openAddTag}>Add Tag</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
          <Textarea
            id={fieldId}
            ref={field}
            autosize
            minRows={4}
            placeholder="Thanks for your order, {first_name}! How did we do? {review_url}"
            value={step.body}
            onFocus={() => {
              focusedOnce.current = true;
            }}
            onChange={(e) => onChange({ ...step, body: e.currentTarget.value })}
            error={check.errorCount > 0 && check.checkedBody === step.body}
          />
        </Stack>

        <Stack gap={6} aria-live="polite">
          <Text size="sm" fw={500}>
            Preview
          </Text>
          {step.body.trim() === '' ? (
            <Text size="sm" c="dimmed">
              The text as a subscriber gets it appears here as you type, with sample values for the tags.
            </Text>
          ) : shown ? (
            <>
              <Paper bg="gray.0" p="sm" radius="md" style={{ opacity: check.checkedBody === step.body ? 1 : 0.6 }}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {shown.rendered}
                </Text>
              </Paper>
              <Text size="xs" c="dimmed">
                {partsLine(shown)}
              </Text>
            </>
          ) : null}
          {check.failure ? (
            <Text size="sm" c="red" role="alert">
              The preview failed: {check.failure}
            </Text>
          ) : null}
          {check.checkedBody === step.body && preview && preview.errors.length > 0 ? (
            <List size="sm" c="red" spacing={2}>
              {preview.errors.map((e, i) => (
                <List.Item key={i}>{e.msg}</List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      </Stack>
      <AddTagModal opened={addingTag} groups={tagGroups} onInsert={insert} onClose={() => setAddingTag(false)} />
    </Card>
  );
}
