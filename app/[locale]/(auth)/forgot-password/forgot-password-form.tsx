"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { forgotPasswordAction } from "@/lib/users/users.actions";

/** The answer is the same whether or not the address has an account (no account enumeration). */
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  const [state, action] = useActionState(forgotPasswordAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <FormField label={t("email")} errors={state.fieldErrors?.email} required>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          defaultValue={state.values?.email ?? ""}
          required
        />
      </FormField>
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
