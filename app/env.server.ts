import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: "moet true of false zijn",
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: "moet een getal zijn" })
    .int("moet een geheel getal zijn")
    .positive("moet groter dan 0 zijn")
    .default(fallback);

/**
 * Every setting the app reads, parsed once at boot. A missing or malformed value stops the start
 * with a message that names the variable. `.env.example` documents each.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number({ error: "moet een poortnummer zijn" }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** When unset, an embedded PostgreSQL is started with its data under DATA_DIR. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "moet een postgresql://-adres zijn" }).optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    /** At least 32 characters; generated and kept in DATA_DIR when the embedded database is used. */
    SESSION_SECRET: z.string().min(32, "moet minstens 32 tekens lang zijn").optional(),
    /** Seed the fictional demo region. Default: on with the embedded database, off with DATABASE_URL. */
    DEMO_MODE: booleanFlag.optional(),
    SESSION_IDLE_MINUTES: positiveInt(30),
    SESSION_MAX_HOURS: positiveInt(12),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: positiveInt(30),
    LOGIN_WINDOW_MINUTES: positiveInt(15),
    /** Minutes between the password and the second factor before the half-open session ends. */
    SECOND_FACTOR_MINUTES: positiveInt(10),
    /** Wrong second-factor codes per account within LOGIN_WINDOW_MINUTES before a lock. */
    SECOND_FACTOR_MAX_FAILURES: positiveInt(5),
    /** A role profile not reviewed for this many months is marked outdated. */
    PROFILE_REVIEW_MONTHS: positiveInt(6),
    TRUST_PROXY: booleanFlag.default(false),
    /**
     * How several app processes share live events: "memory" (one process), "postgres" (LISTEN/NOTIFY
     * on DATABASE_URL) or "redis" (needs REDIS_URL). Default: redis when REDIS_URL is set, else memory.
     */
    REALTIME_ADAPTER: z
      .enum(["memory", "postgres", "redis"], { error: "moet memory, postgres of redis zijn" })
      .optional(),
    /** A database statement running longer than this is cancelled and the request answers 503. */
    DATABASE_STATEMENT_TIMEOUT_SECONDS: positiveInt(10),
    /** An action this many days past its due date is an escalation signal on its case (default 14). */
    ESCALATION_OVERDUE_DAYS: positiveInt(14),
    /** Months after closing that a case's content is erased by the retention job (default 12). */
    RETENTION_MONTHS: positiveInt(12),
    /** How often the sessions behind open sockets are re-validated (expiry, idle, deleted). */
    REALTIME_SESSION_RECHECK_SECONDS: positiveInt(15),
    /**
     * Events one socket may send per 10 seconds (default 200: a chair clicking through the agenda
     * sends a few a second). More are refused with an acknowledgement that says so.
     */
    REALTIME_EVENTS_PER_10S: positiveInt(200),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "moet een redis://-adres zijn" }).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.REALTIME_ADAPTER === "redis" && !env.REDIS_URL) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is verplicht met REALTIME_ADAPTER=redis" });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is verplicht in productie met een eigen DATABASE_URL",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable counts as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(configuratie)"}: ${issue.message}`),
    );
  }
  return result.data;
}

let current: Env | undefined;

/** The parsed configuration; parses process.env on first use. */
export function getEnv(): Env {
  current ??= parseEnv(process.env);
  return current;
}
