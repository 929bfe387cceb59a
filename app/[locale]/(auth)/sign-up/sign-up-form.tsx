"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { NameField } from "@/components/forms/name-field";
import { PasswordField } from "@/components/forms/password-field";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { signUpAction } from "@/lib/users/users.actions";

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const locale = useLocale();
  const [state, action] = useActionState(signUpAction, initialActionResult);
  const v = state.values ?? {};
  return (
    <ActionForm action={action} state={state}>
      <NameField label={t("name")} errors={state.fieldErrors?.name} defaultValue={v.name ?? ""} />
      <EmailField
        label={t("email")}
        description={t("emailHint")}
        errors={state.fieldErrors?.email}
        defaultValue={v.email ?? ""}
      />
      <PasswordField
        label={t("password")}
        hint={(min) => t("passwordHint", { min })}
        errors={state.fieldErrors?.password}
      />
      <FormField
        label={t("organizationName")}
        description={t("organizationHint")}
        errors={state.fieldErrors?.organizationName}
      >
        <Input
          name="organizationName"
          autoComplete="organization"
          defaultValue={v.organizationName ?? ""}
          maxLength={200}
        />
      </FormField>
      <LocaleSelectField
        label={t("locale")}
        description={t("localeHint")}
        errors={state.fieldErrors?.locale}
        defaultValue={v.locale ?? locale}
      />
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
