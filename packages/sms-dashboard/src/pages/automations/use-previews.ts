import { useDebouncedValue } from '@mantine/hooks';
import { useDashboard } from '@rapport/dashboard-ui';
import type { MessagePreview } from '@rapport/sms/schemas';
import { useEffect, useState } from 'react';
import type { StepCheck } from './message-check.js';

/** Answers kept per editor; old texts drop out first (each pause in typing adds one). */
const KEEP = 50;
/** The pause in typing after which the server is asked (each keystroke would be a request otherwise). */
const DEBOUNCE_MS = 250;

export interface Previews {
  /** The preview of exactly this text, once the server has answered for it. */
  of(body: string): MessagePreview | undefined;
  check(body: string): StepCheck;
}

/**
 * The live preview of every message of an editor (`POST /api/automations/preview`), asked once typing
 * pauses, for each text not asked before. Answers are kept by text, so a step knows whether what it shows
 * is for what is in the field now — the Save button waits for that. One trigger per editor: the answers
 * depend on its tags.
 */
export function usePreviews(trigger: string, bodies: readonly string[]): Previews {
  const { api } = useDashboard();
  const [answers, setAnswers] = useState<ReadonlyMap<string, MessagePreview>>(new Map());
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [debounced] = useDebouncedValue(JSON.stringify(bodies), DEBOUNCE_MS);

  useEffect(() => {
    let current = true;
    const wanted = (JSON.parse(debounced) as string[]).filter((b) => b.trim() !== '' && !answers.has(b));
    for (const body of new Set(wanted)) {
      api.post<MessagePreview>('/api/automations/preview', { trigger, body }).then(
        (preview) => {
          if (!current) return;
          setAnswers((m) => {
            const next = new Map(m).set(body, preview);
            for (const oldest of next.keys()) {
              if (next.size <= KEEP) break;
              next.delete(oldest);
            }
            return next;
          });
          setFailures((m) => without(m, body));
        },
        (e: unknown) => {
          if (current) setFailures((m) => new Map(m).set(body, e instanceof Error ? e.message : String(e)));
        },
      );
    }
    return () => {
      current = false;
    };
    // Not `answers`: only a new pause in typing (or another trigger) asks again, an answer arriving does not.
  }, [api, trigger, debounced]);

  return {
    of: (body) => answers.get(body),
    check: (body) => {
      const preview = answers.get(body);
      return { body, checkedBody: preview ? body : null, errorCount: preview?.errors.length ?? 0, failure: failures.get(body) ?? null };
    },
  };
}

function without<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
