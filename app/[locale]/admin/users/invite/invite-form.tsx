"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { inviteUserAction } from "@/lib/users/users.actions";
import { INVITABLE_ROLES } from "@/lib/users/users.schemas";
import type { OrganizationOption } from "../user-actions";

export function InviteForm({
  partnerOrganizations,
}: {
  partnerOrganizations: OrganizationOption[];
}) {
  const t = useTranslations("users.invite");
  const tRoles = useTranslations("users.roles");
  const locale = useLocale();
  const [state, action] = useActionState(inviteUserAction, initialActionResult);
  const v = state.values ?? {};
  const [role, setRole] = useState<string>(v.role ?? "INSTRUCTOR");
  return (
    <ActionForm action={action} state={state}>
      <EmailField
        label={t("email")}
        errors={state.fieldErrors?.email}
        defaultValue={v.email ?? ""}
        autoComplete="off"
      />
      <FormField label={t("role")} errors={state.fieldErrors?.role} required>
        <Select name="role" value={role} onChange={(e) => setRole(e.target.value)} required>
          {INVITABLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </Select>
      </FormField>
      {role === "PARTNER" ? (
        <FormField
          label={t("organization")}
          description={partnerOrganizations.length ? t("organizationHint") : t("noPartners")}
          errors={state.fieldErrors?.organizationId}
          required
        >
          <Select name="organizationId" defaultValue={v.organizationId ?? ""} required>
            <option value="">{t("selectOrganization")}</option>
            {partnerOrganizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
      <LocaleSelectField
        label={t("locale")}
        errors={state.fieldErrors?.locale}
        defaultValue={v.locale ?? locale}
      />
      <SubmitButton pendingLabel={t("submitting")} className="self-start">
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
