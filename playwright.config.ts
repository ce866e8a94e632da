import { defineConfig } from '@playwright/test';
import { ASSETS, HOST, STRICT_ASSETS, STRICT_HOST, strictPolicy } from './tests/e2e/origins';

// End-to-end tests of the built release bundle (dist/) in Debian's Chromium.
const serve = (folder: string, origin: string, ...options: string[]) => ({
  command: `node tests/e2e/serve.mjs ${folder} ${new URL(origin).port} ${options.map((o) => JSON.stringify(o)).join(' ')}`,
  url: `${origin}/`,
  reuseExistingServer: !process.env.CI,
});

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  timeout: 30_000,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `${ASSETS}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      // Without the networking flags Chromium keeps trying connections that
      // these machines refuse.
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
  webServer: [
    serve('dist', ASSETS, '--cors'),
    serve('.', HOST, '--cors', `--assets=${ASSETS}/`),
    serve('dist', STRICT_ASSETS, '--cors', `--csp=${strictPolicy("'self'")}`),
    serve('.', STRICT_HOST, `--assets=${STRICT_ASSETS}/`, `--csp=${strictPolicy(STRICT_ASSETS)}`),
  ],
});
