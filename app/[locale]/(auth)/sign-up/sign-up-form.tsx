"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { signUpAction } from "@/lib/users/users.actions";
import { LOCALES, PASSWORD_MIN_LENGTH } from "@/lib/users/users.schemas";

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const tLocales = useTranslations("auth.locales");
  const locale = useLocale();
  const [state, action] = useActionState(signUpAction, initialActionResult);
  const v = state.values ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <FormField label={t("name")} errors={state.fieldErrors?.name} required>
        <Input
          name="name"
          autoComplete="name"
          defaultValue={v.name ?? ""}
          maxLength={100}
          required
        />
      </FormField>
      <FormField
        label={t("email")}
        description={t("emailHint")}
        errors={state.fieldErrors?.email}
        required
      >
        <Input
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          defaultValue={v.email ?? ""}
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
      <FormField
        label={t("locale")}
        description={t("localeHint")}
        errors={state.fieldErrors?.locale}
        required
      >
        <Select name="locale" defaultValue={v.locale ?? locale} required>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {tLocales(l)}
            </option>
          ))}
        </Select>
      </FormField>
      <SubmitButton pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
