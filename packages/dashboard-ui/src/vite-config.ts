import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

/** recharts, its dependencies, and Mantine's chart components. */
const CHART_LIBRARIES =
  /node_modules[\\/](recharts|@mantine[\\/]charts|@reduxjs|redux|react-redux|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|victory-vendor|d3-[a-z-]+|internmap|use-sync-external-store)[\\/]/;

/**
 * The one Vite config of both dashboards, which differ only in ports. Built into dist/ with content-hashed
 * files under dist/assets/, which kit's registerDashboard serves as immutable; base / because a dashboard
 * is served at the root of its service's origin. `npm run dev` in a dashboard serves it with hot reload on
 * `devPort` and passes /api to the service of `rapport start` on `servicePort`, so the session cookie stays
 * same-origin.
 */
export function dashboardViteConfig(configUrl: string, ports: { devPort: number; servicePort: number }): UserConfig {
  return defineConfig({
    root: fileURLToPath(new URL('.', configUrl)),
    base: '/',
    plugins: [react()],
    build: {
      outDir: 'dist',
      assetsDir: 'assets',
      emptyOutDir: true,
      // Libraries in their own file: they change far less often than the screens, and every file is
      // cached as immutable, so a release that changes only screens downloads only the small file again.
      // React + Mantine (core and charts, with recharts) + react-router minify to about 560 kB (170 kB
      // gzipped) with the components the screens use, past Vite's 500 kB warning; the limit sits just
      // above what the libraries take (see docs/performance.md), so their growth still warns.
      chunkSizeWarningLimit: 580,
      // The chart libraries get a file of their own, loaded only with the chart (DailyChart loads it
      // lazily): recharts and what it brings are ~130 KiB gzipped that no screen but the home page needs.
      rolldownOptions: {
        output: {
          codeSplitting: {
            // A group takes only the modules its test names, not what they import (React stays in vendor).
            includeDependenciesRecursively: false,
            groups: [
              { name: 'charts', test: CHART_LIBRARIES, priority: 2 },
              { name: 'vendor', test: /node_modules/, priority: 1 },
            ],
          },
        },
      },
    },
    server: {
      host: '127.0.0.1',
      port: ports.devPort,
      strictPort: true,
      proxy: { '/api': { target: `http://127.0.0.1:${ports.servicePort}` } },
    },
  });
}
