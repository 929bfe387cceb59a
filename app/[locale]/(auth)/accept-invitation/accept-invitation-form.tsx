"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { acceptInvitationAction } from "@/lib/users/users.actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/users.schemas";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth.acceptInvitation");
  const [state, action] = useActionState(acceptInvitationAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField label={t("email")} description={t("emailHint")}>
        {/* Read-only and unnamed: the address comes from the invitation, never from the form. */}
        <Input type="email" value={email} autoComplete="username" readOnly />
      </FormField>
      <FormField label={t("name")} errors={state.fieldErrors?.name} required>
        <Input
          name="name"
          autoComplete="name"
          defaultValue={state.values?.name ?? ""}
          maxLength={100}
          required
        />
      </FormField>
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
