import { closeSync, mkdirSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { generate } from "otplib";

import { DEMO_TOTP_SECRET } from "~/domain/demo/demo-data";

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

export const currentStep = (now = Date.now()) => Math.floor(now / PERIOD_MS);

/**
 * Claims are shared by every test process on this machine (Playwright's workers, vitest's files):
 * one file per account and step, created exclusively, so two workers signing in as the same demo
 * user never send the same code (the server accepts a code once per account).
 */
const CLAIMS = path.join(tmpdir(), "actie-overleg-totp-claims");

/**
 * A time step for the next second-factor code of an account: the current one, or a later one when
 * it was already used (by this process or another).
 */
export function claimStep(email: string): number {
  mkdirSync(CLAIMS, { recursive: true });
  let step = Math.max(currentStep(), (lastStep.get(email) ?? 0) + 1);
  for (;;) {
    try {
      closeSync(openSync(path.join(CLAIMS, `${encodeURIComponent(email)}-${step}`), "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      step++;
    }
  }
  lastStep.set(email, step);
  return step;
}

/** The code an authenticator app with `secret` shows during `step`. */
export function codeAt(step: number, secret = DEMO_TOTP_SECRET): Promise<string> {
  return generate({ secret, epoch: step * (PERIOD_MS / 1000) });
}

/** A moment inside a time step. */
export const timeOf = (step: number) => new Date(step * PERIOD_MS + 1_000);

/** Waits until `step` is at most one step ahead of the clock (the server accepts ±1 step). */
export async function waitUntilAcceptable(step: number): Promise<void> {
  const wait = (step - 1) * PERIOD_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
}
