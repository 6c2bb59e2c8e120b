/** Small statistics for bench reports: medians of repeated runs and their spread, percentiles of samples. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function spread(values: readonly number[]): string {
  if (values.length < 2) return '';
  return `${Math.min(...values)}–${Math.max(...values)}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
export const round = (x: number, digits = 0): number => Number(x.toFixed(digits));
