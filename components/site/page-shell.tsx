import type { ComponentProps, ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/lib/utils";

const widths = { wide: "max-w-6xl", medium: "max-w-4xl", narrow: "max-w-3xl" } as const;

/** The frame of an account or staff page: a centred column with the page's header on top. */
export function PageShell({
  width = "wide",
  children,
  ...header
}: ComponentProps<typeof PageHeader> & {
  width?: keyof typeof widths;
  children: ReactNode;
}) {
  return (
    <div className={cn("mx-auto w-full px-4 py-8 sm:py-10", widths[width])}>
      <PageHeader {...header} />
      {children}
    </div>
  );
}
