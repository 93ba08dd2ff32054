import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Per port, so two runs on one machine never share a database.
const DATA = `.tmp/e2e-${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".tmp/playwright",
  fullyParallel: false,
  workers: 2,
  // One retry on CI: two Chromiums, the server and fixture processes share two cores there, and a
  // test that passes only on its retry is still reported (as flaky) in the list.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // The long walks (a no-JS lot, a whole sign-off) took over 60 s on a 2-core CI runner under load.
  timeout: process.env.CI ? 120_000 : 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "tablet-landscape",
      // The 4-hour offline session (17 min) is a benchmark: `npm run bench:offline` runs it.
      testIgnore: process.env.OFFLINE_SESSION
        ? /(acceptance|residents)\.spec\.ts/
        : /(acceptance|residents|offline-session)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1024, height: 768 }, hasTouch: true },
    },
    {
      // Seals a compound of its own, which the other specs' lists must not see: runs after them.
      name: "final-acceptance",
      testMatch: /acceptance\.spec\.ts/,
      dependencies: ["tablet-landscape"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1024, height: 768 }, hasTouch: true },
    },
    {
      // Adds a compound after acceptance (长效管理): runs after the tablet specs too, and after the
      // final acceptance, so the two fixture processes never write to the database at once.
      name: "residents",
      testMatch: /residents\.spec\.ts/,
      dependencies: ["final-acceptance"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, hasTouch: true },
    },
  ],
  webServer: {
    // A fresh database each run; the app is built by `npm run test:e2e` just before.
    command: `rm -rf ${DATA} && node scripts/start.mjs`,
    url: `http://localhost:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      DATA_DIR: DATA,
      UPLOADS_DIR: `${DATA}/uploads`,
      SESSION_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
      // The specs build their own lots and defects from an empty record.
      DEMO_ACTIVITY: "0",
      // Drawing previews are rendered by the job worker (npm start's default, said here too).
      JOBS: "1",
      // A register export of more than 5 rows is built by a job (2,000 in production), so
      // exports.spec.ts walks that path with a handful of defects; acceptance.spec.ts's 2-row
      // lot list still downloads directly.
      EXPORT_JOB_ROWS: "5",
    },
  },
});
