import { databaseIsReachable } from "~/server/health.server";

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export async function loader() {
  const database = await databaseIsReachable();
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
