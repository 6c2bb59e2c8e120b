/**
 * "Make sure your typing cursor is where you want the tag placed, then select Insert Tag" (the seed), as a
 * pure function (tested in test/insert-at-cursor.test.ts): the tag replaces the selected range, or goes
 * in at the cursor when nothing is selected, and the cursor lands just after it so typing continues there.
 * Positions come from the textarea's selectionStart/End; ones out of range (the text changed meanwhile)
 * are clamped, and a backwards pair is put in order.
 */
export function insertAtCursor(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  insert: string,
): { text: string; cursor: number } {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), text.length) : text.length);
  const [start, end] = [clamp(selectionStart), clamp(selectionEnd)].sort((a, b) => a - b) as [number, number];
  return { text: text.slice(0, start) + insert + text.slice(end), cursor: start + insert.length };
}
