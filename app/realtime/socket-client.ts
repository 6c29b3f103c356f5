import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";

import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

let socket: Promise<AppClientSocket> | null = null;
/** Whether this socket was ever connected: before that, not connected means "connecting". */
let hasConnected = false;

/**
 * The browser's one socket to this server; it authenticates with the session cookie. The client
 * library is loaded on first use, so pages without a signed-in user (login) do not download it.
 */
export function getSocket(): Promise<AppClientSocket> {
  socket ??= import("socket.io-client").then(({ io }) => {
    const created: AppClientSocket = io({ transports: ["websocket"], reconnectionDelayMax: 5_000 });
    created.on("connect", () => (hasConnected = true));
    // The browser knows before the socket does: a ping timeout would take up to 45 s. Offline
    // closes the transport (socket.io starts reconnecting); online retries at once, not after the
    // back-off delay.
    window.addEventListener("offline", () => created.io.engine?.close());
    window.addEventListener("online", () => {
      if (created.connected || !created.active) return;
      created.disconnect();
      created.connect();
    });
    return created;
  });
  return socket;
}

export function closeSocket(): void {
  void socket?.then((s) => s.disconnect());
  socket = null;
  hasConnected = false;
}

function stateOf(s: AppClientSocket): ConnectionState {
  if (s.connected) return "connected";
  if (!s.active) return "offline"; // ended (logout, session expired): no more attempts
  if (hasConnected) return "reconnecting"; // also while the browser is offline: it retries when back
  if (typeof navigator !== "undefined" && !navigator.onLine) return "offline";
  return "connecting";
}

/** The real state of the socket, for the connection indicator. Only connects when `enabled`. */
export function useConnectionState(enabled: boolean): ConnectionState {
  const [state, setState] = useState<ConnectionState>(enabled ? "connecting" : "offline");
  useEffect(() => {
    if (!enabled) {
      closeSocket();
      setState("offline");
      return;
    }
    let unsubscribe = () => undefined as void;
    let cancelled = false;
    void getSocket().then((s) => {
      if (cancelled) return;
      const update = () => setState(stateOf(s));
      const onConnectError = () => setState(stateOf(s));
      const onEnded = () => {
        s.disconnect();
        setState("offline");
      };
      update();
      s.on("connect", update);
      s.on("disconnect", update);
      s.on("connect_error", onConnectError);
      s.on("session:ended", onEnded);
      s.io.on("reconnect_attempt", update);
      window.addEventListener("online", update);
      window.addEventListener("offline", update);
      unsubscribe = () => {
        s.off("connect", update);
        s.off("disconnect", update);
        s.off("connect_error", onConnectError);
        s.off("session:ended", onEnded);
        s.io.off("reconnect_attempt", update);
        window.removeEventListener("online", update);
        window.removeEventListener("offline", update);
      };
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [enabled]);
  return state;
}
