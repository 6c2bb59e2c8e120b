import { UsageError } from './output.js';

// Option-argument parsers for commander: they run while the command line is parsed, before any action
// (so before config is read or a database opened), and a mistake is a UsageError naming the flag.

export function nonEmpty(flag: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new UsageError(`${flag} must not be empty`);
    return value;
  };
}

export function wholeNumber(flag: string, min = 0): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
      throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
}
