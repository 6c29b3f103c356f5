import { describe, expect, it } from "vitest";

import { DEMO_PASSWORD } from "~/domain/demo/demo-data";

import { passwordPolicy } from "./password-policy";

const check = (password: string, demoMode = false) => {
  const result = passwordPolicy({ demoMode, email: "j.jansen@politie.demo" }).safeParse(password);
  return result.success ? "ok" : result.error.issues[0]?.message;
};

describe("password policy (NIST SP 800-63B)", () => {
  it("asks for length, not composition", () => {
    expect(check("kort")).toBe("password.errors.tooShort");
    expect(check("koffie met de hele tafel")).toBe("ok"); // lower case and spaces are fine
    expect(check("x".repeat(129))).toBe("validation.tooLong");
  });

  it("refuses common passwords, and the demo password outside demo mode", () => {
    expect(check("Wachtwoord123")).toBe("password.errors.common");
    expect(check(DEMO_PASSWORD)).toBe("password.errors.common");
    expect(check(DEMO_PASSWORD, true)).toBe("ok");
  });

  it("refuses the e-mail address and passwords of a few repeated characters", () => {
    expect(check("j.jansen-2026-xyz")).toBe("password.errors.containsEmail");
    expect(check("abababababab")).toBe("password.errors.repetitive");
  });
});
