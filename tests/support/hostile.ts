/** Random and hostile input for the fuzz tests (fast-check arbitraries). */
import fc from "fast-check";

/** Markers that must never come back as markup from a page. */
export const SCRIPT_MARKERS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"] as const;

const known = fc.constantFrom(
  ...SCRIPT_MARKERS,
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "' OR 1=1 --",
  '\'; DROP TABLE "Case"; --',
  "1; SELECT pg_sleep(5)",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "\u0000",
  "\u202eevil",
  "𝕏😀👨‍👩‍👧",
  "Ａ１２３",
  "../../etc/passwd",
  "${7*7}{{7*7}}",
  "%00%0d%0a",
  "\r\nSet-Cookie: x=1",
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "9".repeat(400),
  "2026-02-30",
  "",
  " ",
);

/** Up to 100 000 characters: far above every field limit, below the request size limit. */
const huge = fc.integer({ min: 1_000, max: 100_000 }).map((n) => "ä<".repeat(n / 2));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: known },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: huge },
);

/** Any JSON-ish value: wrong types, nesting, hostile strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

const pollution = [
  '{"__proto__":{"polluted":"yes","isChair":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
] as const;

/** An object with an own "__proto__" or "constructor.prototype" key, as JSON.parse makes it. */
export const pollutingObject = fc.constantFrom(...pollution).map((json) => JSON.parse(json) as Record<string, unknown>);

/**
 * A payload shaped like `valid` with some fields replaced by hostile values, sometimes with
 * unknown or polluting keys added, sometimes not an object at all.
 */
export function hostilePayload(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  if (keys.length === 0) return fc.oneof(pollutingObject, fc.anything({ maxDepth: 3 }));
  const mutated = fc
    .record({
      replace: fc.subarray(keys, { minLength: 1 }),
      values: fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }),
      extra: fc.option(fc.oneof(pollutingObject, fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }))),
    })
    .map(({ replace, values, extra }) => {
      const payload: Record<string, unknown> = { ...valid };
      replace.forEach((k, i) => (payload[k] = values[i]));
      if (extra)
        for (const k of Object.keys(extra)) Object.defineProperty(payload, k, { value: extra[k], enumerable: true });
      return payload;
    });
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) });
}

/** Form fields shaped like `valid`: hostile strings, repeated values, unknown and polluting names. */
export function hostileForm(valid: Record<string, string | string[]>): fc.Arbitrary<Record<string, string | string[]>> {
  const keys = Object.keys(valid);
  const formValue = fc.oneof(
    { weight: 4, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  );
  return fc
    .record({
      replace: fc.subarray(keys),
      values: fc.array(formValue, { minLength: keys.length, maxLength: keys.length }),
      extra: fc.dictionary(
        fc.oneof(
          fc.constantFrom("__proto__", "constructor[prototype][x]", "__proto__[polluted]", "intent"),
          hostileString,
        ),
        formValue,
        { maxKeys: 3 },
      ),
    })
    .map(({ replace, values, extra }) => {
      const form: Record<string, string | string[]> = { ...valid };
      replace.forEach((k, i) => (form[k] = values[i] as string | string[]));
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(form, k, { value: v, enumerable: true });
      return form;
    });
}
