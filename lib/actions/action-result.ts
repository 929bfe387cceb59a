/**
 * The one result type of every server action (useActionState state). Messages are already
 * translated into the user's language; `values` echoes what was submitted (never passwords) so
 * React 19's automatic form reset does not wipe what the user typed.
 */
export type ActionResult = {
  ok: boolean;
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  /** Machine-readable reason of a refusal, e.g. `FORBIDDEN`, `UNAUTHENTICATED`, `EMAIL_TAKEN`. */
  errorCode?: string;
  values?: Record<string, string>;
  message?: string;
};

export const initialActionResult: ActionResult = { ok: false };
