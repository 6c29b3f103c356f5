/**
 * The benchmark's baseline: a bare socket.io server that broadcasts each write to its room. No
 * authentication, no database, no validation: what socket.io itself costs on this machine.
 * Prints `{"port":…}` when listening. Started by bench/live.ts as a child process, like the app.
 */
import { createServer } from "node:http";

import { Server } from "socket.io";

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
io.on("connection", (socket) => {
  socket.on("join", (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on("write", (payload: { room: string; id: string; data: unknown }, ack: (r: unknown) => void) => {
    io.to(payload.room).emit("evt", { id: payload.id, data: payload.data });
    ack({ ok: true });
  });
});
httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
process.once("SIGINT", () => io.close(() => process.exit(0)));

// bench/live.ts counts memory per socket after a full collection (it starts this with --expose-gc):
// the heap that is left, reported as server.ts reports it.
if (typeof globalThis.gc === "function")
  process.on("SIGUSR2", () => {
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ msg: "collected", heapUsed, rss })}\n`);
  });
