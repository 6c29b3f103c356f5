import type { Translation } from "./locales/nl";
import nl from "./locales/nl";

/** A key's plural forms (`count_one`, `count_other`) are asked for by their base name (`count`). */
type Base<K extends string> = K extends `${infer B}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? B : K;

type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key in the translation files, typed from the Dutch one: a misspelt key does not compile. */
export type TranslationKey = Paths<Translation>;

export type TranslationValues = Record<string, string | number | Date | undefined | null>;

/** The translation function with typed keys. */
export type Translate = (key: TranslationKey, values?: TranslationValues) => string;

/** Where a key comes from data (an error's key, an audit action), say so once, here. */
export function asKey(key: string): TranslationKey {
  return key as TranslationKey;
}

/** Whether a value from outside (an error body, a stored code) is a key we can show. */
export function hasKey(value: unknown): value is TranslationKey {
  if (typeof value !== "string" || !/^[a-z][A-Za-z0-9_.]*$/.test(value)) return false;
  let node: unknown = nl;
  for (const part of value.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}
