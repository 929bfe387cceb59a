"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FixedEmailField } from "@/components/forms/email-field";
import { NameField } from "@/components/forms/name-field";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { acceptInvitationAction } from "@/lib/users/users.actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth.acceptInvitation");
  const [state, action] = useActionState(acceptInvitationAction, initialActionResult);
  return (
    <ActionForm action={action} state={state}>
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
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
