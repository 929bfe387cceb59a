"use client";

import type { ComponentProps, ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { resendVerificationAction } from "@/lib/users/users.actions";
import { cn } from "@/lib/utils";

/** Asks for a new verification link. The answer is the same whether or not the address has an account. */
export function ResendVerificationForm({
  defaultEmail,
  hideEmail = false,
}: {
  defaultEmail?: string;
  hideEmail?: boolean;
}) {
  return (
    <ActionForm
      action={resendVerificationAction}
      messages="auth.verifyEmail"
      submitKeys={{ label: "resendSubmit", pending: "resendSubmitting" }}
      submitVariant={hideEmail ? "outline" : "default"}
    >
      {(state, t) => {
        const email = state.values?.email ?? defaultEmail ?? "";
        return hideEmail ? (
          <input type="hidden" name="email" value={email} />
        ) : (
          <EmailField label={t("email")} errors={state.fieldErrors?.email} defaultValue={email} />
        );
      }}
    </ActionForm>
  );
}

/** A titled block around the resend form, shown under a sign-in refusal or a dead link. */
export function ResendVerificationSection({
  title,
  description,
  className,
  ...form
}: ComponentProps<typeof ResendVerificationForm> & {
  title: ReactNode;
  description: ReactNode;
  className: string;
}) {
  return (
    <section aria-labelledby="resend-heading" className={cn("flex flex-col gap-3", className)}>
      <h2 id="resend-heading" className="font-semibold">
        {title}
      </h2>
      <p className="text-sm text-muted-foreground">{description}</p>
      <ResendVerificationForm {...form} />
    </section>
  );
}
