import { randomBytes } from "node:crypto";

import type { TestProject } from "vitest/node";

import { dropDatabasesWithPrefix, ensureTemplate } from "./database";
import { resolveTestServer } from "./test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabaseUrl: string;
    templateDatabase: string;
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveTestServer();
  const template = await ensureTemplate(server.url);
  const prefix = `ao_test_${randomBytes(3).toString("hex")}`;
  project.provide("baseDatabaseUrl", server.url);
  project.provide("templateDatabase", template);
  project.provide("databasePrefix", prefix);
  return async () => {
    await dropDatabasesWithPrefix(server.url, prefix);
    await server.stop();
  };
}
