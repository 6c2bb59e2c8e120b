import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Reads it again. */
  reload: () => void;
  /** Applies what a change answered (a toggled row) without reading everything again. */
  update: (change: (data: T) => T) => void;
}

/**
 * Data a page reads from the API: loading, the data or the error, `reload` and `update`. A newer load wins
 * over an older one still in flight (typing into a search box fires many).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // The caller names what the load depends on, as with useEffect.
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    setLoading(true);
    run().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [run, generation]);
  return {
    data,
    error,
    loading,
    reload: () => setGeneration((g) => g + 1),
    update: (change) => setData((d) => (d === undefined ? d : change(d))),
  };
}
