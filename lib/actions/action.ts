import "server-only";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import { DomainError, ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { isAppLocale, routing, type AppLocale } from "@/lib/i18n/routing";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/auth/client-ip";
import type { ActionResult } from "@/lib/actions/action-result";
import { echoValues, formDataToObject } from "@/lib/actions/form-input";
import {
  describeIssues,
  translateDescriptor,
  translateFieldErrors,
} from "@/lib/actions/zod-issues";
import { serverTranslator, type Translate } from "@/lib/actions/translator";

export type { ActionResult } from "@/lib/actions/action-result";
export { initialActionResult } from "@/lib/actions/action-result";

/**
 * Every server action goes through here: authenticate → authorize (permission table) →
 * validate (zod) → handler → translated result. The permission is a required field, so an
 * action cannot forget it; `"public"` is the explicit opt-out for sign-up and the like.
 *
 * The core (`runAction`) takes the user and locale as arguments and touches nothing of Next.js,
 * so tests call it directly; `createAction` is the thin shell that resolves the current user
 * and locale from the request and performs the effects (revalidate, redirect).
 */
export type ActionPermission = Permission | "public";

export type ActionUser<P extends ActionPermission> = P extends "public"
  ? CurrentUser | null
  : CurrentUser;

export type ActionContext = {
  locale: AppLocale;
  /** The client's address, for the audit log. */
  ip: string | null;
  /** The request id set by proxy.ts, so a logged failure can be matched to its request. */
  requestId?: string | null;
};

/** What a handler may return on success. Keys are translation keys, not prose. */
export type ActionSuccess = {
  /** A translation key, e.g. `users.invite.sent`. */
  message?: string;
  messageParams?: Record<string, string | number>;
  /** Empty the form (the default echoes the submitted values back). */
  resetForm?: boolean;
  /** Locale-less path to go to afterwards, e.g. `/verify-email?sent=1`. */
  redirectTo?: string;
  /** Route patterns to revalidate, e.g. `/[locale]/admin/users`. */
  revalidate?: string[];
};

export type ActionDefinition<P extends ActionPermission, S extends z.ZodType> = {
  /** For logs. */
  name: string;
  permission: P;
  schema: S;
  handler: (
    user: ActionUser<P>,
    data: z.output<S>,
    context: ActionContext,
  ) => Promise<ActionSuccess | void>;
};

type Effects = Pick<ActionSuccess, "redirectTo" | "revalidate">;

function refusal(t: Translate, error: DomainError, values: Record<string, string>): ActionResult {
  const key = `errors.${error.code}`;
  // A code without a message is a gap to fill in messages/{ko,en}.json (namespace `errors`), not a reason
  // to show the user an untranslated code.
  if (!t.has(key)) logger.warn({ code: error.code }, "no translation for domain error code");
  const text = t.has(key) ? t(key, error.params) : t("errors.UNEXPECTED");
  if (error instanceof ValidationError && error.field) {
    return {
      ok: false,
      errorCode: error.code,
      fieldErrors: { [error.field]: [text] },
      formError: t("errors.VALIDATION"),
      values,
    };
  }
  return { ok: false, errorCode: error.code, formError: text, values };
}

async function execute<P extends ActionPermission, S extends z.ZodType>(
  user: CurrentUser | null,
  definition: ActionDefinition<P, S>,
  input: FormData | Record<string, unknown>,
  context: ActionContext,
): Promise<{ result: ActionResult; effects: Effects }> {
  const t = serverTranslator(context.locale);
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const values = echoValues(raw);
  const none: Effects = {};

  if (definition.permission !== "public") {
    if (!user) return { result: refusal(t, new UnauthenticatedError(), values), effects: none };
    if (!can(user, definition.permission))
      return { result: refusal(t, new ForbiddenError(), values), effects: none };
  }

  const parsed = definition.schema.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = describeIssues(parsed.error);
    const translated = translateFieldErrors(t, fieldErrors);
    const formError = formErrors.length
      ? formErrors.map((d) => translateDescriptor(t, d, "errors.VALIDATION")).join(" ")
      : t("errors.VALIDATION");
    return {
      result: { ok: false, errorCode: "VALIDATION", fieldErrors: translated, formError, values },
      effects: none,
    };
  }

  try {
    const success = (await definition.handler(user as ActionUser<P>, parsed.data, context)) ?? {};
    const message = success.message ? t(success.message, success.messageParams) : undefined;
    return {
      result: { ok: true, message, values: success.resetForm ? {} : values },
      effects: { redirectTo: success.redirectTo, revalidate: success.revalidate },
    };
  } catch (error) {
    // Next.js signals redirect(), notFound() and friends by throwing; they must reach Next.
    unstable_rethrow(error);
    if (error instanceof DomainError) return { result: refusal(t, error, values), effects: none };
    logger.error(
      { err: error, action: definition.name, userId: user?.id, requestId: context.requestId },
      "server action failed",
    );
    return {
      result: { ok: false, errorCode: "UNEXPECTED", formError: t("errors.UNEXPECTED"), values },
      effects: none,
    };
  }
}

/** The testable core: runs an action for an explicit user and locale. */
export async function runAction<P extends ActionPermission, S extends z.ZodType>(
  user: CurrentUser | null,
  definition: ActionDefinition<P, S>,
  input: FormData | Record<string, unknown>,
  context: Partial<ActionContext> = {},
): Promise<ActionResult> {
  const { result } = await execute(user, definition, input, {
    locale: context.locale ?? routing.defaultLocale,
    ip: context.ip ?? null,
  });
  return result;
}

export type ServerAction = ((
  prevState: ActionResult,
  formData: FormData,
) => Promise<ActionResult>) & {
  /** The definition, for tests (`runAction(user, action.definition, input)`). */
  definition: ActionDefinition<ActionPermission, z.ZodType>;
};

/** Builds a server action (for `useActionState`) from a definition. */
export function createAction<P extends ActionPermission, S extends z.ZodType>(
  definition: ActionDefinition<P, S>,
): ServerAction {
  const action = async (_prevState: ActionResult, formData: FormData): Promise<ActionResult> => {
    const requested = await getLocale();
    const locale = isAppLocale(requested) ? requested : routing.defaultLocale;
    const user = await getCurrentUser();
    const requestHeaders = await headers();
    const ip = clientIp(requestHeaders);
    const requestId = requestHeaders.get("x-request-id");
    const { result, effects } = await execute(user, definition, formData, { locale, ip, requestId });
    for (const path of effects.revalidate ?? []) revalidatePath(path, "page");
    // Outside any try/catch: redirect() works by throwing. Every page path carries its locale
    // prefix (localePrefix "always").
    if (effects.redirectTo) redirect(`/${locale}${effects.redirectTo}`);
    return result;
  };
  return Object.assign(action, {
    definition: definition as unknown as ActionDefinition<ActionPermission, z.ZodType>,
  });
}
