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
