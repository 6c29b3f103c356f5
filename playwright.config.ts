import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

// Second-factor codes claimed by this run's workers (tests/support/totp.ts); the workers inherit it.
process.env.TOTP_CLAIMS_DIR ??= mkdtempSync(path.join(tmpdir(), "actie-overleg-totp-"));

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Playwright cannot download its browsers here: Debian's chromium (apt-get install chromium).
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // A fresh database with demo data, the production build, production mode.
    command: "node --import tsx tests/tools/e2e-server.ts",
    url: `${baseURL}/healthz`,
    env: { PORT: String(PORT), HOST: "localhost" },
    // Never test a stale server that happens to listen on the port.
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGINT", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
