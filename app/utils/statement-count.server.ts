import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync } from "node:fs";

import { singleton } from "./singleton.server";

/**
 * Counts the SQL statements one request runs, for `npm run bench:pages`: on only when the server
 * starts with SQL_STATEMENT_COUNTER=1 (the Prisma client then logs query events, and each response
 * carries `X-Sql-Statements`). Off in every other run: no logging, no header.
 */
export const statementCountEnabled = () => process.env.SQL_STATEMENT_COUNTER === "1";

const storage = singleton("statement-count", () => new AsyncLocalStorage<{ count: number }>());

/** With SQL_STATEMENT_LOG=<file> as well, each counted statement is appended there (to see which). */
export function countStatement(query?: string): void {
  const store = storage.getStore();
  if (!store) return;
  store.count++;
  const file = process.env.SQL_STATEMENT_LOG;
  if (file && query) appendFileSync(file, `${store.count}\t${query.replace(/\s+/g, " ")}\n`);
}

export function withStatementCount<T>(run: (store: { count: number }) => T): T {
  const store = { count: 0 };
  return storage.run(store, () => run(store));
}
