import pg from "pg";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { createClient } from "redis";

import { DatabaseUnavailableError } from "~/db.server";
import { getEnv } from "~/env.server";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";

/**
 * The sign-in throttles, asked by the actions themselves — so they hold for whatever path the
 * router sent there (`/Login`, `/login/`, `/%6Cogin`, `?_data=`) — with their counts in a store
 * every app process shares: PostgreSQL (table "RateLimit"), or Redis when REDIS_URL is set.
 * Only failures count: a right password is never slowed down by its own earlier successes.
 */
/** The library takes either client as it is (`storeClient`). */
type Store = { pool?: pg.Pool; redis?: object };

const store = singleton("throttle-store", (): Store => {
  const env = getEnv();
  if (env.REDIS_URL) {
    const redis = createClient({ url: env.REDIS_URL });
    redis.on("error", (error) => logger.warn({ err: error }, "throttle store (redis) error"));
    void redis.connect();
    return { redis };
  }
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  pool.on("error", (error) => logger.warn({ err: error }, "throttle store (postgres) error"));
  return { pool };
});

function limiter(keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const { pool, redis } = store;
  const options = { keyPrefix, points, duration: durationSeconds };
  return redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true })
    : new RateLimiterPostgres({
        ...options,
        storeClient: pool,
        storeType: "pool",
        tableName: "RateLimit",
        tableCreated: true,
      });
}

const limiters = singleton("throttle-limiters", () => {
  const env = getEnv();
  const window = env.LOGIN_WINDOW_MINUTES * 60;
  return {
    /** Failed sign-ins (passwords and second-factor codes together) per client address. */
    signIn: limiter("sign-in", env.LOGIN_MAX_ATTEMPTS_PER_ADDRESS, window),
    /** Wrong current passwords on /wachtwoord, per account and address. */
    currentPassword: limiter("current-password", env.SECOND_FACTOR_MAX_FAILURES, window),
    /** Attempts refused because a key was throttled, per key (never refuses itself). */
    refusals: limiter("refusals", 2 ** 31 - 1, window),
  };
});

export type Throttle = "signIn" | "currentPassword";

/** Whether this key has used up its failures in the current window. */
export async function isThrottled(throttle: Throttle, key: string): Promise<boolean> {
  const limit = limiters[throttle];
  try {
    const used = await limit.get(key);
    return used !== null && used.consumedPoints >= limit.points;
  } catch (error) {
    logger.warn({ err: error }, "throttle store unavailable");
    throw new DatabaseUnavailableError();
  }
}

/** Counts one failure for this key. */
export async function countFailure(throttle: Throttle, key: string): Promise<void> {
  try {
    await limiters[throttle].consume(key);
  } catch (result) {
    if (result instanceof RateLimiterRes) return; // over the limit: counted, and refused next time
    logger.warn({ err: result }, "throttle store unavailable");
    throw new DatabaseUnavailableError();
  }
}

/**
 * Counts one attempt refused by a throttle and says whether to write it to the audit trail: the
 * 1st, 2nd, 4th, 8th … refusal of a key in a window, with the count so far, so that a flood from
 * one address writes at most log2(n) + 1 rows per window (a million refusals: 21) and the last
 * row says how many there were, to within half.
 */
export async function countRefusal(throttle: Throttle, key: string): Promise<number | null> {
  try {
    const result = await limiters.refusals.consume(`${throttle}:${key}`);
    const n = result.consumedPoints;
    return (n & (n - 1)) === 0 ? n : null;
  } catch (error) {
    logger.warn({ err: error }, "throttle store unavailable");
    throw new DatabaseUnavailableError();
  }
}
