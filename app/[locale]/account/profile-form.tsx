"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { updateProfileAction } from "@/lib/users/users.actions";
import { LOCALES } from "@/lib/users/users.schemas";

export type ProfileFormValues = {
  email: string;
  name: string;
  organizationName: string;
  jobTitle: string;
  phone: string;
  locale: string;
};

export function ProfileForm({
  profile,
  organizationLocked,
}: {
  profile: ProfileFormValues;
  organizationLocked: boolean;
}) {
  const t = useTranslations("account.profile");
  const tLocales = useTranslations("auth.locales");
  const [state, action] = useActionState(updateProfileAction, initialActionResult);
  // After a submit the echoed values win, so a failed save keeps what was typed.
  const v = { ...profile, ...state.values };
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <FormField label={t("email")} description={t("emailHint")}>
        <Input type="email" value={profile.email} autoComplete="email" readOnly />
      </FormField>
      <FormField label={t("name")} errors={state.fieldErrors?.name} required>
        <Input name="name" autoComplete="name" defaultValue={v.name} maxLength={100} required />
      </FormField>
      <FormField
        label={t("organizationName")}
        description={organizationLocked ? t("partnerOrganizationHint") : t("organizationHint")}
        errors={state.fieldErrors?.organizationName}
      >
        <Input
          name="organizationName"
          autoComplete="organization"
          defaultValue={v.organizationName}
          maxLength={200}
          readOnly={organizationLocked}
        />
      </FormField>
      <FormField label={t("jobTitle")} errors={state.fieldErrors?.jobTitle}>
        <Input
          name="jobTitle"
          autoComplete="organization-title"
          defaultValue={v.jobTitle}
          maxLength={100}
        />
      </FormField>
      <FormField label={t("phone")} description={t("phoneHint")} errors={state.fieldErrors?.phone}>
        <Input name="phone" type="tel" autoComplete="tel" defaultValue={v.phone} maxLength={40} />
      </FormField>
      <FormField
        label={t("locale")}
        description={t("localeHint")}
        errors={state.fieldErrors?.locale}
        required
      >
        <Select name="locale" defaultValue={v.locale} required>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {tLocales(l)}
            </option>
          ))}
        </Select>
      </FormField>
      <SubmitButton pendingLabel={t("submitting")} className="self-start">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
