/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In dev mode the SPA calls /api on its own origin; forward it to the local gateway
// (the started stack listens on http://localhost:8080). Override with ITA_API_PROXY.
const apiTarget = process.env.ITA_API_PROXY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    port: 4173,
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached between releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // Charts only for staff pages: kept out of what a respondent's phone downloads.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
            // Loaded only when someone logs in (auth/lazyUserManager): never on a respondent's phone.
            { name: 'oidc', test: /node_modules[\\/](oidc-client-ts|jwt-decode)[\\/]/ },
            // Asked for by src/fonts when a page wants it: on a respondent's phone, after the first screen.
            { name: 'fonts', test: /node_modules[\\/]@fontsource[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // The build runs Vitest on 2 cores beside other work (Quarkus, Keycloak): 5 s, the default,
    // times out slow-but-correct renders there. A real hang still fails, only later.
    testTimeout: 20_000,
  },
});
