/**
 * The benchmark's second baseline, the honest floor for "durable before sent": the same bare
 * socket.io server as live-baseline-server.ts, but per write it first commits one PostgreSQL
 * transaction of the same shape as the product's board write — bump the item's sequence number,
 * insert the change (a need), an audit row and the idempotency key — and only then acknowledges
 * and broadcasts. No authentication, no validation, no authorisation: what durability itself costs.
 * Uses `pg` with a pool of 10, as the app does. Prints `{"port":…}` when listening.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

import pg from "pg";
import { Server } from "socket.io";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const userId = process.env.BENCH_USER_ID ?? "";
const organisationId = process.env.BENCH_ORGANISATION_ID ?? "";

type WritePayload = { room: string; itemId: string; id: string; data: string };

async function durableWrite(payload: WritePayload): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const bumped = await client.query<{ liveSeq: number }>(
      `UPDATE "AgendaItem" SET "liveSeq" = "liveSeq" + 1 WHERE id = $1 RETURNING "liveSeq"`,
      [payload.itemId],
    );
    const needId = randomUUID();
    await client.query(
      `INSERT INTO "Need" (id, "agendaItemId", "organisationId", text, "createdById") VALUES ($1, $2, $3, $4, $5)`,
      [needId, payload.itemId, organisationId, payload.data.slice(0, 200), userId],
    );
    await client.query(
      `INSERT INTO "AuditEvent" ("actorUserId", "actorOrganisationId", action, "subjectType", "subjectId", "clientAddress", details)
       VALUES ($1, $2, 'live.need.raised', 'need', $3, '127.0.0.1', $4)`,
      [userId, organisationId, needId, JSON.stringify({ itemId: payload.itemId })],
    );
    await client.query(`INSERT INTO "LiveMutation" ("userId", key, result) VALUES ($1, $2, $3)`, [
      userId,
      payload.id,
      JSON.stringify({ itemId: payload.itemId, data: payload.data }),
    ]);
    await client.query("COMMIT");
    return bumped.rows[0]?.liveSeq ?? 0;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
io.on("connection", (socket) => {
  socket.on("join", (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on("write", (payload: WritePayload, ack: (r: unknown) => void) => {
    durableWrite(payload).then(
      (seq) => {
        io.to(payload.room).emit("evt", { id: payload.id, seq, data: payload.data });
        ack({ ok: true, seq });
      },
      () => ack({ ok: false }),
    );
  });
});
httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
process.once("SIGINT", () => io.close(() => void pool.end().then(() => process.exit(0))));

// bench/live.ts counts memory per socket after a full collection (it starts this with --expose-gc):
// the heap that is left, reported as server.ts reports it.
if (typeof globalThis.gc === "function")
  process.on("SIGUSR2", () => {
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ msg: "collected", heapUsed, rss })}\n`);
  });
