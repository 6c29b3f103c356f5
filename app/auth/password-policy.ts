import { z } from "zod";

import { DEMO_PASSWORD } from "~/domain/demo/demo-data";

/**
 * NIST SP 800-63B: length over composition (at least 12 characters here, long passphrases
 * welcome), no composition rules, and no password that attackers try first: the most common
 * passwords (Dutch and international, lower-cased comparison) and, outside demo mode, the demo
 * password. A short list is enough to stop the obvious; the length does the rest.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "qwertyuiop12",
  "wachtwoord12",
  "wachtwoord123",
  "wachtwoord1234",
  "welkom123456",
  "welkomwelkom",
  "password1234",
  "password12345",
  "passwordpassword",
  "iloveyou1234",
  "qwerty123456",
  "abcdefghijkl",
  "aaaaaaaaaaaa",
  "111111111111",
  "000000000000",
  "123123123123",
  "zomer2026zomer",
  "winter2026winter",
  "voorjaar2026",
  "najaar2026!!",
  "amsterdam123",
  "rotterdam123",
  "nederland123",
  "feyenoord123",
  "ajaxamsterdam",
  "veiligthuis1",
  "politie12345",
  "reclassering1",
  "actieoverleg",
  "actie-overleg",
  "geheimgeheim",
  "changeme1234",
  "letmein12345",
  "administrator",
  DEMO_PASSWORD,
]);

export function passwordPolicy({ demoMode, email }: { demoMode: boolean; email: string }) {
  return z
    .string()
    .min(PASSWORD_MIN, "password.errors.tooShort")
    .max(PASSWORD_MAX, "validation.tooLong")
    .superRefine((password, ctx) => {
      const lower = password.toLowerCase();
      const common = COMMON.has(lower) && !(demoMode && lower === DEMO_PASSWORD);
      if (common) ctx.addIssue({ code: "custom", message: "password.errors.common" });
      else if (lower.includes(email.toLowerCase().split("@")[0] ?? "\u0000") || lower === email.toLowerCase())
        ctx.addIssue({ code: "custom", message: "password.errors.containsEmail" });
      else if (new Set(lower).size < 4) ctx.addIssue({ code: "custom", message: "password.errors.repetitive" });
    });
}
