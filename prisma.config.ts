import { defineConfig } from "prisma/config";

import { migrationAdapterFactory } from "./prisma/migration-adapter";

// Without a DATABASE_URL (fresh clone, `npm ci`), Prisma 6.19 falls back to downloading native
// engines; a harmless placeholder keeps `prisma generate` offline. Commands that talk to a
// database get the real URL from scripts/with-database.ts.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => migrationAdapterFactory(process.env.DATABASE_URL as string),
});
