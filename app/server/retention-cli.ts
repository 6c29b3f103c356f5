/**
 * The retention job by hand: `npm run retention -- --dry-run` lists the closed cases whose content
 * would be erased now; without `--dry-run` it erases them. Uses DATABASE_URL and RETENTION_MONTHS.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { getEnv } from "~/env.server";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
// The job signs no cookies; the configuration check asks for a secret in production anyway.
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
const env = getEnv();
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is niet gezet: het taakje heeft een database nodig.");
  process.exit(2);
}
const { runRetention } = await import("~/domain/retention/retention.server");
const { prisma } = await import("~/db.server");
const result = await runRetention({ months: env.RETENTION_MONTHS, dryRun: values["dry-run"] });
console.log(
  `${result.dryRun ? "Proefdraai" : "Bewaartermijn"}: casussen gesloten op of voor ${result.cutoff.slice(0, 10)} (${env.RETENTION_MONTHS} maanden)`,
);
for (const c of result.cases) {
  console.log(
    `  ${c.reference}  gesloten ${c.closedAt.slice(0, 10)}  ${c.agendaItems} agendapunt(en), ${c.actions} actie(s)`,
  );
}
console.log(
  result.cases.length === 0
    ? "  (niets te doen)"
    : `${result.cases.length} casus(sen) ${result.dryRun ? "zouden worden" : "zijn"} geanonimiseerd.`,
);
await prisma.$disconnect();
