#!/usr/bin/env node
// Rapport runs its TypeScript sources directly through tsx's loader: no build step between a
// `git pull` and `npm start`. (Type-checking is `npm run typecheck`, run in CI.)
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
