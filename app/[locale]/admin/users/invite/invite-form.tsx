"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { inviteUserAction } from "@/lib/users/users.actions";
import { INVITABLE_ROLES } from "@/lib/users/users.schemas";
import type { OrganizationOption } from "../user-actions";

export function InviteForm({
  partnerOrganizations,
}: {
  partnerOrganizations: OrganizationOption[];
}) {
  const tRoles = useTranslations("users.roles");
  const locale = useLocale();
  // The organization select shows only for partners; the first render has no echoed values yet.
  const [role, setRole] = useState<string>("INSTRUCTOR");
  return (
    <ActionForm action={inviteUserAction} messages="users.invite" submitClassName="self-start">
      {(state, t) => {
        const v = state.values ?? {};
        return (
          <>
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
          </>
        );
      }}
    </ActionForm>
  );
}
