// Vite loads this with --configLoader runner (package.json), so the shared config may be TypeScript in a workspace package.
import { dashboardViteConfig } from '@rapport/dashboard-ui/vite-config';

export default dashboardViteConfig(import.meta.url, { devPort: 5200, servicePort: 4200 });
