"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { resetPasswordAction } from "@/lib/users/users.actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/users.schemas";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.resetPassword");
  const [state, action] = useActionState(resetPasswordAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField
        label={t("password")}
        description={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        errors={state.fieldErrors?.password}
        required
      >
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
        />
      </FormField>
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
