import { Button, Code, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { TagGroup } from './tags.js';

/**
 * "Add Tag": the seed's drop-down list of tags and Insert Tag. The message field keeps the place of the
 * cursor from before this opened; the dialog does not hand focus back on closing, since the field takes it
 * with the cursor after the new tag.
 */
export function AddTagModal({
  opened,
  groups,
  onInsert,
  onClose,
}: {
  opened: boolean;
  groups: TagGroup[];
  onInsert: (key: string) => void;
  onClose: () => void;
}) {
  const [tag, setTag] = useState<string | null>(null);
  const close = () => {
    setTag(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Add Tag" centered returnFocus={false}>
      <form
        onSubmit={(e) => {
          // React passes events up through the portal: the editor's own form must not see this submit.
          e.preventDefault();
          e.stopPropagation();
          if (!tag) return;
          onInsert(tag);
          setTag(null);
        }}
      >
        <Stack gap="md">
          <Select
            label="Tag"
            placeholder="Choose a tag"
            data={groups}
            value={tag}
            onChange={setTag}
            searchable
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="sm" c="dimmed">
            {tag ? (
              <>
                Inserts <Code>{`{${tag}}`}</Code> where your typing cursor was; each text gets its own value.
              </>
            ) : (
              'Each text gets its own value in place of the tag.'
            )}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={!tag}>
              Insert Tag
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
