import type { AppLoadContext } from "@remix-run/node";

/**
 * Where and when someone acts: the client address (for the audit trail) and, in tests, a
 * controlled clock. Built once per request from the load context (`actingFrom`) and once per
 * socket (live-commands.server.ts); every domain function that audits takes it.
 */
export type Acting = { clientAddress: string | null; now?: Date };

export function actingFrom(context: Pick<AppLoadContext, "clientAddress">): Acting {
  return { clientAddress: context.clientAddress };
}
