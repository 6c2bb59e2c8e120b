import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

/**
 * recharts, its dependencies, and Mantine's chart components. Not `use-sync-external-store`: zustand (the
 * flow builder's) needs it too, and a module of a lazy chunk imported from the eager one made a cycle
 * between the files ("r is not a function" at start-up); it stays in vendor, which both import.
 */
const CHART_LIBRARIES =
  /node_modules[\\/](recharts|@mantine[\\/]charts|@reduxjs|redux|react-redux|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|victory-vendor|d3-(?:array|format|path|scale|shape|time|time-format)|internmap)[\\/]/;

/**
 * The flow builder's canvas (React Flow, its store and the d3 modules only it uses), loaded only with the
 * builder. The d3 modules both it and recharts use (interpolate, color, timer) stay in vendor, so opening
 * the builder does not fetch the chart file, nor the chart file the builder's.
 */
const FLOW_LIBRARIES = /node_modules[\\/](@xyflow|zustand|classcat|d3-(?:zoom|drag|selection|transition|dispatch|ease))[\\/]/;

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
      // gzipped) with the components the screens use, past Vite's 500 kB warning, and 660 kB once the flow
      // builder's screens came (2026-12-03); the limit sits just above what the libraries take (see
      // docs/performance.md), so their growth still warns.
      chunkSizeWarningLimit: 680,
      // The chart libraries get a file of their own, loaded only with the chart (DailyChart loads it
      // lazily): recharts and what it brings are ~130 KiB gzipped that no screen but the home page needs.
      rolldownOptions: {
        output: {
          codeSplitting: {
            // A group takes only the modules its test names, not what they import (React stays in vendor).
            includeDependenciesRecursively: false,
            groups: [
              { name: 'charts', test: CHART_LIBRARIES, priority: 2 },
              { name: 'flows', test: FLOW_LIBRARIES, priority: 2 },
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
