import type { LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

/** A link styled as a button, with an optional decorative icon before its label. */
export function LinkButton({
  href,
  icon: Icon,
  variant,
  className,
  children,
}: {
  href: ComponentProps<typeof Link>["href"];
  icon?: LucideIcon;
  variant?: ComponentProps<typeof Button>["variant"];
  className?: string;
  children: ReactNode;
}) {
  return (
    <Button asChild variant={variant} className={className}>
      <Link href={href}>
        {Icon ? <Icon aria-hidden="true" /> : null}
        {children}
      </Link>
    </Button>
  );
}
