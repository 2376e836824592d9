// End-to-end tests on Debian's Chromium against a production build (`next build`
// then `next start`) on an embedded, throw-away database. Every spec runs twice:
// with JavaScript and without it (applicants' phones give no JavaScript guarantee).
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
/** Where the launcher writes the throw-away stack's configuration, for fixtures (tests/e2e/fixtures.ts). */
export const E2E_STACK_FILE = path.join(os.tmpdir(), `epns-e2e-stack-${port}.json`);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  // A sign-in pays one argon2id verification: seconds on a loaded 2-core machine.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
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
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "no-js", use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/run.ts start --ephemeral",
    url: `http://127.0.0.1:${port}/api/health`,
    env: { PORT: String(port), E2E_STACK_FILE },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
