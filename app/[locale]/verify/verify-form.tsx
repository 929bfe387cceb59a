"use client";

import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { verifyCodeAction } from "@/lib/certificates/certificates.actions";

/** Type a certificate code; the server reads it leniently (case, spaces, dashes) and opens its page. */
export function VerifyForm({ defaultCode }: { defaultCode?: string }) {
  return (
    <ActionForm action={verifyCodeAction} messages="verify.form" submitClassName="sm:self-start">
      {(state, t) => (
        <FormField
          label={t("label")}
          description={t("hint")}
          required
          errors={state.fieldErrors?.code}
        >
          <Input
            name="code"
            required
            maxLength={40}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="FT-XXXX-XXXX"
            defaultValue={state.values?.code ?? defaultCode}
            className="font-mono uppercase sm:max-w-xs"
          />
        </FormField>
      )}
    </ActionForm>
  );
}
