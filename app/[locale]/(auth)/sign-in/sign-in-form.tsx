"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { PasswordField } from "@/components/forms/password-field";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import { describeIssues, translateFieldErrors, type KeyTranslator } from "@/lib/actions/zod-issues";
import { parseSignInError } from "@/lib/auth/sign-in-error";
import { signInSchema } from "@/lib/users/users.schemas";
import { ResendVerificationSection } from "../resend-verification-form";

type SignInState = ActionResult & { unverifiedEmail?: string };

/**
 * Signs in through next-auth's credentials endpoint (`signIn(..., { redirect: false })`), so the
 * session cookie is set by next-auth itself; this form only validates, shows translated errors
 * and navigates on success. The failure code comes from lib/auth/sign-in.ts.
 */
export function SignInForm({
  callbackUrl,
  defaultEmail,
}: {
  callbackUrl: string;
  defaultEmail?: string;
}) {
  const t = useTranslations("auth.signIn");
  const translate = useTranslations() as unknown as KeyTranslator;
  const router = useRouter();

  const signInWithCredentials = async (
    _prev: SignInState,
    formData: FormData,
  ): Promise<SignInState> => {
    const values = { email: String(formData.get("email") ?? "") };
    const parsed = signInSchema.safeParse({
      email: formData.get("email"),
      password: formData.get("password"),
    });
    if (!parsed.success) {
      const fieldErrors = translateFieldErrors(translate, describeIssues(parsed.error).fieldErrors);
      return { ok: false, errorCode: "VALIDATION", fieldErrors, values };
    }
    let error: string | null | undefined;
    try {
      const result = await signIn("credentials", {
        ...parsed.data,
        redirect: false,
        callbackUrl,
      });
      error = result?.ok ? result.error : (result?.error ?? "UNKNOWN");
    } catch {
      error = "UNKNOWN";
    }
    if (!error) {
      router.replace(callbackUrl);
      router.refresh();
      return { ok: true, values };
    }
    const failure = parseSignInError(error);
    return {
      ok: false,
      errorCode: failure.code,
      formError: t(`errors.${failure.code}`, { minutes: failure.retryAfterMinutes ?? 15 }),
      values,
      unverifiedEmail: failure.code === "EMAIL_NOT_VERIFIED" ? parsed.data.email : undefined,
    };
  };

  return (
    <ActionForm
      action={signInWithCredentials}
      initialState={initialActionResult as SignInState}
      messages="auth.signIn"
      submitClassName="w-full"
      after={(state) =>
        state.unverifiedEmail ? (
          <ResendVerificationSection
            className="rounded-md border border-border p-4"
            title={t("resendTitle")}
            description={
              <>
                {t("resendDescription")}{" "}
                <strong className="text-foreground">{state.unverifiedEmail}</strong>
              </>
            }
            defaultEmail={state.unverifiedEmail}
            hideEmail
          />
        ) : null
      }
    >
      {(state) => (
        <>
          <EmailField
            label={t("email")}
            errors={state.fieldErrors?.email}
            defaultValue={state.values?.email ?? defaultEmail ?? ""}
            autoComplete="username"
          />
          <PasswordField
            label={t("password")}
            errors={state.fieldErrors?.password}
            purpose="current"
          />
        </>
      )}
    </ActionForm>
  );
}
