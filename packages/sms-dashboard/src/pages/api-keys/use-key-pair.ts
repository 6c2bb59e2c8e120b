import { apiPath, useAction, useDashboard, useSubmit, type Action, type Submit } from '@rapport/dashboard-ui';
import type { ApiKeyView } from '@rapport/sms/schemas';
import { useState, type FormEvent } from 'react';

const FIELDS = ['label'] as const;

export interface KeyPairState {
  active: boolean;
  /** The private key once Show was selected (asked of the server each time, never kept in the list); null while hidden. */
  secret: string | null;
  reveal: Action;
  show(): void;
  hide(): void;
  /** Edit label, in place. */
  editing: boolean;
  label: string;
  setLabel(label: string): void;
  labelForm: Submit<'label'>;
  edit(): void;
  cancelEdit(): void;
  saveLabel(event: FormEvent<HTMLFormElement>): void;
}

/** What one pair's row (a table row on a computer, a card on a phone) can do: Show, Hide, Edit label. */
export function useKeyPair(apiKey: ApiKeyView, onChanged: (key: ApiKeyView) => void): KeyPairState {
  const { api } = useDashboard();
  const [secret, setSecret] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState('');
  const reveal = useAction();
  const labelForm = useSubmit(FIELDS);
  const active = !apiKey.revoked;
  return {
    active,
    // A key revoked meanwhile is hidden again: it no longer opens anything.
    secret: active ? secret : null,
    reveal,
    show: () =>
      reveal.run(async () => {
        setSecret((await api.post<{ private_key: string }>(apiPath`/api/dashboard/keys/${apiKey.id}/reveal`)).private_key);
      }),
    hide: () => setSecret(null),
    editing,
    label,
    setLabel: (next) => {
      setLabel(next);
      labelForm.clear('label');
    },
    labelForm,
    edit: () => {
      setLabel(apiKey.label ?? '');
      setEditing(true);
    },
    cancelEdit: () => setEditing(false),
    saveLabel: labelForm.handle(async () => {
      onChanged(await api.request<ApiKeyView>('PATCH', apiPath`/api/dashboard/keys/${apiKey.id}`, { label: label.trim() || null }));
      setEditing(false);
    }),
  };
}
