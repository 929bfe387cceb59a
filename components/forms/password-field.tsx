import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/users.schemas";

/**
 * The required `password` input. A new password (sign-up, reset, invitation) gets the length
 * rule and the caller's hint, told the minimum; the current one (sign-in) gets neither, so a
 * password set under older rules still signs in.
 */
export function PasswordField({
  label,
  errors,
  hint,
  purpose = "new",
}: {
  label: ReactNode;
  errors?: string[];
  /** Renders the rule for a new password, e.g. `(min) => t("passwordHint", { min })`. */
  hint?: (min: number) => ReactNode;
  purpose?: "new" | "current";
}) {
  const isNew = purpose === "new";
  return (
    <FormField
      label={label}
      description={isNew && hint ? hint(PASSWORD_MIN_LENGTH) : undefined}
      errors={errors}
      required
    >
      <Input
        name="password"
        type="password"
        autoComplete={isNew ? "new-password" : "current-password"}
        minLength={isNew ? PASSWORD_MIN_LENGTH : undefined}
        required
      />
    </FormField>
  );
}
