import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { notFound } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";

import { withDomainErrors } from "./domain-errors.server";

/** A build with one route whose loader throws `error`. */
function buildThrowing(error: unknown): ServerBuild {
  const loader = () => {
    throw error;
  };
  return { routes: { r: { id: "r", path: "r", module: { loader } } } } as unknown as ServerBuild;
}

async function statusOf(error: unknown): Promise<number | string> {
  const route = withDomainErrors(buildThrowing(error)).routes.r;
  try {
    await (route?.module.loader as (args: unknown) => unknown)({});
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : "not mapped";
  }
  return 200;
}

describe("domain errors over HTTP", () => {
  it("maps a domain refusal to its status", async () => {
    expect(await statusOf(notFound())).toBe(404);
  });

  it("answers a row that vanished meanwhile (Prisma P2025) with 404, not 500", async () => {
    const vanished = new Prisma.PrismaClientKnownRequestError("No record was found", {
      code: "P2025",
      clientVersion: Prisma.prismaVersion.client,
    });
    expect(await statusOf(vanished)).toBe(404);
  });

  it("leaves any other error alone (a real fault stays a 500 in the logs)", async () => {
    const other = new Prisma.PrismaClientKnownRequestError("Unique constraint", {
      code: "P2002",
      clientVersion: Prisma.prismaVersion.client,
    });
    expect(await statusOf(other)).toBe("not mapped");
    expect(await statusOf(new Error("boom"))).toBe("not mapped");
  });
});
