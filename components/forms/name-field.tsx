import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** The required `name` input: a person's name as it should appear on rosters and certificates. */
export function NameField({
  label,
  errors,
  defaultValue,
}: {
  label: ReactNode;
  errors?: string[];
  defaultValue: string;
}) {
  return (
    <FormField label={label} errors={errors} required>
      <Input name="name" autoComplete="name" defaultValue={defaultValue} maxLength={100} required />
    </FormField>
  );
}

/**
 * The optional `organizationName` input: free text matched to (or creating) an organization on
 * save. Read-only for partners, whose organization is the one they were invited for.
 */
export function OrganizationNameField({
  label,
  description,
  errors,
  defaultValue,
  readOnly,
}: {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  defaultValue: string;
  readOnly?: boolean;
}) {
  return (
    <FormField label={label} description={description} errors={errors}>
      <Input
        name="organizationName"
        autoComplete="organization"
        defaultValue={defaultValue}
        maxLength={200}
        readOnly={readOnly}
      />
    </FormField>
  );
}
