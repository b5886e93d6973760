import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// EXNODE_E2E_PORT lets two checkouts run their browser tests on one machine at once.
const PORT = Number(process.env.EXNODE_E2E_PORT ?? 7431);
// A fresh node for every test run: the console starts empty, as for a new department.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exnode-e2e-'));

export default defineConfig({
  testDir: 'test/e2e',
  // The fresh node's three administrators are set up before any test (fixtures.ts signs in as them).
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test/output/e2e-results',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.EXNODE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--disable-quic', '--no-first-run'],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  // The node starts empty, as a department meets it: the first-start walk-throughs load the demo by hand
  // and count its 100,000 rows, so they run before the specs that load demos of their own.
  projects: [
    { name: 'first-start', testMatch: /(demo-flow|manage|api-errors)\.spec\.ts$/ },
    { name: 'console', testIgnore: /(demo-flow|manage|api-errors)\.spec\.ts$/, dependencies: ['first-start'] },
  ],
  webServer: {
    command: `node scripts/serve.mjs --data-dir ${dataDir} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
