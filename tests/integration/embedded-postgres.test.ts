import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { Browserish } from "../support/http-client";
import { ROOT, startServer } from "../support/test-server";

// A fresh machine: no DATABASE_URL, so the server starts its own PostgreSQL under DATA_DIR.
const dataDir = path.join(".data", `it-embedded-${process.pid}`);
const env = { DATA_DIR: dataDir, NODE_ENV: "production" } as const;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function postgresPid(): Promise<number> {
  const text = await readFile(path.join(ROOT, dataDir, "pg", "postmaster.pid"), "utf8");
  return Number.parseInt(text.split("\n")[0] ?? "", 10);
}

afterAll(async () => {
  await rm(path.join(ROOT, dataDir), { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("starts from nothing, survives a SIGKILL of the app and stops cleanly", { timeout: 120_000 }, async () => {
    const first = await startServer(env, 90_000);
    expect(first.output()).toContain("ingebedde PostgreSQL");
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    // demo data is seeded in embedded mode
    await new Browserish(first.url).login("medewerker@politie.demo");
    const orphan = await postgresPid();

    await first.stop("SIGKILL");
    expect(alive(orphan)).toBe(true); // the app died; its PostgreSQL did not

    const second = await startServer(env, 60_000);
    expect(second.output()).toContain("Achtergebleven PostgreSQL");
    expect(alive(orphan)).toBe(false);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    await new Browserish(second.url).login("medewerker@politie.demo");

    const running = await postgresPid();
    expect(await second.stop("SIGINT")).toBe(0);
    for (let i = 0; i < 50 && alive(running); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(running)).toBe(false);
    expect(existsSync(path.join(ROOT, dataDir, "pg", "postmaster.pid"))).toBe(false);
  });
});
