import type { MessagePreview } from '@rapport/sms/schemas';

/**
 * What the editor says under each message and why "Save Automation" may not be pressed yet (pure, tested in
 * test/message-check.test.ts).
 */

/** "1 SMS part · GSM-7 · 54 characters". */
export function partsLine(p: Pick<MessagePreview, 'segments' | 'encoding' | 'characters'>): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(p.segments, 'SMS part')} · ${p.encoding} · ${plural(p.characters, 'character')}`;
}

/** One message step as the editor knows it: its text, and the preview's verdict on which text. */
export interface StepCheck {
  body: string;
  /** The body the latest preview answered for; null before the first answer. */
  checkedBody: string | null;
  errorCount: number;
  /** Why the preview could not be had (the server refused or could not be reached). */
  failure: string | null;
}

/**
 * Why saving is refused now, or null. The editor is stricter than the API (which only warns about an
 * unknown tag): a brace left open or a misspelled tag would otherwise go out to every subscriber as is.
 * Saving also waits for the preview of the latest text, so a typo made in the last 250 ms cannot slip by.
 */
export function saveBlock(steps: readonly StepCheck[]): string | null {
  const name = (i: number) => (steps.length === 1 ? 'the message' : `message ${i + 1}`);
  const first = <T>(pick: (s: StepCheck, i: number) => T | null): T | null => {
    for (const [i, s] of steps.entries()) {
      const found = pick(s, i);
      if (found !== null) return found;
    }
    return null;
  };
  return (
    first((s, i) => (s.body.trim() === '' ? `Write ${name(i)} to save.` : null)) ??
    first((s, i) => (s.failure !== null ? `Could not check ${name(i)}: ${s.failure}` : null)) ??
    first((s, i) => (s.checkedBody !== s.body ? `Checking ${name(i)}…` : null)) ??
    first((s, i) => (s.errorCount > 0 ? `Fix the problems shown in red under ${name(i)} to save.` : null))
  );
}
