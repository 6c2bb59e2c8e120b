import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Every module a source file reaches through relative imports, and every package it imports (for tests
 * that keep a module browser-safe: a dashboard bundle must not pull in the server).
 */
export function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
    }
  };
  visit(resolve(entry));
  return { files: [...files], packages: [...packages].sort() };
}
