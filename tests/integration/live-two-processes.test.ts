import { randomBytes, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { WriteResult } from "~/realtime/events";

import { LiveClient } from "../support/live-client";
import { liveMeeting } from "../support/live-meeting";
import type { TestServer } from "../support/test-server";
import { startDemoServer } from "../support/test-server";

/**
 * Two app processes serve one meeting through the PostgreSQL adapter (LISTEN/NOTIFY on the app's
 * own database: no extra service). Same database, same session secret, different ports.
 */
let one: TestServer;
let two: TestServer;
const clients: LiveClient[] = [];

beforeAll(async () => {
  const env = { REALTIME_ADAPTER: "postgres", SESSION_SECRET: randomBytes(32).toString("base64url") };
  one = await startDemoServer(env);
  two = await startDemoServer(env);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all([one?.stop(), two?.stop()]);
});

async function joined(server: TestServer, email: string, meetingId: string) {
  const client = await LiveClient.connect(server.url, email);
  clients.push(client);
  const result = await client.emit("live:join", { meetingId });
  expect(result.ok).toBe(true);
  return client;
}

describe("two app processes, one meeting", () => {
  it("an edit made through one process reaches a participant connected to the other", async () => {
    expect(one.output()).toContain('"adapter":"postgres"');
    const { meetingId, itemIds } = await liveMeeting();
    const police = await joined(one, "medewerker@politie.demo", meetingId);
    const rvdk = await joined(two, "medewerker@rvdk.demo", meetingId);
    const recl = await joined(two, "medewerker@reclassering.demo", meetingId);

    // Presence is answered across processes too.
    await police.until((c) => c.presence.length === 3, 5_000);

    const result = await rvdk.emit<WriteResult>("live:need:add", {
      key: randomUUID(),
      itemId: itemIds.A,
      text: "Wij hebben nodig dat de politie de zorgmelding deelt.",
    });
    expect(result.ok).toBe(true);
    await police.until((c) => c.items.length === 1, 2_000);
    expect(police.items[0]).toMatchObject({ itemId: itemIds.A, change: { kind: "need" } });

    // And back: the police write through process one, the Board on process two has it.
    await police.emit("live:need:add", { key: randomUUID(), itemId: itemIds.A, text: "Wij hebben nodig: VT-taxatie." });
    await rvdk.until((c) => c.items.length === 2, 2_000);

    // Need-to-know holds across the adapter: probation (process two, not at A's table) got nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recl.items).toEqual([]);
  });
});
