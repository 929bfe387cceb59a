"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";

export type ConfirmDialogProps = {
  /** Text (or icon + text) of the button that opens the dialog. */
  trigger: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Label of the confirming button; defaults to common.confirm. */
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** "destructive" (default) for deletions and cancellations. */
  variant?: "destructive" | "default";
  triggerVariant?: ButtonProps["variant"];
  triggerSize?: ButtonProps["size"];
  triggerClassName?: string;
  /** Extra content inside the dialog, e.g. a reason <Textarea name="reason"> that is submitted with the form. */
  children?: ReactNode;
  /**
   * Without it the confirm button submits the enclosing <form> (render the dialog inside the form).
   * With it, the confirm button is a plain button that calls this and closes the dialog.
   */
  onConfirm?: () => void;
};

/**
 * Asks before a destructive action. Place it inside the <form> whose submission it guards: the
 * trigger is a type="button" that opens a native modal <dialog>; its confirm button is the form's
 * submit button (the dialog stays a DOM descendant of the form even in the top layer).
 * The native dialog traps focus, closes on Escape and restores focus on close; the cancel
 * button gets initial focus so that Enter never confirms by accident.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel,
  variant = "destructive",
  triggerVariant,
  triggerSize,
  triggerClassName,
  children,
  onConfirm,
}: ConfirmDialogProps) {
  const t = useTranslations("common");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  const open = () => dialogRef.current?.showModal();
  const close = () => dialogRef.current?.close();

  return (
    <>
      <Button
        ref={triggerRef}
        variant={triggerVariant ?? (variant === "destructive" ? "destructive" : "default")}
        size={triggerSize}
        className={triggerClassName}
        aria-haspopup="dialog"
        onClick={open}
      >
        {trigger}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        // Focus goes back to the trigger explicitly: not every browser restores it on close().
        onClose={() => triggerRef.current?.focus()}
        // A click on the backdrop (the dialog element itself, outside its content box) cancels.
        onClick={(event) => {
          if (event.target === dialogRef.current) close();
        }}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-border bg-card p-0 text-card-foreground shadow-xl"
      >
        <div className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="text-sm leading-relaxed text-muted-foreground">
              {description}
            </div>
          ) : null}
          {children}
          <div className="mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" autoFocus onClick={close}>
              {cancelLabel ?? t("cancel")}
            </Button>
            {onConfirm ? (
              <Button
                variant={variant}
                onClick={() => {
                  onConfirm();
                  close();
                }}
              >
                {confirmLabel ?? t("confirm")}
              </Button>
            ) : (
              <ConfirmSubmit variant={variant} onDone={close}>
                {confirmLabel ?? t("confirm")}
              </ConfirmSubmit>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}

/** The form's submit button inside the dialog; keeps the dialog open (with a spinner) until the action finishes. */
function ConfirmSubmit({
  variant,
  onDone,
  children,
}: {
  variant: "destructive" | "default";
  onDone: () => void;
  children: ReactNode;
}) {
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  useEffect(() => {
    if (pending) wasPending.current = true;
    else if (wasPending.current) {
      wasPending.current = false;
      onDone();
    }
  }, [pending, onDone]);

  return (
    <Button
      type="submit"
      variant={variant}
      aria-busy={pending || undefined}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={cn(pending && "cursor-wait")}
    >
      {pending ? <Spinner /> : null}
      {children}
    </Button>
  );
}
