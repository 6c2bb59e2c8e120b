import { Alert } from '@mantine/core';

/** The messages of a refusal that name no field of the form (a lockout, a server failure), above its button. */
export function FormAlert({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {messages.join(' ')}
    </Alert>
  );
}
