"use client";

import type { ComponentProps } from "react";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * The outcome of a scheduling action. A clash (`SCHEDULE_CONFLICT`) arrives as one translated
 * message whose first line introduces the list and whose other lines name one clash each; it
 * is shown as a list. Anything else is shown as it is.
 */
export function ScheduleMessage({
  state,
  role,
  className,
  ...props
}: { state: ActionResult } & Pick<ComponentProps<typeof Alert>, "role" | "className" | "id" | "tabIndex">) {
  if (state.formError) {
    const [heading, ...lines] = state.formError.split("\n");
    const isList = state.errorCode === "SCHEDULE_CONFLICT" && lines.length > 0;
    return (
      <Alert variant="error" role={role} className={className} {...props}>
        {isList ? (
          <>
            <p className="font-semibold">{heading}</p>
            <ul className="mt-1 flex list-none flex-col gap-1">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          state.formError
        )}
      </Alert>
    );
  }
  if (state.ok && state.message) {
    return (
      <Alert variant="success" role={role} className={className} {...props}>
        {state.message}
      </Alert>
    );
  }
  return null;
}
