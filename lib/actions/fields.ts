import { z } from "zod";

/**
 * Building blocks for form schemas (zod 4). Forms submit strings, and an empty input arrives
 * as "", so optional fields turn "" into null and required ones say `validation.required`.
 * Messages are translation keys (see lib/actions/zod-issues.ts). Pure: shared with client forms.
 */

export const requiredText = (max = 200) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });

/** An optional text input: "" (or missing) becomes null, so clearing a field clears the value. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

export const emailField = () =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(254, { error: "validation.tooLong" })
    .pipe(z.email({ error: "validation.email" }));

/** A select bound to an enum; "" (nothing chosen) reads as missing. */
export const enumField = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "validation.invalidChoice" });

/** A record id (cuid) from a hidden input or select. */
export const idField = () =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(64);

/** An optional id from a select whose first option is "none" (""). */
export const optionalIdField = () =>
  z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null));

/** A checkbox: present ("on"/"true") is true, absent is false. */
export const checkboxField = () =>
  z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true");

/** A whole number input; an empty input is "required" rather than silently 0. */
export const intField = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z
      .number({
        error: (issue) =>
          issue.input === undefined ? "validation.required" : "validation.invalidNumber",
      })
      .int({ error: "validation.invalidNumber" })
      .min(min, { error: "validation.tooSmall" })
      .max(max, { error: "validation.tooLarge" }),
  );

/** A page number from a query string; anything odd falls back to 1. */
export const pageField = () => z.coerce.number().int().min(1).catch(1);
