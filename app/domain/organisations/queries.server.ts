import { z } from "zod";

import { OrganisationKind } from "~/generated/prisma/enums";

/** `/organisaties?q=&soort=&regio=&pagina=`: unknown or malformed values fall back to "all". */
export const directoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(OrganisationKind).optional().catch(undefined),
  region: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export function parseDirectoryQuery(params: Partial<Record<"q" | "kind" | "region" | "page", string>>) {
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v || undefined]));
  const parsed = directoryQuerySchema.parse(raw);
  return { q: parsed.q || undefined, kind: parsed.kind, region: parsed.region || undefined, page: parsed.page };
}

/** `/organisaties/vergelijk?o=a&o=b`: two to four different organisations. */
export const compareQuerySchema = z
  .array(z.string().regex(/^[a-z0-9-]{1,80}$/))
  .min(2)
  .max(4)
  .refine((slugs) => new Set(slugs).size === slugs.length);

/** A version comparison (`/organisaties/<slug>/versies`, named in Dutch there: url-words.ts). */
export const historyQuerySchema = z.object({
  from: z.coerce.number().int().min(0).optional().catch(undefined),
  to: z.coerce.number().int().min(1).optional().catch(undefined),
});
