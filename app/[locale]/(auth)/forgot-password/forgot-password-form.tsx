"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { forgotPasswordAction } from "@/lib/users/users.actions";

/** The answer is the same whether or not the address has an account (no account enumeration). */
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  const [state, action] = useActionState(forgotPasswordAction, initialActionResult);
  return (
    <ActionForm action={action} state={state}>
      <EmailField
        label={t("email")}
        errors={state.fieldErrors?.email}
        defaultValue={state.values?.email ?? ""}
      />
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
