import { useCallback, useState } from 'react';

export interface Action {
  pending: boolean;
  /** The message of the last failure, for the person to read beside the button; null after a success. */
  error: string | null;
  /** Runs `action` unless one is running; a failure is kept in `error`, never thrown at the caller. */
  run(action: () => Promise<void>): void;
  reset(): void;
}

/**
 * A button that calls the API outside a form (Yes, Revoke key, a toggle): disabled while it runs, and a
 * failure said in words next to it instead of an unhandled rejection.
 */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (action: () => Promise<void>) => {
      if (pending) return;
      setPending(true);
      setError(null);
      action()
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        .finally(() => setPending(false));
    },
    [pending],
  );
  const reset = useCallback(() => setError(null), []);
  return { pending, error, run, reset };
}
