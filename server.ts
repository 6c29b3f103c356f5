/**
 * Server entry: `node --import tsx server.ts` (npm start) or under `remix dev --manual` (npm run dev).
 * The work is in app/server/start.server.ts.
 */
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoUsers } from "~/domain/demo/demo-data";
import { EnvError, parseEnv } from "~/env.server";
import { startApplication } from "~/server/start.server";

const startedAt = performance.now();

try {
  const env = parseEnv(process.env);
  const app = await startApplication(env, startedAt);

  const lines = [
    "",
    `Actie-overleg draait op ${app.url} (klaar in ${(app.readyMs / 1000).toFixed(1)} s, ${
      app.embeddedDatabase ? "ingebedde PostgreSQL" : "PostgreSQL via DATABASE_URL"
    })`,
  ];
  if (app.demoMode) {
    lines.push(`Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
    for (const user of demoUsers) lines.push(`  ${user.email.padEnd(32)} ${user.roles.join(", ")}`);
    lines.push(
      "Voorzitter en beheerders loggen in met een tweede stap: zet de sleutel",
      `  ${DEMO_TOTP_SECRET} in een authenticator-app, of vraag de code op met: npm run demo:code`,
    );
  }
  console.log(lines.join("\n") + "\n");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    process.exit(0);
  };
  // Only when started with --expose-gc (bench/live.ts does, to count what each socket keeps; the
  // interface fuzzer's floods read the heap it reports).
  if (typeof globalThis.gc === "function")
    process.on("SIGUSR2", () => {
      globalThis.gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      process.stdout.write(`${JSON.stringify({ msg: "collected", heapUsed, rss })}\n`);
    });
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`\nActie-overleg start niet. ${error.message}\nZie .env.example voor elke instelling.\n`);
  } else {
    console.error("\nActie-overleg kon niet starten:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
