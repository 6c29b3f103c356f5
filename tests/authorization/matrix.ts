/**
 * Who may do what: every route (loader and action) and every socket event, for each demo role,
 * own versus other organisation, at the table versus not. The same data drives the test
 * (tests/integration/authorization-matrix.test.ts) and docs/authorization.md (npm run
 * docs:authorization), so the documentation is what was proven.
 *
 * "allow" means the request passes the access check: it succeeds, or is stopped afterwards by a
 * rule of the domain (already published, stale version). "refuse" is 403 or 404 (404 where saying
 * "forbidden" would confirm that something exists), or a refusal acknowledgement on the socket.
 * "login" is a redirect to the login page, 401, or a socket connection refused.
 */
import type { Fixture } from "./fixture";

export const ACTORS = {
  anonymous: { email: null, label: "Niet ingelogd" },
  chair: { email: "voorzitter@veiligthuis.demo", label: "Voorzitter (Veilig Thuis), voorzit het overleg" },
  caseOwner: {
    email: "medewerker@veiligthuis.demo",
    label: "Lid Veilig Thuis: bracht casus A in, aan tafel A",
  },
  police: { email: "medewerker@politie.demo", label: "Lid politie: aan tafel A, eigen casus P" },
  policeAdmin: { email: "beheer@politie.demo", label: "Beheerder politie: aan tafel A, eigen rolprofiel" },
  probation: {
    email: "medewerker@reclassering.demo",
    label: "Lid reclassering: uitgenodigd, niet aan tafel A (wel aan tafel B)",
  },
  localTeam: { email: "medewerker@wijkteam.demo", label: "Lid wijkteam: niet uitgenodigd" },
  platformAdmin: { email: "admin@actie-overleg.demo", label: "Platformbeheerder (ZVH): niet uitgenodigd" },
} as const;

export type Actor = keyof typeof ACTORS;
export type Outcome = "allow" | "refuse" | "login";
export const ACTOR_KEYS = Object.keys(ACTORS) as Actor[];
const USERS = ACTOR_KEYS.filter((a) => a !== "anonymous");

export type HttpProbe = { method: "GET" | "POST"; path: string; body?: Record<string, string | string[]> };
export type SocketProbe = { event: string; payload: Record<string, unknown> };

export type Row = {
  area: string;
  /** As the documentation shows it: "GET /overleggen/:id" or "socket live:need:add". */
  surface: string;
  /** On what: which resource, in which state. */
  on: string;
  expect: Record<Actor, Outcome>;
} & ({ http: (fx: Fixture) => HttpProbe } | { socket: (fx: Fixture) => SocketProbe });

/** Every signed-in user in `allowed` passes, the other users are refused, anonymous must log in. */
function only(...allowed: Actor[]): Record<Actor, Outcome> {
  const outcome = Object.fromEntries(USERS.map((a) => [a, allowed.includes(a) ? "allow" : "refuse"]));
  return { anonymous: "login", ...outcome } as Record<Actor, Outcome>;
}
const signedIn = () => only(...USERS);
const everyone = (): Record<Actor, Outcome> =>
  Object.fromEntries(ACTOR_KEYS.map((a) => [a, "allow"])) as Record<Actor, Outcome>;

/** Invited to the meeting (their organisation is), or its chair. */
const INVITED: Actor[] = ["chair", "caseOwner", "police", "policeAdmin", "probation"];
/** At item A's table (Veilig Thuis, police), or the chair. */
const AT_TABLE_A: Actor[] = ["chair", "caseOwner", "police", "policeAdmin"];
const POLICE: Actor[] = ["police", "policeAdmin"];

const get = (path: string): HttpProbe => ({ method: "GET", path });
const post = (path: string, body: Record<string, string | string[]> = {}): HttpProbe => ({
  method: "POST",
  path,
  body,
});
const key = () => crypto.randomUUID();

const meetingForm = (fx: Fixture) => ({
  title: "Actie-overleg Westerduin",
  region: "Westerduin",
  date: "2027-02-10",
  time: "10:00",
  durationMinutes: "60",
  location: "ZVH",
  invited: [fx.org.POL as string],
  version: "0", // stale on purpose: the chair's edit stops at the version check, nothing changes
});

export const ROWS: Row[] = [
  // ---- Public ----------------------------------------------------------------------------------
  { area: "Openbaar", surface: "GET /healthz", on: "—", expect: everyone(), http: () => get("/healthz") },
  { area: "Openbaar", surface: "GET /login", on: "—", expect: everyone(), http: () => get("/login") },
  {
    area: "Openbaar",
    surface: "POST /login",
    on: "fout wachtwoord",
    expect: everyone(),
    http: () => post("/login", { email: "iemand@actie-overleg.demo", password: "fout" }),
  },
  {
    area: "Openbaar",
    surface: "GET /tweede-stap",
    on: "zonder half-open sessie: door naar de startpagina",
    expect: { ...signedIn(), anonymous: "login" },
    http: () => get("/tweede-stap"),
  },
  {
    area: "Openbaar",
    surface: "POST /tweede-stap",
    on: "zonder half-open sessie: door naar de startpagina",
    expect: { ...signedIn(), anonymous: "login" },
    http: () => post("/tweede-stap", { intent: "verify", code: "000000" }),
  },
  { area: "Openbaar", surface: "GET /taal", on: "—", expect: everyone(), http: () => get("/taal") },
  {
    area: "Openbaar",
    surface: "POST /taal",
    on: "taal kiezen",
    expect: everyone(),
    http: () => post("/taal", { lng: "en", redirectTo: "/" }),
  },

  // ---- Account -----------------------------------------------------------------------------------
  { area: "Account", surface: "GET /", on: "startpagina", expect: signedIn(), http: () => get("/") },
  { area: "Account", surface: "GET /sessies", on: "eigen sessies", expect: signedIn(), http: () => get("/sessies") },
  {
    area: "Account",
    surface: "POST /sessies",
    on: "eigen sessies (onbekende opdracht)",
    expect: signedIn(),
    http: () => post("/sessies", { intent: "?" }),
  },
  {
    area: "Account",
    surface: "GET /wachtwoord",
    on: "eigen wachtwoord",
    expect: signedIn(),
    http: () => get("/wachtwoord"),
  },
  {
    area: "Account",
    surface: "POST /wachtwoord",
    on: "eigen wachtwoord (huidig fout)",
    expect: signedIn(),
    http: () => post("/wachtwoord", { current: "fout", next: "een heel lange nieuwe zin", confirm: "anders" }),
  },
  {
    area: "Account",
    surface: "GET /tweestapsverificatie",
    on: "eigen tweede factor",
    expect: signedIn(),
    http: () => get("/tweestapsverificatie"),
  },
  {
    area: "Account",
    surface: "POST /tweestapsverificatie",
    on: "eigen tweede factor (foute code)",
    expect: signedIn(),
    http: () => post("/tweestapsverificatie", { intent: "renew", code: "000000" }),
  },

  // ---- Role profiles -----------------------------------------------------------------------------
  {
    area: "Rolprofielen",
    surface: "GET /organisaties",
    on: "alle profielen",
    expect: signedIn(),
    http: () => get("/organisaties"),
  },
  {
    area: "Rolprofielen",
    surface: "GET /organisaties/:slug",
    on: "profiel politie",
    expect: signedIn(),
    http: () => get("/organisaties/politie-westerduin"),
  },
  {
    area: "Rolprofielen",
    surface: "GET /organisaties/:slug/versies",
    on: "versies profiel politie",
    expect: signedIn(),
    http: () => get("/organisaties/politie-westerduin/versies"),
  },
  {
    area: "Rolprofielen",
    surface: "GET /organisaties/vergelijk",
    on: "politie naast Veilig Thuis",
    expect: signedIn(),
    http: () => get("/organisaties/vergelijk?o=politie-westerduin&o=veilig-thuis-westerduin"),
  },
  {
    area: "Rolprofielen",
    surface: "GET /organisaties/:slug/bewerken",
    on: "eigen profiel (politie)",
    expect: only("policeAdmin", "platformAdmin"),
    http: () => get("/organisaties/politie-westerduin/bewerken"),
  },
  {
    area: "Rolprofielen",
    surface: "GET /organisaties/:slug/bewerken",
    on: "profiel van een andere organisatie (Veilig Thuis)",
    expect: only("platformAdmin"),
    http: () => get("/organisaties/veilig-thuis-westerduin/bewerken"),
  },
  {
    area: "Rolprofielen",
    surface: "POST /organisaties/:slug/bewerken",
    on: "eigen profiel (politie), onvolledig",
    expect: only("policeAdmin", "platformAdmin"),
    http: () => post("/organisaties/politie-westerduin/bewerken", { intent: "save" }),
  },
  {
    area: "Rolprofielen",
    surface: "POST /organisaties/:slug/bewerken",
    on: "profiel van een andere organisatie (Veilig Thuis)",
    expect: only("platformAdmin"),
    http: () => post("/organisaties/veilig-thuis-westerduin/bewerken", { intent: "save" }),
  },
  {
    area: "Rolprofielen",
    surface: "POST /organisaties/:slug/versies",
    on: "versie terugzetten, eigen profiel (politie)",
    expect: only("policeAdmin", "platformAdmin"),
    http: () => post("/organisaties/politie-westerduin/versies", { intent: "?" }),
  },

  // ---- Cases -------------------------------------------------------------------------------------
  {
    area: "Casussen",
    surface: "GET /casussen",
    on: "zichtbare casussen",
    expect: signedIn(),
    http: () => get("/casussen"),
  },
  {
    area: "Casussen",
    surface: "GET /casussen/nieuw",
    on: "formulier",
    expect: signedIn(),
    http: () => get("/casussen/nieuw"),
  },
  {
    area: "Casussen",
    surface: "POST /casussen/nieuw",
    on: "casus inbrengen (leeg)",
    expect: signedIn(),
    http: () => post("/casussen/nieuw", {}),
  },
  {
    area: "Casussen",
    surface: "GET /casussen/:reference",
    on: "casus A (Veilig Thuis), op de agenda aan tafel A",
    expect: only(...AT_TABLE_A),
    http: (fx) => get(`/casussen/${fx.caseA}`),
  },
  {
    area: "Casussen",
    surface: "GET /casussen/:reference",
    on: "casus P van de politie, op geen tafel",
    expect: only(...POLICE),
    http: (fx) => get(`/casussen/${fx.policeCase}`),
  },

  // ---- Meetings ----------------------------------------------------------------------------------
  {
    area: "Overleggen",
    surface: "GET /overleggen",
    on: "eigen overleggen",
    expect: signedIn(),
    http: () => get("/overleggen"),
  },
  {
    area: "Overleggen",
    surface: "GET /overleggen/nieuw",
    on: "formulier",
    expect: only("chair"),
    http: () => get("/overleggen/nieuw"),
  },
  {
    area: "Overleggen",
    surface: "POST /overleggen/nieuw",
    on: "overleg aanmaken (leeg)",
    expect: only("chair"),
    http: () => post("/overleggen/nieuw", {}),
  },
  {
    area: "Overleggen",
    surface: "GET /overleggen/:id",
    on: "gepubliceerd overleg",
    expect: only(...INVITED),
    http: (fx) => get(`/overleggen/${fx.published.meetingId}`),
  },
  {
    area: "Overleggen",
    surface: "GET /overleggen/:id",
    on: "concept (niet gepubliceerd)",
    expect: only("chair"),
    http: (fx) => get(`/overleggen/${fx.draft}`),
  },
  {
    area: "Overleggen",
    surface: "GET /overleggen/:id.ics",
    on: "gepubliceerd overleg",
    expect: only(...INVITED),
    http: (fx) => get(`/overleggen/${fx.published.meetingId}.ics`),
  },
  {
    area: "Overleggen",
    surface: "GET /overleggen/:id/bewerken",
    on: "gepubliceerd overleg",
    expect: only("chair"),
    http: (fx) => get(`/overleggen/${fx.published.meetingId}/bewerken`),
  },
  {
    area: "Overleggen",
    surface: "POST /overleggen/:id/bewerken",
    on: "gepubliceerd overleg (verouderde versie)",
    expect: only("chair"),
    http: (fx) => post(`/overleggen/${fx.published.meetingId}/bewerken`, meetingForm(fx)),
  },
  {
    area: "Agenda",
    surface: "GET /overleggen/:id/punten/:itemId",
    on: "agendapunt A, gepubliceerd overleg",
    expect: only("chair"),
    http: (fx) => get(`/overleggen/${fx.published.meetingId}/punten/${fx.published.itemA}`),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id/punten/:itemId update",
    on: "agendapunt A (verouderde versie)",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.published.meetingId}/punten/${fx.published.itemA}`, {
        intent: "update",
        version: "0", // stale on purpose: the chair's correction stops at the version check
        question: "Wie neemt de regie?",
        timeboxMinutes: "10",
        tables: [fx.org.POL as string],
      }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id/punten/:itemId remove",
    on: "agendapunt A (verouderde versie)",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.published.meetingId}/punten/${fx.published.itemA}`, {
        intent: "remove",
        version: "0",
        reason: "Elders belegd.",
      }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id publish",
    on: "al gepubliceerd overleg",
    expect: only("chair"),
    http: (fx) => post(`/overleggen/${fx.published.meetingId}`, { intent: "publish" }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id add-item",
    on: "casus P (niet zichtbaar voor de voorzitter)",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.published.meetingId}`, {
        intent: "add-item",
        caseReference: fx.policeCase,
        question: "Wie?",
        askingOrganisationId: fx.org.POL as string,
        timeboxMinutes: "10",
        tables: [fx.org.POL as string],
      }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id move-down",
    on: "agendapunt A",
    expect: only("chair"),
    http: (fx) => post(`/overleggen/${fx.published.meetingId}`, { intent: "move-down", itemId: fx.published.itemA }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id reorder",
    on: "agenda (onvolledige volgorde)",
    expect: only("chair"),
    http: (fx) => post(`/overleggen/${fx.published.meetingId}`, { intent: "reorder", order: [fx.published.itemA] }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id propose",
    on: "casus P voorstellen",
    expect: only(...INVITED),
    http: (fx) =>
      post(`/overleggen/${fx.published.meetingId}`, {
        intent: "propose",
        caseReference: fx.policeCase,
        question: "Wie neemt de regie?",
        timeboxMinutes: "10",
      }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id decline",
    on: "voorstel van de politie",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.published.meetingId}`, {
        intent: "decline",
        proposalId: fx.proposals[0] as string,
        reason: "Past beter in het volgende overleg.",
      }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id accept",
    on: "voorstel van de politie",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.published.meetingId}`, {
        intent: "accept",
        proposalId: fx.proposals[1] as string,
        tables: [fx.org.POL as string],
      }),
  },
  {
    area: "Agenda",
    surface: "POST /overleggen/:id start",
    on: "gepubliceerd overleg",
    expect: only("chair"),
    http: (fx) => post(`/overleggen/${fx.published.meetingId}`, { intent: "start" }),
  },
  {
    area: "Live",
    surface: "GET /overleggen/:id/live",
    on: "lopend overleg",
    expect: only(...INVITED),
    http: (fx) => get(`/overleggen/${fx.live.meetingId}/live`),
  },

  // ---- Minutes -----------------------------------------------------------------------------------
  {
    area: "Verslag",
    surface: "GET /overleggen/:id/verslag",
    on: "afgerond overleg",
    expect: only(...INVITED),
    http: (fx) => get(`/overleggen/${fx.finished}/verslag`),
  },
  {
    area: "Verslag",
    surface: "GET /overleggen/:id/verslag.pdf",
    on: "afgerond overleg",
    expect: only(...INVITED),
    http: (fx) => get(`/overleggen/${fx.finished}/verslag.pdf`),
  },
  {
    area: "Verslag",
    surface: "GET /overleggen/:id/verslag.csv",
    on: "afgerond overleg",
    expect: only(...INVITED),
    http: (fx) => get(`/overleggen/${fx.finished}/verslag.csv`),
  },
  {
    area: "Verslag",
    surface: "POST /overleggen/:id/verslag approve",
    on: "afgerond overleg",
    expect: only("chair"),
    http: (fx) => post(`/overleggen/${fx.finished}/verslag`, { intent: "approve", confirm: "yes" }),
  },
  {
    area: "Verslag",
    surface: "POST /overleggen/:id/verslag amend",
    on: "vastgesteld verslag, agendapunt A",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.finished}/verslag`, {
        intent: "amend",
        agendaItemId: fx.live.itemA,
        change: "Aanvulling",
        reason: "Vergeten",
      }),
  },
  {
    area: "Verslag",
    surface: "POST /overleggen/:id/verslag amendAction",
    on: "vastgesteld verslag, actie aan tafel A (verouderde versie)",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.finished}/verslag`, {
        intent: "amendAction",
        actionId: fx.finishedAction.id,
        version: "999",
        description: "Gesprek met school en leerplicht",
        dueDate: "2099-01-20",
        ownerOrganisationId: fx.org.POL as string,
        reason: "Verkeerd genoteerd",
      }),
  },
  {
    area: "Verslag",
    surface: "POST /overleggen/:id/verslag amendDecision",
    on: "vastgesteld verslag, besluit aan tafel A (verouderde versie)",
    expect: only("chair"),
    http: (fx) =>
      post(`/overleggen/${fx.finished}/verslag`, {
        intent: "amendDecision",
        decisionId: fx.finishedDecision.id,
        version: "999",
        text: "De politie neemt de regie.",
        reason: "Verkeerd genoteerd",
      }),
  },

  // ---- Actions -----------------------------------------------------------------------------------
  {
    area: "Acties",
    surface: "GET /acties",
    on: "acties van de eigen organisatie",
    expect: signedIn(),
    http: () => get("/acties"),
  },
  {
    area: "Acties",
    surface: "GET /acties?bereik=mijn-overleggen",
    on: "acties van alle organisaties uit de overleggen die de gebruiker voorzit (alleen lezen)",
    expect: only("chair"),
    http: (fx) => get(`/acties?bereik=mijn-overleggen&overleg=${fx.finished}`),
  },
  {
    area: "Acties",
    surface: "GET /acties.csv?bereik=mijn-overleggen",
    on: "idem, als CSV",
    expect: only("chair"),
    http: () => get("/acties.csv?bereik=mijn-overleggen"),
  },
  {
    area: "Acties",
    surface: "GET /acties.csv",
    on: "idem, als CSV",
    expect: signedIn(),
    http: () => get("/acties.csv"),
  },
  {
    area: "Acties",
    surface: "GET /acties.ics",
    on: "idem, als agenda",
    expect: signedIn(),
    http: () => get("/acties.ics"),
  },
  {
    area: "Acties",
    surface: "POST /acties update",
    on: "actie van de politie (verouderde versie)",
    expect: only(...POLICE),
    http: (fx) =>
      post("/acties", {
        intent: "update",
        actionId: fx.action.id,
        version: "999",
        status: "IN_PROGRESS",
        note: "Gestart",
      }),
  },
  {
    area: "Acties",
    surface: "POST /acties correct",
    on: "actie van de politie: tekst en datum (verouderde versie)",
    expect: only(...POLICE),
    http: (fx) =>
      post("/acties", {
        intent: "correct",
        actionId: fx.action.id,
        version: "999",
        description: "Huisbezoek met de wijkagent",
        dueDate: "2099-01-22",
        reason: "Afspraak verschoven",
      }),
  },
  {
    area: "Acties",
    surface: "POST /acties transfer",
    on: "actie van de politie, aangeboden aan Veilig Thuis (verouderde versie)",
    expect: only("chair", "caseOwner"),
    http: (fx) => post("/acties", { intent: "transfer", actionId: fx.offered.id, version: "999", answer: "accept" }),
  },

  // ---- Audit and administration --------------------------------------------------------------------
  {
    area: "Logboek",
    surface: "GET /logboek",
    on: "wie bekeek of wijzigde",
    expect: only("policeAdmin", "platformAdmin"),
    http: () => get("/logboek"),
  },
  {
    area: "Logboek",
    surface: "GET /logboek.csv",
    on: "een periode, als CSV",
    expect: only("platformAdmin"),
    http: () => get("/logboek.csv"),
  },
  // ---- Referrals ---------------------------------------------------------------------------------
  {
    area: "Aanmeldingen",
    surface: "GET /aanmeldingen",
    on: "eigen aanmeldingen; voor de triage de wachtrij",
    expect: signedIn(),
    http: () => get("/aanmeldingen"),
  },
  {
    area: "Aanmeldingen",
    surface: "GET /aanmeldingen/nieuw",
    on: "formulier",
    expect: signedIn(),
    http: () => get("/aanmeldingen/nieuw"),
  },
  {
    area: "Aanmeldingen",
    surface: "POST /aanmeldingen/nieuw",
    on: "casus aanmelden (leeg)",
    expect: signedIn(),
    http: () =>
      post("/aanmeldingen/nieuw", {
        caseReference: "",
        question: "",
        criterionIds: [],
        partnerOrganisationIds: [],
        urgency: "",
        informed: "",
        notInformedReason: "",
      }),
  },
  {
    area: "Aanmeldingen",
    surface: "GET /aanmeldingen/:id",
    on: "aanmelding van casus P door de politie, wacht op triage",
    expect: only(...POLICE, "chair"),
    http: (fx) => get(`/aanmeldingen/${fx.referral.id}`),
  },
  {
    area: "Aanmeldingen",
    surface: "POST /aanmeldingen/:id",
    on: "triage van de aanmelding van casus P (zonder beslissing)",
    expect: only("chair"),
    http: (fx) =>
      post(`/aanmeldingen/${fx.referral.id}`, {
        outcome: "",
        meetingId: "",
        tableOrganisationIds: [],
        timeboxMinutes: "",
        otherTable: "",
        reason: "",
      }),
  },

  {
    area: "Beheer",
    surface: "GET /beheer/overleggen",
    on: "alle overleggen",
    expect: only("platformAdmin"),
    http: () => get("/beheer/overleggen"),
  },
  {
    area: "Beheer",
    surface: "GET /beheer/aanmeldingen",
    on: "criteria en termijnen van de regio",
    expect: only("platformAdmin"),
    http: () => get("/beheer/aanmeldingen"),
  },
  {
    area: "Beheer",
    surface: "POST /beheer/aanmeldingen",
    on: "termijnen opslaan (verouderde versie)",
    expect: only("platformAdmin"),
    http: () =>
      post("/beheer/aanmeldingen", {
        intent: "deadlines",
        version: "999",
        routineWorkingDays: "5",
        urgentWorkingDays: "1",
      }),
  },
  {
    area: "Beheer",
    surface: "POST /beheer/overleggen",
    on: "voorzitter wisselen (geen voorzitter gekozen)",
    expect: only("platformAdmin"),
    http: (fx) => post("/beheer/overleggen", { meetingId: fx.published.meetingId, chairId: "" }),
  },

  // ---- The live table (socket.io) ------------------------------------------------------------------
  {
    area: "Live (socket)",
    surface: "socket live:join",
    on: "lopend overleg",
    expect: only(...INVITED),
    socket: (fx) => ({ event: "live:join", payload: { meetingId: fx.live.meetingId } }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:item:current",
    on: "agendapunt A aan tafel zetten",
    expect: only("chair"),
    socket: (fx) => ({
      event: "live:item:current",
      payload: { key: key(), meetingId: fx.live.meetingId, itemId: fx.live.itemA },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:roleCard:save",
    on: "rolkaart van de politie, tafel A",
    expect: only(...POLICE),
    socket: (fx) => ({
      event: "live:roleCard:save",
      payload: {
        key: key(),
        cardId: fx.card.id,
        version: fx.card.version,
        roleInCase: "Wij handhaven.",
        knowledge: "",
        knowledgeLegalBasis: "",
        contribution: "",
        limitsHere: "",
      },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:responsibility:set",
    on: "betrokkenheid van de politie, tafel A (bijdragen)",
    expect: only("chair", ...POLICE),
    socket: (fx) => ({
      event: "live:responsibility:set",
      payload: {
        key: key(),
        itemId: fx.live.itemA,
        organisationId: fx.org.POL,
        involvement: "CONTRIBUTES",
        version: 999,
      },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:need:add",
    on: "tafel A",
    expect: only(...AT_TABLE_A),
    socket: (fx) => ({
      event: "live:need:add",
      payload: { key: key(), itemId: fx.live.itemA, text: "Schoolgegevens" },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:need:address",
    // Only the organisation that takes the need up records it; the chair may do so on its behalf.
    on: "behoefte aan tafel A, opgepakt door de politie (verouderde versie)",
    expect: only("chair", ...POLICE),
    socket: (fx) => ({
      event: "live:need:address",
      payload: { key: key(), needId: fx.need.id, version: 999, addressedByOrganisationId: fx.org.POL, note: "" },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:need:edit",
    on: "behoefte van Veilig Thuis aan tafel A (verouderde versie)",
    expect: only("chair", "caseOwner"),
    socket: (fx) => ({
      event: "live:need:edit",
      payload: { key: key(), needId: fx.need.id, version: 999, text: "Wie kent het gezin al?" },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:need:withdraw",
    on: "behoefte van Veilig Thuis aan tafel A (verouderde versie)",
    expect: only("chair", "caseOwner"),
    socket: (fx) => ({
      event: "live:need:withdraw",
      payload: { key: key(), needId: fx.need.id, version: 999 },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:decision:add",
    on: "tafel A",
    expect: only("chair"),
    socket: (fx) => ({
      event: "live:decision:add",
      payload: { key: key(), itemId: fx.live.itemA, text: "Politie leidt." },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:decision:correct",
    on: "besluit aan tafel A (verouderde versie)",
    expect: only("chair"),
    socket: (fx) => ({
      event: "live:decision:correct",
      payload: { key: key(), decisionId: fx.decision.id, version: 999, text: "Politie leidt, VT volgt." },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:action:add",
    on: "tafel A, eigenaar politie",
    expect: only(...AT_TABLE_A),
    socket: (fx) => ({
      event: "live:action:add",
      payload: {
        key: key(),
        itemId: fx.live.itemA,
        description: "Huisbezoek",
        ownerOrganisationId: fx.org.POL,
        dueDate: "2099-01-20",
      },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:action:status",
    on: "actie van de politie (verouderde versie)",
    expect: only("chair", ...POLICE),
    socket: (fx) => ({
      event: "live:action:status",
      payload: { key: key(), actionId: fx.action.id, version: 999, status: "IN_PROGRESS" },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:action:correct",
    on: "actie van de politie (verouderde versie)",
    expect: only("chair", ...POLICE),
    socket: (fx) => ({
      event: "live:action:correct",
      payload: {
        key: key(),
        actionId: fx.action.id,
        version: 999,
        description: "Huisbezoek met de wijkagent",
        ownerOrganisationId: fx.org.POL,
        ownerUserId: "",
        dueDate: "2099-01-22",
      },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:action:transfer",
    // Only the organisation it was offered to answers (the chair, of Veilig Thuis, as a member of it).
    on: "actie van de politie, aangeboden aan Veilig Thuis (verouderde versie)",
    expect: only("chair", "caseOwner"),
    socket: (fx) => ({
      event: "live:action:transfer",
      payload: { key: key(), actionId: fx.offered.id, version: 999, accept: true },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:earlierAction:update",
    on: "eerdere actie van de politie, terug op tafel (verouderde versie)",
    expect: only(...POLICE),
    socket: (fx) => ({
      event: "live:earlierAction:update",
      payload: {
        key: key(),
        itemId: fx.earlier.itemId,
        actionId: fx.earlier.actionId,
        version: 999,
        status: "IN_PROGRESS",
        note: "",
      },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:item:close",
    on: "agendapunt B",
    expect: only("chair"),
    socket: (fx) => ({
      event: "live:item:close",
      payload: { key: key(), meetingId: fx.live.meetingId, itemId: fx.live.itemB, confirmOpenNeeds: true },
    }),
  },
  {
    area: "Live (socket)",
    surface: "socket live:meeting:end",
    on: "een ander lopend overleg",
    expect: only("chair"),
    socket: (fx) => ({ event: "live:meeting:end", payload: { key: key(), meetingId: fx.toEnd } }),
  },

  {
    area: "Casussen",
    surface: "POST /casussen/:reference edit",
    on: "casus P van de politie (versie verouderd: niets verandert)",
    expect: only(...POLICE),
    http: (fx) =>
      post(`/casussen/${fx.policeCase}`, { intent: "edit", version: "0", description: "Gezin", riskLevel: "LOW" }),
  },
  {
    area: "Casussen",
    surface: "POST /casussen/:reference erase",
    on: "casus P van de politie (tekst komt niet voor: niets verandert)",
    expect: only(...POLICE),
    http: (fx) => post(`/casussen/${fx.policeCase}`, { intent: "erase", version: "1", text: "komt niet voor" }),
  },
  {
    area: "Casussen",
    surface: "POST /casussen/:reference reopen",
    on: "casus P van de politie (open: niets verandert)",
    expect: only(...POLICE),
    http: (fx) => post(`/casussen/${fx.policeCase}`, { intent: "reopen", note: "Opnieuw nodig" }),
  },

  {
    area: "Casussen",
    surface: "POST /casussen/:reference proposeRegie",
    on: "casus A: regie overdragen (aan een onbekende organisatie: niets verandert)",
    expect: only("chair", "caseOwner"),
    http: (fx) =>
      post(`/casussen/${fx.caseA}`, {
        intent: "proposeRegie",
        kind: "PROCESS",
        organisationId: "onbekend",
        reason: "Zij coördineren al.",
      }),
  },
  {
    area: "Casussen",
    surface: "POST /casussen/:reference answerRegie",
    on: "casus A: casusregie aangeboden aan de politie (verouderde versie)",
    expect: only(...POLICE),
    http: (fx) =>
      post(`/casussen/${fx.caseA}`, {
        intent: "answerRegie",
        regieId: fx.regie.id,
        version: "999",
        answer: "accept",
        declineReason: "",
      }),
  },

  {
    area: "Casussen",
    surface: "POST /casussen/:reference raiseEscalation",
    on: "casus A, al opgeschaald door de politie (zonder reden)",
    expect: only(...AT_TABLE_A),
    http: (fx) => post(`/casussen/${fx.caseA}`, { intent: "raiseEscalation", level: "MANAGEMENT", reason: "" }),
  },
  {
    area: "Casussen",
    surface: "POST /casussen/:reference endEscalation",
    on: "opschaling van casus A door de politie (naar hetzelfde niveau)",
    expect: only(...POLICE, "chair"),
    http: (fx) =>
      post(`/casussen/${fx.caseA}`, {
        intent: "endEscalation",
        escalationId: fx.escalation.id,
        version: "1",
        next: "OPERATIONAL",
        outcome: "Afgesproken.",
      }),
  },

  {
    area: "Casussen",
    surface: "POST /casussen/:reference addGoal",
    on: "plan van casus A (leidende organisatie kent de casus niet)",
    expect: only("caseOwner", "chair"),
    http: (fx) =>
      post(`/casussen/${fx.caseA}`, {
        intent: "addGoal",
        phase: "IMMEDIATE_SAFETY",
        text: "De kinderen gaan naar school.",
        leadOrganisationId: fx.org.WT as string,
        contributorOrganisationIds: [],
        reviewDate: "",
        actionIds: [],
      }),
  },
  {
    area: "Casussen",
    surface: "POST /casussen/:reference editGoal",
    on: "doel van casus A, geleid door de politie (leidende organisatie kent de casus niet)",
    expect: only(...AT_TABLE_A),
    http: (fx) =>
      post(`/casussen/${fx.caseA}`, {
        intent: "editGoal",
        goalId: fx.goal.id,
        version: "1",
        status: "IN_PROGRESS",
        phase: "IMMEDIATE_SAFETY",
        text: "Het gezin is veilig thuis.",
        leadOrganisationId: fx.org.WT as string,
        contributorOrganisationIds: [],
        reviewDate: "",
        actionIds: [],
      }),
  },

  // ---- Last: changes that end something ----------------------------------------------------------
  {
    area: "Casussen",
    surface: "POST /casussen/:reference close",
    on: "casus P van de politie",
    expect: only(...POLICE),
    http: (fx) =>
      post(`/casussen/${fx.policeCase}`, { intent: "close", confirm: "yes", closeReason: "NO_LONGER_NEEDED" }),
  },
  {
    area: "Account",
    surface: "POST /logout",
    on: "eigen sessie (als laatste: beëindigt de sessies van de matrix)",
    expect: signedIn(),
    http: () => post("/logout"),
  },
];
