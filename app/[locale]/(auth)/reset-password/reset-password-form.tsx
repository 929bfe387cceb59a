"use client";

import { ActionForm } from "@/components/forms/action-form";
import { PasswordField } from "@/components/forms/password-field";
import { resetPasswordAction } from "@/lib/users/users.actions";

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={resetPasswordAction} messages="auth.resetPassword" submitClassName="w-full">
      {(state, t) => (
        <>
          <input type="hidden" name="token" value={token} />
          <PasswordField
            label={t("password")}
            hint={(min) => t("passwordHint", { min })}
            errors={state.fieldErrors?.password}
          />
        </>
      )}
    </ActionForm>
  );
}
