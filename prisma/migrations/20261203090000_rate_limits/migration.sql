-- Counters of the sign-in throttles (rate-limiter-flexible's PostgreSQL store), shared by every
-- app process: failed sign-ins per address, failed current-password checks per account and address.
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
