"use client";

import { ActionForm } from "@/components/forms/action-form";
import { FixedEmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { NameField, OrganizationNameField } from "@/components/forms/name-field";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
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
  return (
    <ActionForm
      action={updateProfileAction}
      messages="account.profile"
      submitClassName="self-start"
    >
      {(state, t) => {
        // After a submit the echoed values win, so a failed save keeps what was typed.
        const v = { ...profile, ...state.values };
        return (
          <>
            <FixedEmailField
              label={t("email")}
              description={t("emailHint")}
              value={profile.email}
            />
            <NameField label={t("name")} errors={state.fieldErrors?.name} defaultValue={v.name} />
            <OrganizationNameField
              label={t("organizationName")}
              description={
                organizationLocked ? t("partnerOrganizationHint") : t("organizationHint")
              }
              errors={state.fieldErrors?.organizationName}
              defaultValue={v.organizationName}
              readOnly={organizationLocked}
            />
            <FormField label={t("jobTitle")} errors={state.fieldErrors?.jobTitle}>
              <Input
                name="jobTitle"
                autoComplete="organization-title"
                defaultValue={v.jobTitle}
                maxLength={100}
              />
            </FormField>
            <FormField
              label={t("phone")}
              description={t("phoneHint")}
              errors={state.fieldErrors?.phone}
            >
              <Input
                name="phone"
                type="tel"
                autoComplete="tel"
                defaultValue={v.phone}
                maxLength={40}
              />
            </FormField>
            <LocaleSelectField
              label={t("locale")}
              description={t("localeHint")}
              errors={state.fieldErrors?.locale}
              defaultValue={v.locale}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
