import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { handleProfileForm } from "~/domain/organisations/profile-form.server";
import { saveMerging } from "~/domain/organisations/profile-save.server";
import type { RoleProfile } from "~/domain/organisations/role-profile.schema";
import {
  getHistory,
  getProfile,
  markReviewed,
  profileReminder,
  restoreVersion,
  saveProfile,
  searchDirectory,
} from "~/domain/organisations/role-profiles.server";

import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.1" };
let policeAdmin: SessionUser;
let policeMember: SessionUser;
let platformAdmin: SessionUser;
let omMember: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [policeAdmin, policeMember, platformAdmin, omMember] = await Promise.all([
    sessionUser("beheer@politie.demo"),
    sessionUser("medewerker@politie.demo"),
    sessionUser("admin@actie-overleg.demo"),
    sessionUser("medewerker@om.demo"),
  ]);
});

async function current(slug: string) {
  const { profile, version } = await getProfile(platformAdmin, slug);
  return { profile: profile as RoleProfile, number: version?.number ?? 0 };
}

function withCapability(profile: RoleProfile, title: string): RoleProfile {
  return { ...profile, capabilities: [...profile.capabilities, { title, explanation: "" }] };
}

describe("who may change a role profile", () => {
  it("an organisation admin saves their own profile as a new version, audited", async () => {
    const before = await current("politie-westerduin");
    const result = await saveProfile(
      policeAdmin,
      "politie-westerduin",
      {
        baseVersion: before.number,
        profile: withCapability(before.profile, "Verhoor van kinderen in een kindvriendelijke studio"),
        changeSummary: "Mogelijkheid toegevoegd",
      },
      meta,
    );
    expect(result).toEqual({ ok: true, number: before.number + 1 });
    const after = await current("politie-westerduin");
    expect(after.profile.capabilities.at(-1)?.title).toBe("Verhoor van kinderen in een kindvriendelijke studio");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "organisation.profile.saved" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      actorUserId: policeAdmin.id,
      actorOrganisationId: policeAdmin.organisation.id,
      subjectType: "Organisation",
      clientAddress: "192.0.2.1",
      details: { version: before.number + 1 },
    });
  });

  it("an organisation admin may not change another organisation's profile (403), nothing is written", async () => {
    const before = await current("om-westerduin");
    const status = await thrownStatus(
      saveProfile(
        policeAdmin,
        "om-westerduin",
        { baseVersion: before.number, profile: before.profile, changeSummary: "x" },
        meta,
      ),
    );
    expect(status).toBe(403);
    expect((await current("om-westerduin")).number).toBe(before.number);
  });

  it("a member may not change even their own organisation's profile (403)", async () => {
    const before = await current("politie-westerduin");
    expect(
      await thrownStatus(
        saveProfile(
          policeMember,
          "politie-westerduin",
          { baseVersion: before.number, profile: before.profile, changeSummary: "x" },
          meta,
        ),
      ),
    ).toBe(403);
    expect(
      await thrownStatus(
        markReviewed(policeMember, "politie-westerduin", { baseVersion: before.number, changeSummary: "x" }, meta),
      ),
    ).toBe(403);
    expect(
      await thrownStatus(
        restoreVersion(
          policeMember,
          "politie-westerduin",
          { baseVersion: before.number, number: 1, changeSummary: "x" },
          meta,
        ),
      ),
    ).toBe(403);
    expect((await current("politie-westerduin")).number).toBe(before.number);
  });

  it("a platform admin may change any organisation's profile", async () => {
    const before = await current("om-westerduin");
    const result = await saveProfile(
      platformAdmin,
      "om-westerduin",
      {
        baseVersion: before.number,
        profile: { ...before.profile, escalationRoute: "Via de teamleider." },
        changeSummary: "Escalatie",
      },
      meta,
    );
    expect(result.ok).toBe(true);
  });

  it("an unknown organisation is a 404, not a 500", async () => {
    expect(
      await thrownStatus(
        saveProfile(
          platformAdmin,
          "bestaat-niet",
          { baseVersion: 0, profile: (await current("om-westerduin")).profile, changeSummary: "x" },
          meta,
        ),
      ),
    ).toBe(404);
    expect(await thrownStatus(getProfile(omMember, "bestaat-niet"))).toBe(404);
  });

  it("every professional may read every profile; only editors see the edit option", async () => {
    expect((await getProfile(omMember, "politie-westerduin")).canEdit).toBe(false);
    expect((await getProfile(policeAdmin, "politie-westerduin")).canEdit).toBe(true);
    expect((await getProfile(policeAdmin, "om-westerduin")).canEdit).toBe(false);
    expect((await getProfile(platformAdmin, "om-westerduin")).canEdit).toBe(true);
  });
});

describe("two admins editing at once", () => {
  it("refuses the second save on a stale version and says what changed meanwhile", async () => {
    const base = await current("veilig-thuis-westerduin");
    const first = await saveProfile(
      platformAdmin,
      "veilig-thuis-westerduin",
      {
        baseVersion: base.number,
        profile: withCapability(base.profile, "Huisbezoek binnen 24 uur"),
        changeSummary: "A",
      },
      meta,
    );
    expect(first.ok).toBe(true);
    const second = await saveProfile(
      platformAdmin,
      "veilig-thuis-westerduin",
      { baseVersion: base.number, profile: { ...base.profile, mission: "Tekst van B" }, changeSummary: "B" },
      meta,
    );
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.conflict.number).toBe(base.number + 1);
    expect(second.conflict.authorName).toBe("Noor Hendriks (ZVH)");
    expect(second.conflict.changes).toEqual([
      { section: "capabilities", kind: "added", item: "Huisbezoek binnen 24 uur" },
    ]);
    const now = await current("veilig-thuis-westerduin");
    expect(now.profile.mission).toBe(base.profile.mission); // B's text was not written
    expect(now.number).toBe(base.number + 1);
  });

  it("lets exactly one of two simultaneous saves on the same version through", async () => {
    const base = await current("rvdk-westerduin");
    const save = (title: string) =>
      saveProfile(
        platformAdmin,
        "rvdk-westerduin",
        { baseVersion: base.number, profile: withCapability(base.profile, title), changeSummary: title },
        meta,
      );
    const results = await Promise.all([save("Eerste"), save("Tweede"), save("Derde")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(2);
    const versions = await prisma.roleProfileVersion.count({ where: { organisation: { slug: "rvdk-westerduin" } } });
    expect(versions).toBe(base.number + 1);
  });
});

describe("history", () => {
  it("restoring an old version makes a new version with its content", async () => {
    const v1 = await current("reclassering-westerduin");
    await saveProfile(
      platformAdmin,
      "reclassering-westerduin",
      { baseVersion: v1.number, profile: { ...v1.profile, mission: "Gewijzigd" }, changeSummary: "wijziging" },
      meta,
    );
    const restored = await restoreVersion(
      platformAdmin,
      "reclassering-westerduin",
      { baseVersion: v1.number + 1, number: v1.number, changeSummary: "Versie 1 teruggezet" },
      meta,
    );
    expect(restored).toEqual({ ok: true, number: v1.number + 2 });
    expect((await current("reclassering-westerduin")).profile).toEqual(v1.profile);
    const history = await getHistory(omMember, "reclassering-westerduin");
    expect(history.versions.map((v) => [v.number, v.restoredFrom])).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect(history.comparison?.changes).toEqual([
      { section: "mission", kind: "changed", before: "Gewijzigd", after: v1.profile.mission },
    ]);
    const between = await getHistory(omMember, "reclassering-westerduin", { from: 1, to: 2 });
    expect(between.comparison?.changes).toHaveLength(1);
  });

  it("marking as reviewed keeps the content and makes an outdated profile current", async () => {
    const now = new Date();
    const before = await getProfile(platformAdmin, "wijkteam-westerduin-centrum", now);
    expect(before.freshness).toBe("outdated"); // the demo data reviewed it 8 months ago
    const result = await markReviewed(
      platformAdmin,
      "wijkteam-westerduin-centrum",
      { baseVersion: before.version?.number ?? 0, changeSummary: "Herzien" },
      meta,
    );
    expect(result.ok).toBe(true);
    const after = await getProfile(platformAdmin, "wijkteam-westerduin-centrum", now);
    expect(after.freshness).toBe("current");
    expect(after.profile).toEqual(before.profile);
  });
});

describe("the review reminder", () => {
  it("reaches the organisation's admins once the profile is older than the review period", async () => {
    expect(await profileReminder(policeAdmin)).toBeNull();
    const later = new Date();
    later.setMonth(later.getMonth() + 7);
    expect(await profileReminder(policeAdmin, later)).toEqual({
      slug: "politie-westerduin",
      name: "Politie basisteam Westerduin",
      freshness: "outdated",
    });
    expect(await profileReminder(policeMember, later)).toBeNull();
  });
});

describe("the edit form's server side", () => {
  function form(entries: Record<string, string>) {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.append(k, v);
    return data;
  }
  async function body(promise: Promise<unknown>) {
    const result = (await promise) as { data: unknown; init: { status?: number } | null };
    return { status: result.init?.status ?? 200, data: result.data as Record<string, unknown> };
  }

  it("adds a row and keeps everything typed", async () => {
    const { status, data } = await body(
      handleProfileForm(
        policeAdmin,
        "politie-westerduin",
        form({
          intent: "add:limits",
          baseVersion: "1",
          changeSummary: "bezig",
          "profile.mission": "Mijn tekst",
          "profile.limits.0.title": "Eerste",
        }),
        meta,
      ),
    );
    expect(status).toBe(200);
    expect(data).toMatchObject({
      changeSummary: "bezig",
      values: {
        mission: "Mijn tekst",
        limits: [
          { title: "Eerste", explanation: "" },
          { title: "", explanation: "" },
        ],
      },
      focus: "profile.limits.1.title",
    });
  });

  it("answers an invalid save with field errors by path, keeping the values", async () => {
    const { status, data } = await body(
      handleProfileForm(
        policeAdmin,
        "politie-westerduin",
        form({
          intent: "save",
          baseVersion: "1",
          changeSummary: "",
          "profile.mission": "x".repeat(601),
          "profile.contacts.0.role": "Rol",
          "profile.contacts.0.workEmail": "geen-adres",
        }),
        meta,
      ),
    );
    expect(status).toBe(400);
    expect(data.errors).toMatchObject({
      changeSummary: { key: "validation.required" },
      "profile.mission": { key: "validation.tooLong", values: { limit: 600 } },
      "profile.contacts.0.workEmail": { key: "validation.email" },
    });
    expect((data.values as RoleProfile).mission).toHaveLength(601);
  });

  it("refuses more than 25 capabilities", async () => {
    const fields: Record<string, string> = {
      intent: "save",
      baseVersion: "1",
      changeSummary: "veel",
      "profile.mission": "m",
    };
    for (let i = 0; i < 26; i++) fields[`profile.capabilities.${i}.title`] = `C${i}`;
    const { status, data } = await body(handleProfileForm(policeAdmin, "politie-westerduin", form(fields), meta));
    expect(status).toBe(400);
    expect(data.errors).toMatchObject({ "profile.capabilities": { key: "validation.tooMany", values: { limit: 25 } } });
  });

  it("does not mark as reviewed when the form holds changes", async () => {
    const { profile, number } = await current("politie-westerduin");
    const fields: Record<string, string> = {
      intent: "review",
      baseVersion: String(number),
      changeSummary: "",
      "profile.mission": `${profile.mission} (gewijzigd)`,
    };
    const { status, data } = await body(handleProfileForm(policeAdmin, "politie-westerduin", form(fields), meta));
    expect(status).toBe(400);
    expect(data.formError).toBe("profileEdit.reviewHasChanges");
    expect((await current("politie-westerduin")).number).toBe(number);
  });
});

describe("the directory", () => {
  const names = async (query: Parameters<typeof searchDirectory>[1]) =>
    (await searchDirectory(omMember, query)).organisations.map((o) => o.shortCode);

  it("finds by name, by capability and by legal basis, ignoring case", async () => {
    expect(await names({ q: "kinderbescherming", page: 1 })).toEqual(["RvdK"]);
    // by name, and the police through its capability "Zorgmelding aan Veilig Thuis"
    expect(await names({ q: "veilig thuis", page: 1 })).toEqual(["POL", "VT"]);
    expect(await names({ q: "HUISVERBOD", page: 1 })).toEqual(["POL"]);
    expect(await names({ q: "jeugdwet", page: 1 })).toEqual(["RvdK", "WT"]);
    const hit = (await searchDirectory(omMember, { q: "huisverbod", page: 1 })).organisations[0];
    expect(hit?.matchedIn).toEqual({ field: "capability", text: "Huisverbod uitvoeren" });
  });

  it("filters by kind and region, and treats wildcards literally", async () => {
    expect(await names({ kind: "PROBATION", page: 1 })).toEqual(["RECL"]);
    expect(await names({ region: "Elders", page: 1 })).toEqual([]);
    expect(await names({ q: "%", page: 1 })).toEqual([]);
    expect(await names({ q: "_", page: 1 })).toEqual([]);
  });

  it("lists all seven demo organisations with a summary and freshness", async () => {
    const result = await searchDirectory(omMember, { page: 1 });
    expect(result.total).toBe(7);
    expect(result.organisations.every((o) => o.profileSummary.length > 0)).toBe(true);
  });
});

describe("saving over another save", () => {
  it("merges fields only one side changed; where both changed, names the colleague and waits for a choice", async () => {
    const slug = "reclassering-westerduin";
    const base = await current(slug);
    const input = (profile: RoleProfile, changeSummary: string) => ({
      baseVersion: base.number,
      profile,
      changeSummary,
    });
    await saveProfile(
      platformAdmin,
      slug,
      input({ ...base.profile, mission: "Missie van de beheerder." }, "Missie"),
      meta,
    );
    const merged = await saveMerging(
      platformAdmin,
      slug,
      input({ ...base.profile, escalationRoute: "Unitmanager → regiodirecteur." }, "Escalatie"),
      meta,
    );
    expect(merged).toMatchObject({ ok: true, mergedWith: base.number + 1 });
    const after = await current(slug);
    expect([after.profile.mission, after.profile.escalationRoute]).toEqual([
      "Missie van de beheerder.",
      "Unitmanager → regiodirecteur.",
    ]);

    // Both change the mission from the same version: no save, the colleague's text to choose from.
    const from = after.number;
    await saveProfile(
      platformAdmin,
      slug,
      { baseVersion: from, profile: { ...after.profile, mission: "A." }, changeSummary: "A" },
      meta,
    );
    const overlap = await saveMerging(
      platformAdmin,
      slug,
      { baseVersion: from, profile: { ...after.profile, mission: "B." }, changeSummary: "B" },
      meta,
    );
    expect(overlap).toMatchObject({
      ok: false,
      baseVersion: from + 1,
      values: { mission: "B." },
      conflict: { byYou: true, overlaps: [{ unit: "mission", theirs: "A." }] },
    });
    expect((await current(slug)).profile.mission).toBe("A.");

    // A colleague's save is named as theirs.
    const police = await current("politie-westerduin");
    const change = (mission: string) => ({
      baseVersion: police.number,
      profile: { ...police.profile, mission },
      changeSummary: "M",
    });
    await saveProfile(policeAdmin, "politie-westerduin", change("Van de politiebeheerder."), meta);
    const byColleague = await saveMerging(platformAdmin, "politie-westerduin", change("Van het platform."), meta);
    expect(byColleague).toMatchObject({
      ok: false,
      conflict: { byYou: false, authorName: "Erik van Dalen (POL)", overlaps: [{ unit: "mission" }] },
    });
  });

  it("a version that never existed is a bad request, not a server error", async () => {
    const form = new FormData();
    form.set("intent", "save");
    form.set("baseVersion", "9999");
    form.set("changeSummary", "x");
    form.set("profile.mission", "Iets.");
    expect(await thrownStatus(handleProfileForm(platformAdmin, "reclassering-westerduin", form, meta))).toBe(400);
  });
});
