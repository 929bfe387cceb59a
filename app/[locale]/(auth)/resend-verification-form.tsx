"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { resendVerificationAction } from "@/lib/users/users.actions";

/** Asks for a new verification link. The answer is the same whether or not the address has an account. */
export function ResendVerificationForm({
  defaultEmail,
  hideEmail = false,
}: {
  defaultEmail?: string;
  hideEmail?: boolean;
}) {
  const t = useTranslations("auth.verifyEmail");
  const [state, action] = useActionState(resendVerificationAction, initialActionResult);
  const email = state.values?.email ?? defaultEmail ?? "";
  return (
    <ActionForm action={action} state={state}>
      {hideEmail ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <EmailField label={t("email")} errors={state.fieldErrors?.email} defaultValue={email} />
      )}
      <SubmitButton
        variant={hideEmail ? "outline" : "default"}
        pendingLabel={t("resendSubmitting")}
      >
        {t("resendSubmit")}
      </SubmitButton>
    </ActionForm>
  );
}
