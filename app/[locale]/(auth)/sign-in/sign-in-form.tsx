"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import { describeIssues, translateFieldErrors, type KeyTranslator } from "@/lib/actions/zod-issues";
import { parseSignInError } from "@/lib/auth/sign-in-error";
import { signInSchema } from "@/lib/users/users.schemas";
import { ResendVerificationForm } from "../resend-verification-form";

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

  const [state, action] = useActionState(
    async (_prev: SignInState, formData: FormData): Promise<SignInState> => {
      const values = { email: String(formData.get("email") ?? "") };
      const parsed = signInSchema.safeParse({
        email: formData.get("email"),
        password: formData.get("password"),
      });
      if (!parsed.success) {
        const fieldErrors = translateFieldErrors(
          translate,
          describeIssues(parsed.error).fieldErrors,
        );
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
    },
    initialActionResult as SignInState,
  );

  return (
    <div className="flex flex-col gap-5">
      <ActionForm action={action} state={state}>
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
        <SubmitButton pendingLabel={t("submitting")} className="w-full">
          {t("submit")}
        </SubmitButton>
      </ActionForm>
      {state.unverifiedEmail ? (
        <section
          aria-labelledby="resend-heading"
          className="flex flex-col gap-3 rounded-md border border-border p-4"
        >
          <h2 id="resend-heading" className="font-semibold">
            {t("resendTitle")}
          </h2>
          <p className="text-sm text-muted-foreground">
            {t("resendDescription")}{" "}
            <strong className="text-foreground">{state.unverifiedEmail}</strong>
          </p>
          <ResendVerificationForm defaultEmail={state.unverifiedEmail} hideEmail />
        </section>
      ) : null}
    </div>
  );
}
