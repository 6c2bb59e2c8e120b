/** Usage mistakes (exit 2) versus operations that failed (exit 1): both print one clear line. */
export class UsageError extends Error {}

export function emit(json: boolean, value: Record<string, unknown>, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}
