import type { z } from "zod";

/**
 * Turns zod issues into translation keys (with ICU parameters), so that the server action
 * wrapper and client-side forms show the same message in the user's language.
 *
 * A schema may name its own key (`{ error: "validation.passwordWeak" }`); any other issue is
 * mapped by its code. Pure: imported by client components too.
 */
export type MessageDescriptor = { key: string; params?: Record<string, string | number> };

// A custom message is a dotted key without spaces ("validation.required"); zod's own English
// messages always contain spaces, so they never match.
const MESSAGE_KEY = /^[a-z][A-Za-z0-9-]*(\.[A-Za-z0-9_-]+)+$/;

function limitParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (issue.code === "too_small") params.min = Number(issue.minimum);
  if (issue.code === "too_big") params.max = Number(issue.maximum);
  return params;
}

export function describeIssue(issue: z.core.$ZodIssue): MessageDescriptor {
  const params = limitParams(issue);
  if (MESSAGE_KEY.test(issue.message)) return { key: issue.message, params };
  switch (issue.code) {
    case "invalid_type":
      // Without `reportInput` zod cannot tell "missing" from "wrong type"; from a form it is
      // almost always a missing field.
      return { key: "validation.required" };
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? { key: "validation.required" }
          : { key: "validation.tooShort", params };
      }
      if (issue.origin === "array" || issue.origin === "set")
        return { key: "validation.tooFew", params };
      return { key: "validation.tooSmall", params };
    case "too_big":
      if (issue.origin === "string") return { key: "validation.tooLong", params };
      if (issue.origin === "array" || issue.origin === "set")
        return { key: "validation.tooMany", params };
      return { key: "validation.tooLarge", params };
    case "invalid_format":
      if (issue.format === "email") return { key: "validation.email" };
      if (issue.format === "url") return { key: "validation.url" };
      return { key: "validation.invalidFormat" };
    case "invalid_value":
      return { key: "validation.invalidChoice" };
    case "not_multiple_of":
      return { key: "validation.invalidNumber" };
    default:
      return { key: "validation.invalid" };
  }
}

export type DescribedIssues = {
  /** Keyed by the dotted path of the field, e.g. `email` or `members.2.email`. */
  fieldErrors: Record<string, MessageDescriptor[]>;
  /** Issues about the whole input (empty path). */
  formErrors: MessageDescriptor[];
};

export function describeIssues(error: z.ZodError): DescribedIssues {
  const fieldErrors: Record<string, MessageDescriptor[]> = {};
  const formErrors: MessageDescriptor[] = [];
  for (const issue of error.issues) {
    const descriptor = describeIssue(issue);
    if (issue.path.length === 0) {
      formErrors.push(descriptor);
      continue;
    }
    const field = issue.path.map(String).join(".");
    const list = (fieldErrors[field] ??= []);
    // One message per key per field is enough for a reader.
    if (!list.some((d) => d.key === descriptor.key)) list.push(descriptor);
  }
  return { fieldErrors, formErrors };
}

/** The part of a next-intl translator the helpers need (server: createTranslator; client: useTranslations()). */
export type KeyTranslator = {
  (key: string, params?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export function translateDescriptor(
  t: KeyTranslator,
  descriptor: MessageDescriptor,
  fallbackKey: string,
): string {
  return t.has(descriptor.key) ? t(descriptor.key, descriptor.params) : t(fallbackKey);
}

/** Field errors as `ActionResult.fieldErrors`: translated, in the user's language. */
export function translateFieldErrors(
  t: KeyTranslator,
  fieldErrors: Record<string, MessageDescriptor[]>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, descriptors] of Object.entries(fieldErrors)) {
    out[field] = descriptors.map((d) => translateDescriptor(t, d, "validation.invalid"));
  }
  return out;
}
