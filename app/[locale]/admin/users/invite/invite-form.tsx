"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { inviteUserAction } from "@/lib/users/users.actions";
import { INVITABLE_ROLES, LOCALES } from "@/lib/users/users.schemas";
import type { OrganizationOption } from "../user-actions";

export function InviteForm({
  partnerOrganizations,
}: {
  partnerOrganizations: OrganizationOption[];
}) {
  const t = useTranslations("users.invite");
  const tRoles = useTranslations("users.roles");
  const tLocales = useTranslations("auth.locales");
  const locale = useLocale();
  const [state, action] = useActionState(inviteUserAction, initialActionResult);
  const v = state.values ?? {};
  const [role, setRole] = useState<string>(v.role ?? "INSTRUCTOR");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <FormField label={t("email")} errors={state.fieldErrors?.email} required>
        <Input
          name="email"
          type="email"
          autoComplete="off"
          inputMode="email"
          defaultValue={v.email ?? ""}
          required
        />
      </FormField>
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
      <FormField label={t("locale")} errors={state.fieldErrors?.locale} required>
        <Select name="locale" defaultValue={v.locale ?? locale} required>
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
