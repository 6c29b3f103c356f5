/** A form field as text: a file or a missing field is the empty string. */
export const formText = (value: FormDataEntryValue | null): string => (typeof value === "string" ? value : "");
