import { z } from "zod";

import { OrganisationKind } from "~/generated/prisma/enums";

/** `/organisaties?q=&soort=&regio=&pagina=`: unknown or malformed values fall back to "all". */
export const directoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  soort: z.enum(OrganisationKind).optional().catch(undefined),
  regio: z.string().trim().max(100).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export function parseDirectoryQuery(url: URL) {
  const raw = Object.fromEntries(
    ["q", "soort", "regio", "pagina"].map((k) => [k, url.searchParams.get(k) || undefined]),
  );
  const parsed = directoryQuerySchema.parse(raw);
  return { q: parsed.q || undefined, kind: parsed.soort, region: parsed.regio || undefined, page: parsed.pagina };
}

/** `/organisaties/vergelijk?o=a&o=b`: two to four different organisations. */
export const compareQuerySchema = z
  .array(z.string().regex(/^[a-z0-9-]{1,80}$/))
  .min(2)
  .max(4)
  .refine((slugs) => new Set(slugs).size === slugs.length);

/** `/organisaties/<slug>/versies?van=&naar=`. */
export const historyQuerySchema = z.object({
  van: z.coerce.number().int().min(0).optional().catch(undefined),
  naar: z.coerce.number().int().min(1).optional().catch(undefined),
});
