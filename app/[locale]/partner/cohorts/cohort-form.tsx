"use client";

import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { createCohortAction, updateCohortAction } from "@/lib/cohorts/cohorts.actions";

export type CohortFormValues = {
  name: string;
  program: string;
  description: string;
  /** YYYY-MM-DD or "". */
  startsOn: string;
};

const EMPTY: CohortFormValues = { name: "", program: "", description: "", startsOn: "" };

/**
 * Creates a cohort (no `cohortId`) or edits one. Admins pick the partner organization of a new
 * cohort; a coordinator's cohorts always belong to their own organization.
 */
export function CohortForm({
  cohortId,
  initial = EMPTY,
  organizations,
}: {
  cohortId?: string;
  initial?: CohortFormValues;
  /** Partner organizations to choose from (admins creating a cohort), else undefined. */
  organizations?: { id: string; label: string }[];
}) {
  const editing = Boolean(cohortId);
  return (
    <ActionForm
      action={editing ? updateCohortAction : createCohortAction}
      messages="cohorts"
      submitKeys={
        editing
          ? { label: "edit.submit", pending: "edit.submitting" }
          : { label: "new.submit", pending: "new.submitting" }
      }
      submitClassName="self-start"
    >
      {(state, t) => {
        const v: CohortFormValues & { organizationId?: string } = { ...initial, ...state.values };
        const errors = state.fieldErrors ?? {};
        return (
          <>
            {cohortId ? <input type="hidden" name="cohortId" value={cohortId} /> : null}
            {organizations ? (
              <FormField
                label={t("form.organization")}
                description={t("form.organizationHint")}
                errors={errors.organizationId}
                required
              >
                <Select name="organizationId" defaultValue={v.organizationId ?? ""} required>
                  <option value="">{t("form.selectOrganization")}</option>
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </FormField>
            ) : null}
            <FormField
              label={t("form.name")}
              description={t("form.nameHint")}
              errors={errors.name}
              required
            >
              <Input name="name" defaultValue={v.name} maxLength={120} required />
            </FormField>
            <FormField
              label={t("form.program")}
              description={t("form.programHint")}
              errors={errors.program}
            >
              <Input name="program" defaultValue={v.program} maxLength={200} />
            </FormField>
            <FormField label={t("form.startsOn")} errors={errors.startsOn}>
              <Input name="startsOn" type="date" defaultValue={v.startsOn} className="sm:w-52" />
            </FormField>
            <FormField label={t("form.description")} errors={errors.description}>
              <Textarea name="description" defaultValue={v.description} maxLength={2000} />
            </FormField>
          </>
        );
      }}
    </ActionForm>
  );
}
