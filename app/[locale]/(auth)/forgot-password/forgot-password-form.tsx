"use client";

import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { forgotPasswordAction } from "@/lib/users/users.actions";

/** The answer is the same whether or not the address has an account (no account enumeration). */
export function ForgotPasswordForm() {
  return (
    <ActionForm
      action={forgotPasswordAction}
      messages="auth.forgotPassword"
      submitClassName="w-full"
    >
      {(state, t) => (
        <EmailField
          label={t("email")}
          errors={state.fieldErrors?.email}
          defaultValue={state.values?.email ?? ""}
        />
      )}
    </ActionForm>
  );
}
