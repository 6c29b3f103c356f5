import { pino } from "pino";

import { singleton } from "./singleton.server";

/** One pino logger per process, shared by the server entry, the request log and the app. */
export const logger = singleton("logger", () =>
  pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "actie-overleg" } }),
);
