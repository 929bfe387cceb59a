import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** The shared body of the error and not-found pages: icon, code, title, explanation, actions. */
export function StatusPage({
  icon: Icon,
  code,
  title,
  description,
  actions,
  children,
}: {
  icon: LucideIcon;
  code?: string;
  title: ReactNode;
  description: ReactNode;
  actions: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center gap-4 px-4 py-16 text-center sm:py-24">
      <span className="flex size-14 items-center justify-center rounded-full bg-secondary text-secondary-foreground">
        <Icon aria-hidden="true" className="size-7" />
      </span>
      {code ? <p className="text-sm font-semibold tracking-widest text-primary">{code}</p> : null}
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      <p className="leading-relaxed text-muted-foreground">{description}</p>
      {children}
      <div className="mt-4 flex flex-wrap justify-center gap-3">{actions}</div>
    </div>
  );
}
