"use client";

import { useActionState, type ComponentProps, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";

type Translator = ReturnType<typeof useTranslations>;

/**
 * A form driven by a server action (or any function of the same shape) through
 * `useActionState`: the outcome of the last submit on top (a form error or a success notice),
 * the fields, then the submit button with its pending label. The fields are a function of the
 * current state (echoed values, field errors) and of the form's message namespace, whose
 * `submit` / `submitting` keys label the button unless `submitKeys` names others.
 * `noValidate`: the server's translated field messages replace the browser's own bubbles, so
 * every error reads the same in both languages.
 */
export function ActionForm<S extends ActionResult>({
  action,
  initialState = initialActionResult as S,
  messages,
  submitKeys = { label: "submit", pending: "submitting" },
  submitClassName,
  submitVariant,
  children,
  after,
}: {
  action: (previous: S, formData: FormData) => Promise<S>;
  initialState?: S;
  /** The message namespace of the form, e.g. "auth.signUp". */
  messages: string;
  submitKeys?: { label: string; pending: string };
  submitClassName?: string;
  submitVariant?: ComponentProps<typeof SubmitButton>["variant"];
  children: (state: S, t: Translator) => ReactNode;
  /** Rendered after the form, e.g. a follow-up that depends on the outcome. */
  after?: (state: S, t: Translator) => ReactNode;
}) {
  const t = useTranslations(messages);
  // S is a plain object type, never a promise, so Awaited<S> is S.
  const [state, formAction] = useActionState<S, FormData>(
    action as (previous: Awaited<S>, formData: FormData) => Promise<S>,
    initialState as Awaited<S>,
  );
  const form = (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      {children(state as S, t)}
      <SubmitButton
        pendingLabel={t(submitKeys.pending)}
        className={submitClassName}
        variant={submitVariant}
      >
        {t(submitKeys.label)}
      </SubmitButton>
    </form>
  );
  if (!after) return form;
  return (
    <div className="flex flex-col gap-5">
      {form}
      {after(state as S, t)}
    </div>
  );
}
