import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

const alertVariants = cva(
  "flex gap-3 rounded-md border p-4 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        info: "border-info-border bg-info-bg text-info-fg",
        success: "border-success-border bg-success-bg text-success-fg",
        warning: "border-warning-border bg-warning-bg text-warning-fg",
        error: "border-danger-border bg-danger-bg text-danger-fg",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

const icons = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  error: CircleAlert,
} as const;

export type AlertProps = Omit<ComponentProps<"div">, "title"> &
  VariantProps<typeof alertVariants> & {
    title?: ReactNode;
  };

/**
 * A message box. Errors use role="alert" (assertive: the user must act); other variants use
 * role="status" (polite). Render it conditionally so that the announcement happens when it appears.
 */
export function Alert({ className, variant, title, children, role, ...props }: AlertProps) {
  const kind = variant ?? "info";
  const Icon = icons[kind];
  return (
    <div
      role={role ?? (kind === "error" ? "alert" : "status")}
      className={cn(alertVariants({ variant: kind }), className)}
      {...props}
    >
      <Icon aria-hidden="true" />
      <div className="flex min-w-0 flex-col gap-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="leading-relaxed">{children}</div> : null}
      </div>
    </div>
  );
}

/**
 * Shows the outcome of a server action (`ActionResult`): `formError` as an error, `message`
 * of a successful result as a success notice, nothing otherwise.
 */
export function ActionResultAlert({
  state,
  className,
}: {
  state: { ok: boolean; formError?: string; message?: string } | null | undefined;
  className?: string;
}) {
  if (!state) return null;
  if (state.formError)
    return (
      <Alert variant="error" className={className}>
        {state.formError}
      </Alert>
    );
  if (state.ok && state.message)
    return (
      <Alert variant="success" className={className}>
        {state.message}
      </Alert>
    );
  return null;
}
