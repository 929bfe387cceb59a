import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** The required `email` input of the account forms. */
export function EmailField({
  label,
  description,
  errors,
  defaultValue,
  autoComplete = "email",
}: {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  defaultValue: string;
  /** "username" on sign-in (password managers pair it with the password); "off" when inviting someone else. */
  autoComplete?: "email" | "username" | "off";
}) {
  return (
    <FormField label={label} description={description} errors={errors} required>
      <Input
        name="email"
        type="email"
        autoComplete={autoComplete}
        inputMode="email"
        defaultValue={defaultValue}
        required
      />
    </FormField>
  );
}

/**
 * An address shown but not submitted (read-only and unnamed): it comes from the server — the
 * invitation or the account — never from the form.
 */
export function FixedEmailField({
  label,
  description,
  value,
  autoComplete = "email",
}: {
  label: ReactNode;
  description?: ReactNode;
  value: string;
  autoComplete?: "email" | "username";
}) {
  return (
    <FormField label={label} description={description}>
      <Input type="email" value={value} autoComplete={autoComplete} readOnly />
    </FormField>
  );
}
