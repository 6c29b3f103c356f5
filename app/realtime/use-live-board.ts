import { useCallback, useEffect, useRef, useState } from "react";

import type {
  Ack,
  ItemEvent,
  LiveBoard,
  LiveCommandPayload,
  LiveCommandResult,
  LiveMeetingState,
  LiveWriteEvent,
  Presence,
  WriteResult,
} from "./events";
import { applyItemEvents, applyMeetingState, changedEntityId } from "./live-board-state";
import type { AppClientSocket } from "./socket-client";
import { getSocket } from "./socket-client";

/** How long a write may take before it counts as not delivered (it is then sent again, same key). */
const WRITE_TIMEOUT_MS = 8_000;

/** Sends one command and waits for its acknowledgement (typed from the command table). */
export type Send = <E extends LiveWriteEvent>(
  event: E,
  payload: LiveCommandPayload<E>,
) => Promise<Ack<LiveCommandResult<E>>>;

function emitCommand<E extends LiveWriteEvent>(
  socket: AppClientSocket,
  event: E,
  payload: LiveCommandPayload<E>,
): Promise<Ack<LiveCommandResult<E>>> {
  // socket.io's acknowledgement types cannot follow a generic event name; `Send` above is what
  // callers see, checked against the command table.
  return (
    socket.timeout(WRITE_TIMEOUT_MS).emitWithAck as (e: string, p: unknown) => Promise<Ack<LiveCommandResult<E>>>
  )(event, payload);
}
/** How long an early change waits for the ones before it before the board is reloaded. */
const GAP_WAIT_MS = 800;
const HIGHLIGHT_MS = 2_500;

export type SyncState = "syncing" | "synced" | "failed";
export type Announcement = { id: number; event: ItemEvent | null; state: LiveMeetingState | null };

/** A write waiting to be sent: the emit is built where its event and payload types are known. */
type Pending = {
  emit: (socket: AppClientSocket) => Promise<Ack<unknown>>;
  resolve: (ack: Ack<unknown>) => void;
};

function isWriteResult(data: unknown): data is WriteResult {
  return typeof data === "object" && data !== null && "change" in data && "seq" in data;
}

function isMeetingState(data: unknown): data is LiveMeetingState {
  return typeof data === "object" && data !== null && "seq" in data && "items" in data;
}

/**
 * The live board in the browser: starts from the loader's board, joins the meeting over the socket
 * and catches up (the whole board again) after every (re)connect before it sends anything. Writes
 * made while offline, or that timed out, wait in order and are sent after the catch-up with their
 * original idempotency key; the form that made them keeps its text until the answer comes.
 */
export function useLiveBoard(initial: LiveBoard) {
  const [board, setBoard] = useState(initial);
  const boardRef = useRef(initial);
  const [sync, setSync] = useState<SyncState>("syncing");
  const syncedRef = useRef(false);
  const [presence, setPresence] = useState<Presence[]>([]);
  const [pendingCount, setPendingCount] = useState(0);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const socketRef = useRef<AppClientSocket | null>(null);
  const waiting = useRef<ItemEvent[]>([]);
  const pending = useRef<Pending[]>([]);
  const flushing = useRef(false);
  const gapTimer = useRef<ReturnType<typeof setTimeout>>();
  const announceCounter = useRef(0);

  const commit = useCallback((next: LiveBoard) => {
    boardRef.current = next;
    setBoard(next);
  }, []);

  const highlight = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    setHighlighted((current) => new Set([...current, ...ids]));
    setTimeout(() => {
      setHighlighted((current) => new Set([...current].filter((id) => !ids.includes(id))));
    }, HIGHLIGHT_MS);
  }, []);

  const resync = useRef<() => void>(() => undefined);

  const receive = useCallback(
    (incoming: ItemEvent[]) => {
      if (!syncedRef.current) {
        waiting.current.push(...incoming);
        return;
      }
      const result = applyItemEvents(boardRef.current, waiting.current, incoming);
      waiting.current = result.waiting;
      if (result.applied.length) {
        commit(result.board);
        const others = result.applied.filter((e) => e.by.userId !== boardRef.current.viewer.userId);
        highlight(others.map((e) => changedEntityId(e.change)));
        const last = others.at(-1);
        if (last) setAnnouncement({ id: ++announceCounter.current, event: last, state: null });
      }
      clearTimeout(gapTimer.current);
      if (result.waiting.length) gapTimer.current = setTimeout(() => resync.current(), GAP_WAIT_MS);
    },
    [commit, highlight],
  );

  const flush = useCallback(async () => {
    const socket = socketRef.current;
    if (flushing.current || !socket) return;
    flushing.current = true;
    try {
      while (pending.current.length && syncedRef.current) {
        const next = pending.current[0] as Pending;
        let ack: Ack<unknown>;
        try {
          ack = await next.emit(socket);
        } catch {
          // No answer in time: it stays first in line and goes again, same key, after a catch-up.
          setTimeout(() => resync.current(), 1_000);
          break;
        }
        pending.current.shift();
        setPendingCount(pending.current.length);
        if (ack.ok && isWriteResult(ack.data)) {
          const own = ack.data;
          receive([
            {
              meetingId: boardRef.current.meetingId,
              itemId: own.itemId,
              seq: own.seq,
              change: own.change,
              by: {
                userId: boardRef.current.viewer.userId,
                name: "",
                organisationId: boardRef.current.viewer.organisationId,
              },
            },
          ]);
        } else if (ack.ok && isMeetingState(ack.data)) {
          commit(applyMeetingState(boardRef.current, ack.data));
        }
        next.resolve(ack);
      }
    } finally {
      flushing.current = false;
    }
  }, [commit, receive]);

  const join = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    syncedRef.current = false;
    setSync("syncing");
    try {
      const ack = await socket
        .timeout(WRITE_TIMEOUT_MS)
        .emitWithAck("live:join", { meetingId: boardRef.current.meetingId });
      if (!ack.ok) {
        setSync("failed");
        return;
      }
      commit(ack.data);
      syncedRef.current = true;
      setSync("synced");
      receive([]); // what arrived during the catch-up and is newer than the board
      void flush();
    } catch {
      setSync("failed");
    }
  }, [commit, flush, receive]);
  resync.current = () => void join();

  useEffect(() => {
    let cancelled = false;
    let cleanup = () => undefined as void;
    void getSocket().then((socket) => {
      if (cancelled) return;
      socketRef.current = socket;
      const meetingId = boardRef.current.meetingId;
      const onItem = (event: ItemEvent) => event.meetingId === meetingId && receive([event]);
      const onMeeting = (payload: { meetingId: string; state: LiveMeetingState }) => {
        if (payload.meetingId !== meetingId) return;
        const before = boardRef.current.state;
        commit(applyMeetingState(boardRef.current, payload.state));
        if (payload.state.currentItemId !== before.currentItemId || payload.state.status !== before.status)
          setAnnouncement({ id: ++announceCounter.current, event: null, state: payload.state });
      };
      const onPresence = (payload: { meetingId: string; present: Presence[] }) =>
        payload.meetingId === meetingId && setPresence(payload.present);
      const onConnect = () => void join();
      const onDisconnect = () => {
        syncedRef.current = false;
        setSync("syncing");
      };
      socket.on("live:item", onItem);
      socket.on("live:meeting", onMeeting);
      socket.on("live:presence", onPresence);
      socket.on("connect", onConnect);
      socket.on("disconnect", onDisconnect);
      if (socket.connected) void join();
      cleanup = () => {
        socket.off("live:item", onItem);
        socket.off("live:meeting", onMeeting);
        socket.off("live:presence", onPresence);
        socket.off("connect", onConnect);
        socket.off("disconnect", onDisconnect);
        if (socket.connected) socket.emit("live:leave", { meetingId }, () => undefined);
      };
    });
    return () => {
      cancelled = true;
      clearTimeout(gapTimer.current);
      cleanup();
    };
  }, [commit, join, receive]);

  // Leaving the page with writes still waiting would lose them: the browser asks first.
  useEffect(() => {
    if (pendingCount === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pendingCount]);

  /** Sends a write (with its idempotency key); resolves with the server's answer, also after a reconnect. */
  const send: Send = useCallback(
    <E extends LiveWriteEvent>(event: E, payload: LiveCommandPayload<E>) =>
      new Promise<Ack<LiveCommandResult<E>>>((resolve) => {
        pending.current.push({
          emit: (socket) => emitCommand(socket, event, payload),
          resolve: resolve as (ack: Ack<unknown>) => void,
        });
        setPendingCount(pending.current.length);
        void flush();
      }),
    [flush],
  );

  return { board, sync, presence, pendingCount, highlighted, announcement, send };
}
