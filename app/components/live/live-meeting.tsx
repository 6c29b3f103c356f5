import { Link } from "@remix-run/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

import { useLocale } from "~/i18n/use-locale";
import type { LiveBoard, LiveItem, LiveMeetingState } from "~/realtime/events";
import { useConnectionState } from "~/realtime/socket-client";
import { useLiveBoard } from "~/realtime/use-live-board";
import type { Announcement } from "~/realtime/use-live-board";

import { ItemBoard } from "./item-board";
import { FormStatus, useLive, LiveProvider } from "./live-context";
import { useLiveForm } from "./use-live-form";

function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

function ItemTimer({ since, timeboxMinutes }: { since: string; timeboxMinutes: number }) {
  const { t } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = now - new Date(since).getTime();
  const over = elapsed > timeboxMinutes * 60_000;
  return (
    <p className={over ? "timer timer--over" : "timer"} role="timer" data-testid="item-timer" suppressHydrationWarning>
      {t("live.timer", { elapsed: clock(elapsed), timebox: clock(timeboxMinutes * 60_000) })}
      {over ? <strong> — {t("live.overTime")}</strong> : null}
    </p>
  );
}

function Presence({
  board,
  presence,
}: {
  board: LiveBoard;
  presence: { userId: string; name: string; organisationId: string }[];
}) {
  const { t } = useLocale();
  const byOrganisation = board.organisations
    .map((o) => ({ ...o, people: presence.filter((p) => p.organisationId === o.id) }))
    .filter((o) => o.people.length > 0);
  return (
    <section aria-labelledby="presence-title" className="presence" data-testid="presence">
      <h2 id="presence-title">
        {t("live.presence")} <span className="badge">{t("live.presentCount", { count: presence.length })}</span>
      </h2>
      {presence.length === 0 ? <p className="hint">{t("live.nobodyPresent")}</p> : null}
      <ul className="presence__list">
        {byOrganisation.map((o) => (
          <li key={o.id}>
            <strong>{o.shortCode}</strong>: {o.people.map((p) => p.name).join(", ")}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Announcer({ announcement }: { announcement: Announcement | null }) {
  const { t } = useLocale();
  const { board, orgName } = useLive();
  let text = "";
  if (announcement?.event) {
    text = t(`live.announce.${announcement.event.change.kind}`, {
      organisation: orgName(announcement.event.by.organisationId),
    });
  } else if (announcement?.state) {
    const state = announcement.state;
    const index = board.items.findIndex((i) => i.id === state.currentItemId);
    if (state.status === "FINISHED") text = t("live.meetingEnded");
    else if (index >= 0) text = t("live.nowAtTable", { n: index + 1, reference: board.items[index]?.reference ?? "" });
  }
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-announcer">
      {text}
    </div>
  );
}

function ChairControls({ item, state }: { item: LiveItem; state: LiveMeetingState }) {
  const { t } = useLocale();
  const { board, send } = useLive();
  const { state: formState, submit } = useLiveForm(send);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const index = board.items.findIndex((i) => i.id === item.id);
  const closed = state.items.find((i) => i.id === item.id)?.closedAt;
  const openNeeds = item.content?.board.needs.filter((n) => n.status === "OPEN").length ?? 0;
  const next = board.items.slice(index + 1).find((i) => !state.items.find((s) => s.id === i.id)?.closedAt);
  const meetingId = board.meetingId;
  const close = async (andNext: boolean) => {
    const ack = await submit("live:item:close", { meetingId, itemId: item.id, confirmOpenNeeds: confirmOpen });
    if (ack.ok && andNext && next) await submit("live:item:current", { meetingId, itemId: next.id });
  };
  return (
    <section aria-labelledby="chair-tools-title" className="chair-tools">
      <h2 id="chair-tools-title">{t("live.chairTools")}</h2>
      <div className="actions">
        {!closed && state.currentItemId !== item.id ? (
          <button
            type="button"
            className="button"
            onClick={() => void submit("live:item:current", { meetingId, itemId: item.id })}
          >
            {t("live.setCurrentItem", { n: index + 1 })}
          </button>
        ) : null}
      </div>
      {!closed ? (
        <div className="chair-tools__close">
          {openNeeds > 0 ? (
            <label className="checkbox" htmlFor="confirm-open-needs">
              <input
                id="confirm-open-needs"
                type="checkbox"
                checked={confirmOpen}
                onChange={(e) => setConfirmOpen(e.target.checked)}
              />{" "}
              {t("live.confirmOpenNeeds", { count: openNeeds })}
            </label>
          ) : null}
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => void close(false)}>
              {t("live.closeItem")}
            </button>
            {next ? (
              <button type="button" className="button" onClick={() => void close(true)}>
                {t("live.closeAndNext")}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="actions">
        {confirmEnd ? (
          <>
            <p>{t("live.endConfirm")}</p>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void submit("live:meeting:end", { meetingId })}
            >
              {t("live.endMeeting")}
            </button>
          </>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setConfirmEnd(true)}>
            {t("live.endMeeting")}
          </button>
        )}
      </div>
      <FormStatus state={formState} />
    </section>
  );
}

function ConnectionBanner({ sync, pendingCount }: { sync: string; pendingCount: number }) {
  const { t } = useLocale();
  const connection = useConnectionState(true);
  let text = "";
  if (connection === "reconnecting" || connection === "offline") text = t("live.connectionLost");
  else if (sync === "syncing" && connection === "connected") text = t("live.syncing");
  else if (sync === "failed") text = t("live.syncFailed");
  return (
    <div role="status" aria-live="polite" data-testid="live-connection" data-sync={sync}>
      {text ? <p className="notice notice--warning">{text}</p> : null}
      {pendingCount > 0 ? (
        <p className="notice notice--warning" data-testid="pending">
          {t("live.pending", { count: pendingCount })}
        </p>
      ) : null}
    </div>
  );
}

function Agenda({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useLocale();
  const { board } = useLive();
  return (
    <nav aria-labelledby="live-agenda-title" className="live__agenda">
      <h2 id="live-agenda-title">{t("live.agendaNav")}</h2>
      <ol>
        {board.items.map((item) => {
          const itemState = board.state.items.find((i) => i.id === item.id);
          return (
            <li key={item.id}>
              <button
                type="button"
                className={item.id === selected ? "live__item live__item--selected" : "live__item"}
                aria-current={item.id === selected ? "true" : undefined}
                onClick={() => onSelect(item.id)}
              >
                {/* The list numbers the items ("1. AO-2026-0005"); the button names only the case. */}
                {item.reference}
              </button>{" "}
              {board.state.currentItemId === item.id ? <span className="badge">{t("live.current")}</span> : null}
              {itemState?.closedAt ? (
                <span className="badge badge--outdated">
                  {itemState.closedWithOpenNeeds ? t("live.closedWithOpenNeeds") : t("live.closed")}
                </span>
              ) : null}
              {item.content ? null : <span className="hint"> {t("live.notYourTable")}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * One item's page. Every item the user may see stays mounted, only the selected one is shown: when
 * the chair moves the table on, what someone was typing on the previous item is still there.
 */
function ItemPage({ item, shown }: { item: LiveItem; shown: boolean }) {
  const { t } = useLocale();
  const { board, orgName } = useLive();
  const index = board.items.findIndex((i) => i.id === item.id);
  const itemState = board.state.items.find((i) => i.id === item.id);
  const open = !itemState?.closedAt;
  return (
    <section
      aria-labelledby={`item-title-${item.id}`}
      className="live__item-board"
      hidden={!shown}
      data-testid={shown ? "item-board" : undefined}
    >
      <h2 id={`item-title-${item.id}`}>{t("meetings.itemHeading", { n: index + 1, reference: item.reference })}</h2>
      {board.state.currentItemId === item.id && board.state.currentItemSince ? (
        <ItemTimer since={board.state.currentItemSince} timeboxMinutes={item.timeboxMinutes} />
      ) : (
        <p className="hint">{t("meetings.minutes", { count: item.timeboxMinutes })}</p>
      )}
      {item.content ? (
        <>
          <dl className="facts">
            <dt>{t("live.question")}</dt>
            <dd>{item.content.question}</dd>
            <dt>{t("live.atTable")}</dt>
            <dd>{item.content.tableOrganisationIds.map((id) => orgName(id)).join(", ")}</dd>
          </dl>
          <ItemBoard
            itemId={item.id}
            board={item.content.board}
            tables={item.content.tableOrganisationIds}
            can={item.content.can}
            open={open}
          />
        </>
      ) : (
        <p className="notice">{t("live.notYourTableText")}</p>
      )}
    </section>
  );
}

const noSubscription = () => () => {};

export function LiveMeeting({ initial }: { initial: LiveBoard }) {
  const { t } = useLocale();
  const live = useLiveBoard(initial);
  const { board } = live;
  const [selected, setSelected] = useState<string | null>(board.state.currentItemId ?? board.items[0]?.id ?? null);
  // Every screen follows the chair: a new current item becomes the one shown.
  const followed = useRef(board.state.currentItemId);
  useEffect(() => {
    if (board.state.currentItemId && board.state.currentItemId !== followed.current)
      setSelected(board.state.currentItemId);
    followed.current = board.state.currentItemId;
  }, [board.state.currentItemId]);
  const item = board.items.find((i) => i.id === selected) ?? null;
  // The server renders only the item on the screen; the others (hidden until chosen) are mounted
  // once the page runs in the browser, before anyone can type in them. A chair at eight tables
  // otherwise had eight boards rendered into every page view (bench/README.md, fourth session).
  const allMounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  return (
    <LiveProvider value={{ board, send: live.send, sync: live.sync, highlighted: live.highlighted }}>
      <article className="page live" aria-labelledby="live-title">
        <p className="breadcrumb">
          <Link to="/overleggen">{t("meetings.title")}</Link> ›{" "}
          <Link to={`/overleggen/${board.meetingId}`}>{board.title}</Link>
        </p>
        <h1 id="live-title">
          {board.title} <span className="badge">{t(`meetings.status.${board.state.status}`)}</span>
        </h1>
        <ConnectionBanner sync={live.sync} pendingCount={live.pendingCount} />
        {board.state.status === "FINISHED" ? (
          <p className="notice">
            {t("live.finished")} <Link to={`/overleggen/${board.meetingId}/verslag`}>{t("minutes.link")}</Link>
          </p>
        ) : null}
        <Announcer announcement={live.announcement} />
        <Presence board={board} presence={live.presence} />
        {board.state.status === "LIVE" && !board.can.runMeeting ? <p className="hint">{t("live.following")}</p> : null}
        <div className="live__layout">
          <Agenda selected={selected} onSelect={setSelected} />
          <div className="live__main">
            {board.can.runMeeting && board.state.status === "LIVE" && item ? (
              <ChairControls item={item} state={board.state} />
            ) : null}
            {board.items.map((i) =>
              allMounted || i.id === item?.id ? <ItemPage key={i.id} item={i} shown={i.id === item?.id} /> : null,
            )}
            {item ? null : <p className="hint">{t("meetings.emptyAgenda")}</p>}
          </div>
        </div>
      </article>
    </LiveProvider>
  );
}
