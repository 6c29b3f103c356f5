import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "./env.server";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("fills in defaults for a fresh machine", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "production",
      PORT: 3000,
      DATA_DIR: ".data",
      SESSION_IDLE_MINUTES: 30,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names a malformed PORT", () => {
    expect(problemsOf({ PORT: "drieduizend" })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it("names a DATABASE_URL that is not a PostgreSQL address", () => {
    expect(problemsOf({ NODE_ENV: "development", DATABASE_URL: "mysql://root@localhost/x" })).toEqual([
      expect.stringMatching(/^DATABASE_URL: .*postgresql/),
    ]);
  });

  it("requires SESSION_SECRET in production with an own database", () => {
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@db:5432/ao" })).toEqual([
      expect.stringMatching(/^SESSION_SECRET: /),
    ]);
  });

  it("refuses a short SESSION_SECRET and a bad DEMO_MODE together, naming both", () => {
    const problems = problemsOf({ SESSION_SECRET: "kort", DEMO_MODE: "misschien" });
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/SESSION_SECRET/);
    expect(problems.join("\n")).toMatch(/DEMO_MODE/);
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("parses flags and numbers", () => {
    const env = parseEnv({ DEMO_MODE: "false", TRUST_PROXY: "1", SESSION_IDLE_MINUTES: "5" });
    expect(env).toMatchObject({ DEMO_MODE: false, TRUST_PROXY: true, SESSION_IDLE_MINUTES: 5 });
  });
});
