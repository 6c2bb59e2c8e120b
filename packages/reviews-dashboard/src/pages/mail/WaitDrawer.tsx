import { Button, Drawer, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { ApiError, FormAlert, useDashboard, useSubmit } from '@rapport/dashboard-ui';
import type { SequenceView, UpdateSequenceBody } from '@rapport/reviews/schemas';
import { useState } from 'react';
import type { StoreApi } from '../../store-api.js';
import { DoubleWaitAlert } from './DoubleWaitAlert.js';
import { MAX_WAIT_DAYS, waitDaysError, waitSummary, type WaitAnchor } from './wait-summary.js';

const FIELDS = ['wait_days', 'after'] as const;

interface Props {
  opened: boolean;
  sequence: SequenceView;
  paths: StoreApi;
  onSaved: (sequence: SequenceView) => void;
  onClose: () => void;
}

/** The Wait component's side panel: "define your wait criteria … a certain amount of days after an item fulfillment or delivery". */
export function WaitDrawer({ opened, sequence, paths, onSaved, onClose }: Props) {
  const { api } = useDashboard();
  const [days, setDays] = useState<number | string>(sequence.wait_days);
  const [after, setAfter] = useState<WaitAnchor>(sequence.after);
  const form = useSubmit(FIELDS);
  const daysValid = waitDaysError(days) === null;

  const save = form.handle(async () => {
    const refusal = waitDaysError(days);
    // Said under the field the way the server would say it, so one path shows every refusal.
    if (refusal !== null || typeof days !== 'number') {
      throw new ApiError(400, [{ loc: ['body', 'wait_days'], msg: refusal ?? '', type: 'invalid' }]);
    }
    const body: UpdateSequenceBody = { wait_days: days, after };
    onSaved(await api.request<SequenceView>('PATCH', paths.sequence(sequence.sequence_id), body));
  });

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      title="Wait"
      closeButtonProps={{ 'aria-label': 'Close' }}
      styles={{ title: { fontWeight: 600 } }}
    >
      <form onSubmit={save} noValidate>
        <Stack gap="lg">
          <Text size="sm">How long after the order is fulfilled or delivered its review request goes to Postscript.</Text>
          <NumberInput
            label="Days"
            min={0}
            max={MAX_WAIT_DAYS}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            data-autofocus
            value={days}
            onChange={(v) => {
              setDays(v);
              form.clear('wait_days');
            }}
            error={form.errors.fields.wait_days}
            w={140}
          />
          <Radio.Group
            label="After"
            value={after}
            onChange={(v) => {
              setAfter(v as WaitAnchor);
              form.clear('after');
            }}
            error={form.errors.fields.after}
          >
            <Stack gap="sm" mt="xs">
              <Radio value="fulfillment" label="Fulfillment" description="When the order ships." />
              <Radio
                value="delivery"
                label="Delivery"
                description="When the carrier reports it delivered; if it never does, 14 days after the fulfillment-based time."
              />
            </Stack>
          </Radio.Group>
          <Text size="sm" fw={600} aria-live="polite">
            {daysValid && typeof days === 'number' ? waitSummary(days, after) : '\u00a0'}
          </Text>
          <DoubleWaitAlert paths={paths} waitDays={daysValid && typeof days === 'number' ? days : sequence.wait_days} after={after} />
          {sequence.status === 'running' ? (
            <Text size="xs" c="dimmed">
              Applies to orders fulfilled from now on; review requests already scheduled keep their time.
            </Text>
          ) : null}
          <FormAlert messages={form.errors.form} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={form.submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
