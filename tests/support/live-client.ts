import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";

import type { Ack, ClientToServerEvents, ItemEvent, Presence, ServerToClientEvents } from "~/realtime/events";

import { Browserish } from "./http-client";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A signed-in socket as a browser has it (session cookie from a real login), recording every live
 * event it receives, so a test can prove what reached whom — and what did not.
 */
export class LiveClient {
  readonly items: ItemEvent[] = [];
  readonly meetings: { meetingId: string; state: { currentItemId: string | null; status: string } }[] = [];
  presence: Presence[] = [];
  private constructor(
    readonly email: string,
    readonly socket: ClientSocket,
  ) {
    socket.on("live:item", (event) => this.items.push(event));
    socket.on("live:meeting", (event) => this.meetings.push(event));
    socket.on("live:presence", (event) => (this.presence = event.present));
  }

  static async connect(baseUrl: string, email: string): Promise<LiveClient> {
    const http = new Browserish(baseUrl);
    await http.login(email);
    const socket: ClientSocket = io(baseUrl, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: http.cookieHeader },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return new LiveClient(email, socket);
  }

  emit<T = unknown>(event: keyof ClientToServerEvents, payload: unknown, timeoutMs = 5_000): Promise<Ack<T>> {
    return (this.socket.timeout(timeoutMs).emitWithAck as (...a: unknown[]) => Promise<Ack<T>>)(event, payload);
  }

  /** Resolves when `check` holds for what was received, or rejects after `timeoutMs`. */
  async until(check: (client: LiveClient) => boolean, timeoutMs = 2_000): Promise<void> {
    const started = Date.now();
    while (!check(this)) {
      if (Date.now() - started > timeoutMs) throw new Error(`${this.email}: condition not met in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}
