import { Slot } from "@radix-ui/react-slot";
import { useId, type ReactElement, type ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

export type FormFieldProps = {
  label: ReactNode;
  /** The single control (Input, Textarea, Select, Checkbox…). It receives id, aria-invalid and aria-describedby. */
  children: ReactElement;
  /** Control id; generated when omitted. */
  id?: string;
  description?: ReactNode;
  /** Messages for this field, e.g. `state.fieldErrors?.email` of an ActionResult. */
  errors?: string[];
  /** Shows a required marker; pass `required` to the control itself for the browser's check. */
  required?: boolean;
  /** "horizontal": control first, then label (checkboxes). */
  orientation?: "vertical" | "horizontal";
  className?: string;
};

/**
 * Label + control + description + errors, wired for assistive technology. The error list sits
 * in an always-present aria-live region, so a message appearing after a submit is announced.
 */
export function FormField({
  label,
  children,
  id,
  description,
  errors,
  required,
  orientation = "vertical",
  className,
}: FormFieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const invalid = Boolean(errors && errors.length > 0);
  const describedBy = [description ? descriptionId : null, invalid ? errorId : null]
    .filter(Boolean)
    .join(" ");

  const control = (
    <Slot
      id={controlId}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy || undefined}
    >
      {children}
    </Slot>
  );
  const labelNode = (
    <Label htmlFor={controlId}>
      {label}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-destructive">
          *
        </span>
      ) : null}
    </Label>
  );

  return (
    <div className={cn("flex flex-col", className)}>
      {orientation === "horizontal" ? (
        <div className="flex items-start gap-2.5 [&>label]:pt-px">
          <span className="flex h-5 items-center">{control}</span>
          {labelNode}
        </div>
      ) : (
        <>
          <div className="mb-1.5">{labelNode}</div>
          {control}
        </>
      )}
      {description ? (
        <p
          id={descriptionId}
          className={cn(
            "mt-1.5 text-sm text-muted-foreground",
            orientation === "horizontal" && "pl-6.5",
          )}
        >
          {description}
        </p>
      ) : null}
      {/* Never hidden with display:none: a live region must exist before its content changes. */}
      <div id={errorId} aria-live="polite">
        {invalid ? (
          <ul className="mt-1.5 flex flex-col gap-0.5 text-sm font-medium text-destructive">
            {errors!.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
