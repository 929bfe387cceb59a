import type { ReactNode } from "react";
import { ActionResultAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * The frame of a form driven by `useActionState`: the outcome of the last submit on top (a form
 * error or a success notice), then the fields. `noValidate`: the server's translated field
 * messages replace the browser's own bubbles, so every error reads the same in both languages.
 */
export function ActionForm({
  action,
  state,
  children,
}: {
  action: (formData: FormData) => void;
  state: ActionResult;
  children: ReactNode;
}) {
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      {children}
    </form>
  );
}
