/**
 * `npm test`: static checks, the build, the schema/migration check, unit and integration tests
 * against a real PostgreSQL (DATABASE_URL when set, else an embedded one under .data/test) and
 * the Playwright suite in Debian's chromium. Prints a summary with timings.
 */
import { spawn } from "node:child_process";

import { resolveTestServer } from "../support/test-postgres";

type Step = { name: string; command: string; args: string[]; stopOnFailure?: boolean };
type Outcome = { name: string; ok: boolean; seconds: number };

function run(step: Step, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const started = performance.now();
  console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: "inherit", env });
    child.on("close", (code) =>
      resolve({ name: step.name, ok: code === 0, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const staticSteps: Step[] = [
  { name: "typecheck", command: bin("tsc"), args: [] },
  { name: "lint", command: bin("eslint"), args: [".", "--max-warnings", "0"] },
  { name: "format", command: bin("prettier"), args: ["--check", "."] },
  { name: "build", command: bin("remix"), args: ["build"], stopOnFailure: true },
];
const databaseSteps: Step[] = [
  {
    name: "db:check",
    command: bin("prisma"),
    args: [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--exit-code",
    ],
  },
  { name: "unit + integration (vitest)", command: bin("vitest"), args: ["run"] },
  { name: "end-to-end (playwright)", command: bin("playwright"), args: ["test"] },
];

const started = performance.now();
const outcomes: Outcome[] = [];
let stopped = false;
for (const step of staticSteps) {
  const outcome = await run(step, process.env);
  outcomes.push(outcome);
  if (!outcome.ok && step.stopOnFailure) {
    stopped = true;
    break;
  }
}

if (!stopped) {
  const postgres = await resolveTestServer((m) => console.log(m));
  console.log(`\nPostgreSQL for the tests: ${postgres.embedded ? "embedded (.data/test)" : "DATABASE_URL"}`);
  const env = { ...process.env, DATABASE_URL: postgres.url };
  try {
    for (const step of databaseSteps) outcomes.push(await run(step, env));
  } finally {
    await postgres.stop();
  }
}

const total = (performance.now() - started) / 1000;
console.log("\nSamenvatting / summary");
for (const o of outcomes)
  console.log(`  ${o.ok ? "✓" : "✗"} ${o.name.padEnd(30)} ${o.seconds.toFixed(1).padStart(6)} s`);
console.log(`  ${"total".padEnd(32)} ${total.toFixed(1).padStart(6)} s`);
const failed = stopped || outcomes.some((o) => !o.ok);
process.exit(failed ? 1 : 0);
