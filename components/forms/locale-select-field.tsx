import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { LOCALES } from "@/lib/users/users.schemas";

/** The required `locale` select: the language of a person's mails and pages, each named in itself. */
export function LocaleSelectField({
  label,
  description,
  errors,
  defaultValue,
}: {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  defaultValue: string;
}) {
  const tLocales = useTranslations("auth.locales");
  return (
    <FormField label={label} description={description} errors={errors} required>
      <Select name="locale" defaultValue={defaultValue} required>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {tLocales(l)}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
