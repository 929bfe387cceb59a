"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeUserRoleAction, setUserActiveAction } from "@/lib/users/users.actions";
import { ROLES } from "@/lib/users/users.schemas";
import { cn } from "@/lib/utils";

export type OrganizationOption = { id: string; label: string };

/** The outcome of a row's action, announced politely next to the control. */
function RowStatus({ state }: { state: ActionResult }) {
  const text = state.formError
    ? [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ")
    : state.ok
      ? state.message
      : undefined;
  return (
    <p
      aria-live="polite"
      className={cn("text-xs", state.ok ? "text-success-fg" : "font-medium text-destructive")}
    >
      {text}
    </p>
  );
}

export function ChangeRoleForm({
  userId,
  userName,
  role,
  organizationId,
  partnerOrganizations,
}: {
  userId: string;
  userName: string;
  role: Role;
  organizationId: string | null;
  partnerOrganizations: OrganizationOption[];
}) {
  const t = useTranslations("users");
  const [state, action] = useActionState(changeUserRoleAction, initialActionResult);
  const [selected, setSelected] = useState<string>(state.values?.role ?? role);
  const roleId = `role-${userId}`;
  const orgId = `org-${userId}`;
  return (
    <form action={action} className="flex flex-col gap-1.5" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={roleId} className="sr-only">
          {t("list.changeRoleFor", { name: userName })}
        </label>
        <div className="w-40">
          <Select
            id={roleId}
            name="role"
            value={selected}
            onChange={(e) => setSelected(e.target.value)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
        </div>
        {selected === "PARTNER" ? (
          <>
            <label htmlFor={orgId} className="sr-only">
              {t("list.partnerOrganization")}
            </label>
            <div className="w-48">
              <Select
                id={orgId}
                name="organizationId"
                defaultValue={state.values?.organizationId ?? organizationId ?? ""}
                aria-invalid={state.fieldErrors?.organizationId ? true : undefined}
              >
                <option value="">{t("list.selectOrganization")}</option>
                {partnerOrganizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </div>
          </>
        ) : null}
        <SubmitButton size="sm" variant="outline" pendingLabel={t("list.savingRole")}>
          {t("list.saveRole")}
        </SubmitButton>
      </div>
      <RowStatus state={state} />
    </form>
  );
}

export function SetActiveForm({
  userId,
  userName,
  active,
}: {
  userId: string;
  userName: string;
  active: boolean;
}) {
  const t = useTranslations("users.list");
  const [state, action] = useActionState(setUserActiveAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-1.5" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <ConfirmDialog
        trigger={active ? t("deactivate") : t("reactivate")}
        triggerSize="sm"
        triggerVariant={active ? "destructive" : "outline"}
        variant={active ? "destructive" : "default"}
        title={
          active
            ? t("deactivateTitle", { name: userName })
            : t("reactivateTitle", { name: userName })
        }
        description={active ? t("deactivateDescription") : t("reactivateDescription")}
        confirmLabel={active ? t("deactivate") : t("reactivate")}
      />
      <RowStatus state={state} />
    </form>
  );
}
