"use client";

import { ActionForm } from "@/components/forms/action-form";
import { FixedEmailField } from "@/components/forms/email-field";
import { NameField } from "@/components/forms/name-field";
import { PasswordField } from "@/components/forms/password-field";
import { acceptInvitationAction } from "@/lib/users/users.actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  return (
    <ActionForm
      action={acceptInvitationAction}
      messages="auth.acceptInvitation"
      submitClassName="w-full"
    >
      {(state, t) => (
        <>
          <input type="hidden" name="token" value={token} />
          <FixedEmailField
            label={t("email")}
            description={t("emailHint")}
            value={email}
            autoComplete="username"
          />
          <NameField
            label={t("name")}
            errors={state.fieldErrors?.name}
            defaultValue={state.values?.name ?? ""}
          />
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
