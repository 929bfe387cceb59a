"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { resetPasswordAction } from "@/lib/users/users.actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.resetPassword");
  const [state, action] = useActionState(resetPasswordAction, initialActionResult);
  return (
    <ActionForm action={action} state={state}>
      <input type="hidden" name="token" value={token} />
      <PasswordField
        label={t("password")}
        hint={(min) => t("passwordHint", { min })}
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
