import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

import { generate } from "otplib";

import { DEMO_TOTP_SECRET } from "~/domain/demo/demo-data";

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

export const currentStep = (now = Date.now()) => Math.floor(now / PERIOD_MS);

/**
 * A time step for the next second-factor code of an account: the current one, or a later one when
 * this process already used it (a code counts once per account).
 */
export function claimStep(email: string): number {
  const step = Math.max(currentStep(), (lastStep.get(email) ?? 0) + 1);
  lastStep.set(email, step);
  return step;
}

/**
 * The same, for Playwright's workers, which sign in as the same demo user at the same moment: one
 * file per account and step in the run's own directory (`TOTP_CLAIMS_DIR`, made by
 * playwright.config.ts), created exclusively, so no two workers send the same code.
 */
export function claimStepAcrossWorkers(email: string): number {
  const dir = process.env.TOTP_CLAIMS_DIR;
  if (!dir) return claimStep(email);
  mkdirSync(dir, { recursive: true });
  let step = Math.max(currentStep(), (lastStep.get(email) ?? 0) + 1);
  for (;;) {
    try {
      closeSync(openSync(path.join(dir, `${encodeURIComponent(email)}-${step}`), "wx"));
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
