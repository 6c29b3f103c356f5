import { describe, expect, it } from "vitest";

import { parseLoginForm } from "./login-form.server";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe("parseLoginForm", () => {
  it("accepts a work e-mail address and a password, trimming the address", () => {
    const result = parseLoginForm(form({ email: "  medewerker@politie.demo ", password: "x" }));
    expect(result).toEqual({
      ok: true,
      data: { email: "medewerker@politie.demo", password: "x", redirectTo: undefined },
    });
  });

  it("reports each missing field with its own message key", () => {
    const result = parseLoginForm(form({ email: "", password: "" }));
    expect(result).toEqual({
      ok: false,
      email: "",
      errors: { email: "login.errors.emailRequired", password: "login.errors.passwordRequired" },
    });
  });

  it("keeps the typed address when it is invalid", () => {
    const result = parseLoginForm(form({ email: "geen-adres", password: "x" }));
    expect(result).toMatchObject({ ok: false, email: "geen-adres", errors: { email: "login.errors.emailInvalid" } });
  });

  it("refuses an over-long password without hashing it", () => {
    const result = parseLoginForm(form({ email: "a@b.nl", password: "x".repeat(201) }));
    expect(result).toMatchObject({ ok: false, errors: { password: "login.errors.passwordTooLong" } });
  });

  it("treats a missing field (not a string) as empty", () => {
    const result = parseLoginForm(new FormData());
    expect(result.ok).toBe(false);
  });
});
