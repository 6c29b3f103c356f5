import { createHash, randomInt } from "node:crypto";

import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

import { actorOf, recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { getEnv } from "~/env.server";
import type { Role } from "~/generated/prisma/client";

import type { SessionUser } from "./session.server";

/** Who cannot get past login without a second factor; members may enrol. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["PLATFORM_ADMIN", "ORG_ADMIN", "CHAIR"];

export const requiresSecondFactor = (roles: readonly Role[]) => roles.some((r) => SECOND_FACTOR_ROLES.includes(r));

const ISSUER = "Actie-overleg";
/** One 30-second step either way: a phone clock a little off, a code typed at the turn. */
const EPOCH_TOLERANCE_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
const RECOVERY_LENGTH = 12; // 31^12 ≈ 2^59

export type SecondFactorStep = "none" | "verify" | "enrol";

/** What the login needs after a correct password. */
export async function secondFactorStep(user: { id: string; roles: readonly Role[] }): Promise<SecondFactorStep> {
  const row = await prisma.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
  if (row?.enabledAt) return "verify";
  return requiresSecondFactor(user.roles) ? "enrol" : "none";
}

export async function secondFactorStatus(user: SessionUser) {
  const row = await prisma.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
  const recoveryCodesLeft = row?.enabledAt
    ? await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })
    : 0;
  return {
    enabledAt: row?.enabledAt?.toISOString() ?? null,
    required: requiresSecondFactor(user.roles),
    recoveryCodesLeft,
  };
}

/**
 * Whether the account's second factor was confirmed after `since` (the start of a half-open
 * session): enrolment ends with a correct code, so that session may become a full one.
 */
export async function enrolledSince(userId: string, since: Date): Promise<boolean> {
  const row = await prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt && row.enabledAt >= since);
}

export type Enrolment = { secret: string; uri: string; qrCode: string };

/**
 * Starts (or shows again) an enrolment: a new secret, kept unconfirmed until a first correct code.
 * Reloading the page shows the same secret, so a half-scanned QR code stays valid.
 */
export async function beginEnrolment(user: Pick<SessionUser, "id" | "email">): Promise<Enrolment | null> {
  const existing = await prisma.twoFactor.findUnique({ where: { userId: user.id } });
  if (existing?.enabledAt) return null;
  const secret = existing?.secret ?? generateSecret();
  if (!existing) await prisma.twoFactor.create({ data: { userId: user.id, secret } });
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

type CodeCheck = { ok: true; timeStep: number } | { ok: false; reason: "invalid" | "replayed" };

async function checkTotp(secret: string, code: string, lastTimeStep: number | null, now: Date): Promise<CodeCheck> {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
    });
    // The result type also covers HOTP; a TOTP result carries its time step.
    if (!result.valid || !("timeStep" in result)) return { ok: false, reason: "invalid" };
    if (lastTimeStep !== null && result.timeStep <= lastTimeStep) return { ok: false, reason: "replayed" };
    return { ok: true, timeStep: result.timeStep };
  } catch {
    // otplib throws on malformed input; for the user it is simply a wrong code.
    return { ok: false, reason: "invalid" };
  }
}

/** Spaces, dashes and case do not matter in a recovery code. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

const hashRecoveryCode = (code: string) => createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = Array.from({ length: RECOVERY_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return [0, 4, 8].map((i) => raw.slice(i, i + 4).join("")).join("-");
  });
}

async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((code) => ({ userId, hash: hashRecoveryCode(code) })) }),
  ]);
  return codes;
}

/** Confirms an enrolment with the first code from the app; returns the recovery codes (shown once). */
export async function confirmEnrolment(
  user: Pick<SessionUser, "id" | "organisation">,
  code: string,
  meta: Acting,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: "invalid" | "replayed" | "none" }> {
  const now = meta.now ?? new Date();
  const row = await prisma.twoFactor.findUnique({ where: { userId: user.id } });
  if (!row || row.enabledAt) return { ok: false, reason: "none" };
  const check = await checkTotp(row.secret, code.trim(), row.lastTimeStep, now);
  if (!check.ok) return check;
  const confirmed = await prisma.twoFactor.updateMany({
    where: { userId: user.id, enabledAt: null },
    data: { enabledAt: now, lastTimeStep: check.timeStep },
  });
  if (confirmed.count === 0) return { ok: false, reason: "none" };
  const recoveryCodes = await replaceRecoveryCodes(user.id);
  await recordAudit({
    actor: actorOf(user),
    action: "auth.totp.enrolled",
    subjectType: "User",
    subjectId: user.id,
    clientAddress: meta.clientAddress,
    at: now,
  });
  return { ok: true, recoveryCodes };
}

/**
 * Until when the second step of this account is locked after too many wrong codes (counted from
 * the audit trail since the last correct one, like the password lock), or null.
 */
async function lockedUntil(userId: string, now: Date): Promise<Date | null> {
  const { LOGIN_WINDOW_MINUTES, SECOND_FACTOR_MAX_FAILURES } = getEnv();
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const lastSuccess = await prisma.auditEvent.findFirst({
    where: { action: "auth.totp.verified", subjectType: "User", subjectId: userId, occurredAt: { gte: windowStart } },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
  const failures = await prisma.auditEvent.findMany({
    where: {
      action: "auth.totp.failed",
      subjectType: "User",
      subjectId: userId,
      occurredAt: { gt: lastSuccess?.occurredAt ?? windowStart },
    },
    orderBy: { occurredAt: "asc" },
    select: { occurredAt: true },
  });
  if (failures.length < SECOND_FACTOR_MAX_FAILURES) return null;
  return new Date((failures[0] as { occurredAt: Date }).occurredAt.getTime() + LOGIN_WINDOW_MINUTES * 60_000);
}

export type VerifyResult =
  | { ok: true; via: "totp" | "recovery-code" }
  | { ok: false; reason: "invalid" | "replayed" | "not-enrolled" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * Checks a code from the app (six digits) or a recovery code. A TOTP code counts once: its time
 * step must be newer than the last accepted one (the update is conditional, so two requests racing
 * with the same code cannot both pass). A recovery code is spent on use.
 */
export async function verifySecondFactor(
  user: Pick<SessionUser, "id" | "organisation">,
  code: string,
  meta: Acting,
): Promise<VerifyResult> {
  const now = meta.now ?? new Date();
  const audit = {
    actor: actorOf(user),
    subjectType: "User",
    subjectId: user.id,
    clientAddress: meta.clientAddress,
    at: now,
  };
  const locked = await lockedUntil(user.id, now);
  if (locked) {
    await recordAudit({ ...audit, action: "auth.totp.throttled" });
    const retryAfterMinutes = Math.max(1, Math.ceil((locked.getTime() - now.getTime()) / 60_000));
    return { ok: false, reason: "throttled", retryAfterMinutes };
  }
  const row = await prisma.twoFactor.findUnique({ where: { userId: user.id } });
  if (!row?.enabledAt) return { ok: false, reason: "not-enrolled" };

  const trimmed = code.trim();
  let result: VerifyResult;
  if (/^\d{6}$/.test(trimmed)) {
    const check = await checkTotp(row.secret, trimmed, row.lastTimeStep, now);
    if (check.ok) {
      const accepted = await prisma.twoFactor.updateMany({
        where: {
          userId: user.id,
          OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: check.timeStep } }],
        },
        data: { lastTimeStep: check.timeStep },
      });
      result = accepted.count === 1 ? { ok: true, via: "totp" } : { ok: false, reason: "replayed" };
    } else {
      result = check;
    }
  } else {
    const normalised = normaliseRecoveryCode(trimmed);
    const spent =
      normalised.length === RECOVERY_LENGTH
        ? await prisma.recoveryCode.updateMany({
            where: { userId: user.id, hash: hashRecoveryCode(normalised), usedAt: null },
            data: { usedAt: now },
          })
        : { count: 0 };
    result = spent.count === 1 ? { ok: true, via: "recovery-code" } : { ok: false, reason: "invalid" };
  }

  if (result.ok) {
    await recordAudit({ ...audit, action: "auth.totp.verified", details: { via: result.via } });
  } else if (result.reason !== "replayed") {
    await recordAudit({ ...audit, action: "auth.totp.failed" });
  }
  return result;
}

/** New recovery codes (the old ones stop working) after a correct code. */
export async function regenerateRecoveryCodes(
  user: Pick<SessionUser, "id" | "organisation">,
  code: string,
  meta: Acting,
): Promise<{ ok: true; recoveryCodes: string[] } | Extract<VerifyResult, { ok: false }>> {
  const verified = await verifySecondFactor(user, code, meta);
  if (!verified.ok) return verified;
  const recoveryCodes = await replaceRecoveryCodes(user.id);
  await recordAudit({
    actor: actorOf(user),
    action: "auth.recovery-codes.renewed",
    subjectType: "User",
    subjectId: user.id,
    clientAddress: meta.clientAddress,
    at: meta.now,
  });
  return { ok: true, recoveryCodes };
}

/** Turns the second factor off, for a member only (for the other roles it is mandatory). */
export async function disableSecondFactor(
  user: Pick<SessionUser, "id" | "organisation" | "roles">,
  code: string,
  meta: Acting,
): Promise<{ ok: true } | Extract<VerifyResult, { ok: false }> | { ok: false; reason: "required" }> {
  if (requiresSecondFactor(user.roles)) return { ok: false, reason: "required" };
  const verified = await verifySecondFactor(user, code, meta);
  if (!verified.ok) return verified;
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId: user.id } }),
    prisma.twoFactor.deleteMany({ where: { userId: user.id } }),
  ]);
  await recordAudit({
    actor: actorOf(user),
    action: "auth.totp.disabled",
    subjectType: "User",
    subjectId: user.id,
    clientAddress: meta.clientAddress,
    at: meta.now,
  });
  return { ok: true };
}
