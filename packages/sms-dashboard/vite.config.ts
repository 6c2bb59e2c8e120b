import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into dist/ with content-hashed files under dist/assets/, which kit's registerDashboard serves as
// immutable; base / because the dashboard is served at the root of its service's origin. `npm run dev`
// here serves it with hot reload on 5100 and passes /api to the service of `rapport start` on 4100, so
// the session cookie stays same-origin. (The reviews dashboard's config is the same but for its ports and
// the warning limit below.)
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // Libraries in their own file: they change far less often than the screens, and every file is
    // cached as immutable, so a release that changes only screens downloads only the small file again.
    // React + Mantine + react-router minify to 560 kB (170 kB gzipped) with the components the API and
    // Automations screens use (modals, menus, tables, the number input), past Vite's 500 kB warning; the
    // limit is raised to just above that, so growth of the libraries still warns.
    chunkSizeWarningLimit: 580,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
  server: {
    host: '127.0.0.1',
    port: 5100,
    strictPort: true,
    proxy: { '/api': { target: 'http://127.0.0.1:4100' } },
  },
});
