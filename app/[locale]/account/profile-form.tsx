"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FixedEmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { NameField } from "@/components/forms/name-field";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { updateProfileAction } from "@/lib/users/users.actions";

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
  const [state, action] = useActionState(updateProfileAction, initialActionResult);
  // After a submit the echoed values win, so a failed save keeps what was typed.
  const v = { ...profile, ...state.values };
  return (
    <ActionForm action={action} state={state}>
      <FixedEmailField label={t("email")} description={t("emailHint")} value={profile.email} />
      <NameField label={t("name")} errors={state.fieldErrors?.name} defaultValue={v.name} />
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
      <LocaleSelectField
        label={t("locale")}
        description={t("localeHint")}
        errors={state.fieldErrors?.locale}
        defaultValue={v.locale}
      />
      <SubmitButton pendingLabel={t("submitting")} className="self-start">
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
