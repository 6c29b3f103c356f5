/**
 * What the e2e suite asks of its test server besides the app: a meeting built by the one builder
 * (tests/support/live-meeting.ts), over the fixture port tests/tools/e2e-server.ts opens.
 * Imports nothing of the app at run time (only the builder's types), so that Playwright's specs
 * can use it.
 */
import type { MeetingSpec } from "./live-meeting";

export const E2E_FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? 3219);

/** The builder's spec as it travels as JSON: times as ISO strings. */
export type E2eMeetingSpec<Name extends string> = Omit<MeetingSpec<Name>, "startsAt"> & { startsAt?: string };

export async function buildMeeting<Name extends string>(
  spec: E2eMeetingSpec<Name>,
): Promise<{ meetingId: string; itemIds: Record<Name, string>; references: Record<Name, string> }> {
  const response = await fetch(`http://127.0.0.1:${E2E_FIXTURE_PORT}/meetings`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(spec),
  });
  if (!response.ok) throw new Error(`building the meeting failed: ${await response.text()}`);
  return (await response.json()) as Awaited<ReturnType<typeof buildMeeting<Name>>>;
}

/**
 * Time passes for one action (found by its unique description): its due date, agreed at a table
 * where a date in the past is refused, is now the given past date.
 */
export async function timePasses(description: string, dueDate: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_FIXTURE_PORT}/time-passes`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ description, dueDate }),
  });
  if (!response.ok) throw new Error(`moving the due date failed: ${await response.text()}`);
}
