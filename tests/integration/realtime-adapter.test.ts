import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { describe, expect, it } from "vitest";

import { deliverLocallyFirst } from "~/realtime/realtime.server";

/** A pool whose NOTIFY takes `delayMs` to be taken, as under a loaded database. */
function slowNotifyPool(delayMs: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
    if (String(args[0]).includes("pg_notify")) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return query(...args);
  };
  return pool;
}

/** One socket.io server with the PostgreSQL adapter and one client in room "r"; ms until the client has a broadcast. */
async function broadcastDelay(wrap: boolean): Promise<number> {
  const pool = slowNotifyPool(600);
  const http = createServer();
  const io = new Server(http);
  const make = createAdapter(pool, { heartbeatInterval: 60_000 });
  io.adapter(wrap ? deliverLocallyFirst(make) : make);
  io.on("connection", (socket) => void socket.join("r"));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ["websocket"] });
  try {
    await new Promise<void>((resolve) => client.once("connect", () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the join
    const started = performance.now();
    const arrived = new Promise<number>((resolve) => client.once("evt", () => resolve(performance.now() - started)));
    io.to("r").emit("evt", { n: 1 });
    return await arrived;
  } finally {
    client.close();
    await new Promise((resolve) => setTimeout(resolve, 700)); // the delayed NOTIFY goes out before the pool ends
    await io.close();
    await pool.end();
  }
}

describe("the PostgreSQL adapter", () => {
  it("delivers a broadcast to this process's sockets without waiting for PostgreSQL to take the NOTIFY", async () => {
    const unwrapped = await broadcastDelay(false);
    const wrapped = await broadcastDelay(true);
    // As the library does it: the local sockets wait for the database.
    expect(unwrapped).toBeGreaterThanOrEqual(550);
    expect(wrapped).toBeLessThan(200);
  });
});
