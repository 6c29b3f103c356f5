/**
 * Starts the real server (`node --import tsx server.ts`) as a child process on a free port, for
 * tests that go through HTTP and socket.io exactly as a browser does.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type TestServer = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export function spawnServer(env: Partial<NodeJS.ProcessEnv>) {
  // Node flags NODE_OPTIONS does not take (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" for bench:live).
  const nodeArgs = (env.TEST_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      NODE_ENV: "test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function startServer(env: Partial<NodeJS.ProcessEnv>, timeoutMs = 60_000): Promise<TestServer> {
  if (!existsSync(path.join(ROOT, "build/index.js"))) {
    throw new Error("No build: run `npm run build` before the integration tests (npm test does).");
  }
  const child = spawnServer(env);
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split("\n")) {
        if (!line.startsWith("{")) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number };
          if (entry.msg === "ready" && entry.port) {
            clearTimeout(timer);
            resolve(entry.port);
          }
        } catch {
          // not a log line
        }
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    stop: (signal = "SIGINT") =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** A server on the test file's own database, with demo data, in test mode. */
export function startDemoServer(env: Partial<NodeJS.ProcessEnv> = {}): Promise<TestServer> {
  return startServer({
    DATABASE_URL: process.env.DATABASE_URL,
    DEMO_MODE: "true",
    NODE_ENV: "test",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    ...env,
  });
}
