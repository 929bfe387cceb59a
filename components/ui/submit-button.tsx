"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild" | "children"> & {
  children: ReactNode;
  /** Text while the form is submitting (e.g. "Saving…"); defaults to `children`. */
  pendingLabel?: ReactNode;
};

/**
 * A submit button for a form with a server action: while the submission is pending it shows a
 * spinner, sets aria-busy and ignores further clicks, so a slow request is not sent twice.
 * Must be rendered inside the <form> (useFormStatus reads the nearest parent form).
 */
export function SubmitButton({ children, pendingLabel, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      {...props}
      // aria-disabled rather than disabled while pending: a disabled button drops keyboard focus.
      disabled={disabled}
      aria-disabled={pending || disabled || undefined}
      aria-busy={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        props.onClick?.(event);
      }}
    >
      {pending ? <Spinner /> : null}
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
