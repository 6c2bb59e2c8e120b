import { Button, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../session/SessionProvider.js';

/**
 * "Log out". If the server could not be told, the person stays logged in and sees why: on a shared
 * computer, looking logged out while the cookie still works would be worse than an error.
 */
export function LogoutButton(props: ButtonProps) {
  const { logout } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    setPending(true);
    setError(null);
    logout().catch((e: unknown) => {
      setPending(false);
      setError(e instanceof Error ? e.message : String(e));
    });
  };
  return (
    <Stack gap={4}>
      <Button variant="default" {...props} onClick={onClick} loading={pending}>
        Log out
      </Button>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
