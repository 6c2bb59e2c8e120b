import { fileURLToPath } from 'node:url';

/**
 * The built dashboard (`npm run build:dashboards`), which the SMS platform serves with kit's
 * `registerDashboard`. Plain on purpose — no React here — so the server imports it under tsx without
 * building anything.
 */
export const dashboardDir = fileURLToPath(new URL('../dist', import.meta.url));
