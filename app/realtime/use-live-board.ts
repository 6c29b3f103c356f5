import { useCallback, useEffect, useRef, useState } from "react";
import type { MutableRefObject } from "react";

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

type Ref<T> = MutableRefObject<T>;

/** The board as rendered, and a ref to the same board for callbacks that must read the latest. */
function useBoard(initial: LiveBoard) {
  const [board, setBoard] = useState(initial);
  const boardRef = useRef(initial);
  const commit = useCallback((next: LiveBoard) => {
    boardRef.current = next;
    setBoard(next);
  }, []);
  return { board, boardRef, commit };
}

/** What others just changed, marked for a while. */
function useHighlights() {
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const highlight = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    setHighlighted((current) => new Set([...current, ...ids]));
    setTimeout(() => {
      setHighlighted((current) => new Set([...current].filter((id) => !ids.includes(id))));
    }, HIGHLIGHT_MS);
  }, []);
  return { highlighted, highlight };
}

/** The latest change worth telling a screen reader about; each one numbered, so a repeat is news too. */
function useAnnouncements() {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const announceCounter = useRef(0);
  const announce = useCallback((about: Omit<Announcement, "id">) => {
    setAnnouncement({ id: ++announceCounter.current, ...about });
  }, []);
  return { announcement, announce };
}

/** One's own acknowledged write, as the item event the others receive (the name is not needed). */
function ownWriteEvent(board: LiveBoard, own: WriteResult): ItemEvent {
  return {
    meetingId: board.meetingId,
    itemId: own.itemId,
    seq: own.seq,
    change: own.change,
    by: {
      userId: board.viewer.userId,
      name: "",
      organisationId: board.viewer.organisationId,
    },
  };
}

/**
 * Item events into the board: held while catching up, applied in order after; a gap that does not
 * fill within GAP_WAIT_MS starts a catch-up.
 */
function useItemEvents(options: {
  boardRef: Ref<LiveBoard>;
  syncedRef: Ref<boolean>;
  resync: Ref<() => void>;
  commit: (next: LiveBoard) => void;
  highlight: (ids: string[]) => void;
  announce: (about: Omit<Announcement, "id">) => void;
}) {
  const { boardRef, syncedRef, resync, commit, highlight, announce } = options;
  const waiting = useRef<ItemEvent[]>([]);
  const gapTimer = useRef<ReturnType<typeof setTimeout>>();
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
        if (last) announce({ event: last, state: null });
      }
      clearTimeout(gapTimer.current);
      if (result.waiting.length) gapTimer.current = setTimeout(() => resync.current(), GAP_WAIT_MS);
    },
    [boardRef, syncedRef, resync, commit, highlight, announce],
  );
  return { receive, gapTimer };
}

/**
 * Writes in order, one at a time, only while synced. One that gets no answer in time stays first
 * in line and goes again, with the same key, after a catch-up.
 */
function useWriteQueue(options: {
  socketRef: Ref<AppClientSocket | null>;
  boardRef: Ref<LiveBoard>;
  syncedRef: Ref<boolean>;
  resync: Ref<() => void>;
  commit: (next: LiveBoard) => void;
  receive: (incoming: ItemEvent[]) => void;
}) {
  const { socketRef, boardRef, syncedRef, resync, commit, receive } = options;
  const [pendingCount, setPendingCount] = useState(0);
  const pending = useRef<Pending[]>([]);
  const flushing = useRef(false);

  const acknowledged = useCallback(
    (ack: Ack<unknown>) => {
      if (ack.ok && isWriteResult(ack.data)) {
        receive([ownWriteEvent(boardRef.current, ack.data)]);
      } else if (ack.ok && isMeetingState(ack.data)) {
        commit(applyMeetingState(boardRef.current, ack.data));
      }
    },
    [boardRef, commit, receive],
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
        acknowledged(ack);
        next.resolve(ack);
      }
    } finally {
      flushing.current = false;
    }
  }, [socketRef, syncedRef, resync, acknowledged]);

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

  return { pendingCount, flush, send };
}

/** The catch-up: join the meeting and take its whole board, then what arrived meanwhile, then the writes. */
function useCatchUp(options: {
  socketRef: Ref<AppClientSocket | null>;
  boardRef: Ref<LiveBoard>;
  syncedRef: Ref<boolean>;
  setSync: (sync: SyncState) => void;
  commit: (next: LiveBoard) => void;
  receive: (incoming: ItemEvent[]) => void;
  flush: () => Promise<void>;
}) {
  const { socketRef, boardRef, syncedRef, setSync, commit, receive, flush } = options;
  return useCallback(async () => {
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
  }, [socketRef, boardRef, syncedRef, setSync, commit, receive, flush]);
}

type MeetingListeners = {
  onItem: (event: ItemEvent) => void;
  onMeeting: (payload: { meetingId: string; state: LiveMeetingState }) => void;
  onPresence: (payload: { meetingId: string; present: Presence[] }) => void;
  onConnect: () => void;
  onDisconnect: () => void;
};

/** Listens on the socket; the returned function stops listening and leaves the meeting. */
function attachListeners(socket: AppClientSocket, meetingId: string, listeners: MeetingListeners) {
  const { onItem, onMeeting, onPresence, onConnect, onDisconnect } = listeners;
  // Access changed (the server already left the rooms): join again for the board as it is now.
  const onAccess = (payload: { meetingId: string }) => payload.meetingId === meetingId && onConnect();
  socket.on("live:access", onAccess);
  socket.on("live:item", onItem);
  socket.on("live:meeting", onMeeting);
  socket.on("live:presence", onPresence);
  socket.on("connect", onConnect);
  socket.on("disconnect", onDisconnect);
  return () => {
    socket.off("live:access", onAccess);
    socket.off("live:item", onItem);
    socket.off("live:meeting", onMeeting);
    socket.off("live:presence", onPresence);
    socket.off("connect", onConnect);
    socket.off("disconnect", onDisconnect);
    if (socket.connected) socket.emit("live:leave", { meetingId }, () => undefined);
  };
}

/** The socket's events for this meeting into the board; a (re)connect starts a catch-up. */
function useMeetingSocket(options: {
  socketRef: Ref<AppClientSocket | null>;
  boardRef: Ref<LiveBoard>;
  syncedRef: Ref<boolean>;
  gapTimer: Ref<ReturnType<typeof setTimeout> | undefined>;
  setSync: (sync: SyncState) => void;
  setPresence: (present: Presence[]) => void;
  commit: (next: LiveBoard) => void;
  announce: (about: Omit<Announcement, "id">) => void;
  receive: (incoming: ItemEvent[]) => void;
  join: () => Promise<void>;
}) {
  const { socketRef, boardRef, syncedRef, gapTimer, setSync, setPresence, commit, announce, receive, join } = options;
  useEffect(() => {
    let cancelled = false;
    let cleanup = () => undefined as void;
    void getSocket().then((socket) => {
      if (cancelled) return;
      socketRef.current = socket;
      const meetingId = boardRef.current.meetingId;
      cleanup = attachListeners(socket, meetingId, {
        onItem: (event) => event.meetingId === meetingId && receive([event]),
        onMeeting: (payload) => {
          if (payload.meetingId !== meetingId) return;
          const before = boardRef.current.state;
          commit(applyMeetingState(boardRef.current, payload.state));
          if (payload.state.currentItemId !== before.currentItemId || payload.state.status !== before.status)
            announce({ event: null, state: payload.state });
        },
        onPresence: (payload) => payload.meetingId === meetingId && setPresence(payload.present),
        onConnect: () => void join(),
        onDisconnect: () => {
          syncedRef.current = false;
          setSync("syncing");
        },
      });
      if (socket.connected) void join();
    });
    return () => {
      cancelled = true;
      clearTimeout(gapTimer.current);
      cleanup();
    };
  }, [socketRef, boardRef, syncedRef, gapTimer, setSync, setPresence, commit, announce, receive, join]);
}

/** Leaving the page with writes still waiting would lose them: the browser asks first. */
function useLeaveWarning(pendingCount: number) {
  useEffect(() => {
    if (pendingCount === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pendingCount]);
}

/**
 * The live board in the browser: starts from the loader's board, joins the meeting over the socket
 * and catches up (the whole board again) after every (re)connect before it sends anything. Writes
 * made while offline, or that timed out, wait in order and are sent after the catch-up with their
 * original idempotency key; the form that made them keeps its text until the answer comes.
 */
export function useLiveBoard(initial: LiveBoard) {
  const { board, boardRef, commit } = useBoard(initial);
  const [sync, setSync] = useState<SyncState>("syncing");
  const syncedRef = useRef(false);
  const [presence, setPresence] = useState<Presence[]>([]);
  const { highlighted, highlight } = useHighlights();
  const { announcement, announce } = useAnnouncements();
  const socketRef = useRef<AppClientSocket | null>(null);
  const resync = useRef<() => void>(() => undefined);

  const { receive, gapTimer } = useItemEvents({ boardRef, syncedRef, resync, commit, highlight, announce });
  const { pendingCount, flush, send } = useWriteQueue({ socketRef, boardRef, syncedRef, resync, commit, receive });
  const join = useCatchUp({ socketRef, boardRef, syncedRef, setSync, commit, receive, flush });
  resync.current = () => void join();

  useMeetingSocket({ socketRef, boardRef, syncedRef, gapTimer, setSync, setPresence, commit, announce, receive, join });
  useLeaveWarning(pendingCount);

  return { board, sync, presence, pendingCount, highlighted, announcement, send };
}
