"use client";

import { useLocale } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { NameField, OrganizationNameField } from "@/components/forms/name-field";
import { PasswordField } from "@/components/forms/password-field";
import { signUpAction } from "@/lib/users/users.actions";

export function SignUpForm() {
  const locale = useLocale();
  return (
    <ActionForm action={signUpAction} messages="auth.signUp" submitClassName="w-full">
      {(state, t) => {
        const v = state.values ?? {};
        return (
          <>
            <NameField
              label={t("name")}
              errors={state.fieldErrors?.name}
              defaultValue={v.name ?? ""}
            />
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
            <OrganizationNameField
              label={t("organizationName")}
              description={t("organizationHint")}
              errors={state.fieldErrors?.organizationName}
              defaultValue={v.organizationName ?? ""}
            />
            <LocaleSelectField
              label={t("locale")}
              description={t("localeHint")}
              errors={state.fieldErrors?.locale}
              defaultValue={v.locale ?? locale}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
