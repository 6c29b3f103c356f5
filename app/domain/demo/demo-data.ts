import type { OrganisationKind, Role } from "~/generated/prisma/enums";

/** A fictional region. No real people: names are invented, addresses end in `.demo`. */
export const DEMO_REGION = "Westerduin";
export const DEMO_PASSWORD = "demo-demo-demo";
/**
 * The authenticator key of the demo accounts that need a second factor (chair, admins): public like
 * the password, so anyone trying the demo can add it to an app, or run `npm run demo:code`.
 */
export const DEMO_TOTP_SECRET = "DEMODEMODEMODEMODEMODEMODEMODEMO";

export type DemoOrganisation = { shortCode: string; slug: string; name: string; kind: OrganisationKind };
export type DemoUser = { email: string; name: string; functionTitle: string; org: string; roles: Role[] };

export const demoOrganisations: DemoOrganisation[] = [
  { shortCode: "POL", slug: "politie-westerduin", name: "Politie basisteam Westerduin", kind: "POLICE" },
  {
    shortCode: "OM",
    slug: "om-westerduin",
    name: "Openbaar Ministerie, arrondissement Westerduin",
    kind: "PROSECUTION",
  },
  {
    shortCode: "RECL",
    slug: "reclassering-westerduin",
    name: "Reclassering (3RO) regio Westerduin",
    kind: "PROBATION",
  },
  {
    shortCode: "RvdK",
    slug: "rvdk-westerduin",
    name: "Raad voor de Kinderbescherming, regio Westerduin",
    kind: "CHILD_PROTECTION_BOARD",
  },
  { shortCode: "VT", slug: "veilig-thuis-westerduin", name: "Veilig Thuis Westerduin", kind: "VEILIG_THUIS" },
  { shortCode: "WT", slug: "wijkteam-westerduin-centrum", name: "Wijkteam Westerduin-Centrum", kind: "LOCAL_TEAM" },
  { shortCode: "ZVH", slug: "zvh-westerduin", name: "Zorg- en Veiligheidshuis Westerduin", kind: "OTHER" },
];

export const demoUsers: DemoUser[] = [
  {
    email: "admin@actie-overleg.demo",
    name: "Noor Hendriks",
    functionTitle: "Functioneel beheerder",
    org: "ZVH",
    roles: ["PLATFORM_ADMIN", "MEMBER"],
  },
  {
    email: "voorzitter@veiligthuis.demo",
    name: "Marloes Verbeek",
    functionTitle: "Procesregisseur Actie-overleg",
    org: "VT",
    roles: ["CHAIR", "MEMBER"],
  },
  {
    email: "beheer@politie.demo",
    name: "Erik van Dalen",
    functionTitle: "Teamchef, beheerder rolprofiel",
    org: "POL",
    roles: ["ORG_ADMIN", "MEMBER"],
  },
  {
    email: "medewerker@politie.demo",
    name: "Samira Bouzid",
    functionTitle: "Wijkagent, aandachtsvelder huiselijk geweld",
    org: "POL",
    roles: ["MEMBER"],
  },
  {
    email: "medewerker@om.demo",
    name: "Thomas Kuipers",
    functionTitle: "Officier van justitie huiselijk geweld",
    org: "OM",
    roles: ["MEMBER"],
  },
  {
    email: "medewerker@reclassering.demo",
    name: "Linda Mulder",
    functionTitle: "Reclasseringswerker",
    org: "RECL",
    roles: ["MEMBER"],
  },
  {
    email: "medewerker@rvdk.demo",
    name: "Youssef Amrani",
    functionTitle: "Raadsonderzoeker",
    org: "RvdK",
    roles: ["MEMBER"],
  },
  {
    email: "medewerker@veiligthuis.demo",
    name: "Ingrid de Boer",
    functionTitle: "Medewerker onderzoek",
    org: "VT",
    roles: ["MEMBER"],
  },
  {
    email: "medewerker@wijkteam.demo",
    name: "Pieter Smit",
    functionTitle: "Ambulant hulpverlener",
    org: "WT",
    roles: ["MEMBER"],
  },
];
