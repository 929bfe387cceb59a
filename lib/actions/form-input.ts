/**
 * FormData → plain object for zod, and the echo of submitted values. Pure.
 */

// Fields whose content must never travel back to the browser in an action result.
const SECRET_FIELD = /pass(word)?|secret|token/i;

/** Next.js adds `$ACTION_*` fields for progressively enhanced forms; they are not user input. */
const isFrameworkField = (name: string) => name.startsWith("$ACTION");

/** One value per name stays a string (or File); repeated names become arrays (checkbox groups). */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(formData.keys())) {
    if (isFrameworkField(name)) continue;
    const all = formData.getAll(name);
    out[name] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** The submitted text values, minus secrets, for `ActionResult.values`. */
export function echoValues(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (isFrameworkField(name) || SECRET_FIELD.test(name)) continue;
    if (typeof value === "string") values[name] = value;
    else if (typeof value === "number" || typeof value === "boolean") values[name] = String(value);
    else if (Array.isArray(value))
      values[name] = value.filter((v) => typeof v === "string").join(",");
  }
  return values;
}
