import type { Actor, Outcome, Row } from "./matrix";
import { ACTOR_KEYS, ACTORS, ROWS } from "./matrix";

const SHORT: Record<Actor, string> = {
  anonymous: "anon",
  chair: "voorz.",
  caseOwner: "VT",
  police: "pol.",
  policeAdmin: "beh. pol.",
  probation: "recl.",
  localTeam: "wijkt.",
  platformAdmin: "platf.",
};
const MARK: Record<Outcome, string> = { allow: "✓", refuse: "✗", login: "→" };

const cell = (row: Row, actor: Actor) => MARK[row.expect[actor]];

/** docs/authorization.md, from the matrix the test runs. */
export function renderAuthorizationDoc(rows: Row[] = ROWS): string {
  const lines = [
    "# Wie mag wat",
    "",
    "<!-- Generated from tests/authorization/matrix.ts by `npm run docs:authorization`; the",
    "     authorization matrix test fails when this file and the matrix disagree. Do not edit. -->",
    "",
    "Every route (page and form action) and every socket event, for each demo role, own versus other",
    "organisation and at the table versus not. Each cell is run against the real server by",
    "`tests/integration/authorization-matrix.test.ts` (part of `npm test`).",
    "",
    "**✓** passes the access check (it succeeds, or a rule stops it afterwards: already published, a",
    "stale version) · **✗** refused: 403, or 404 where _forbidden_ would confirm that the thing exists ·",
    "**→** not signed in: to the login page, 401, or the socket connection is refused.",
    "",
    "| column | who |",
    "| --- | --- |",
    ...ACTOR_KEYS.map(
      (a) => `| ${SHORT[a]} | ${ACTORS[a].label}${ACTORS[a].email ? ` (\`${ACTORS[a].email}\`)` : ""} |`,
    ),
    "",
    "The meeting is chaired by Veilig Thuis and invites police, prosecution, probation, the Child",
    "Protection Board and Veilig Thuis. Item A sits at the table of police, the Child Protection Board",
    "and Veilig Thuis; item B at that of probation and Veilig Thuis. Chairs and admins use a second",
    "factor; a session between password and second factor opens nothing but the second step.",
  ];
  const areas = [...new Set(rows.map((r) => r.area))];
  for (const area of areas) {
    lines.push("", `## ${area}`, "");
    lines.push(`| request | on | ${ACTOR_KEYS.map((a) => SHORT[a]).join(" | ")} |`);
    lines.push(`| --- | --- | ${ACTOR_KEYS.map(() => ":-:").join(" | ")} |`);
    for (const row of rows.filter((r) => r.area === area)) {
      lines.push(`| \`${row.surface}\` | ${row.on} | ${ACTOR_KEYS.map((a) => cell(row, a)).join(" | ")} |`);
    }
  }
  const cells = rows.length * ACTOR_KEYS.length;
  lines.push("", `${rows.length} requests × ${ACTOR_KEYS.length} actors = ${cells} cells.`, "");
  return lines.join("\n");
}
