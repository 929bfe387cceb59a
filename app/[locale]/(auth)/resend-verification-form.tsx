"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
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
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      {hideEmail ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <FormField label={t("email")} errors={state.fieldErrors?.email} required>
          <Input
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            defaultValue={email}
            required
          />
        </FormField>
      )}
      <SubmitButton
        variant={hideEmail ? "outline" : "default"}
        pendingLabel={t("resendSubmitting")}
      >
        {t("resendSubmit")}
      </SubmitButton>
    </form>
  );
}
