import type { LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * One band of the home page: a labelled <section> with an eyebrow, an h2, an optional lead and
 * its content, on a white or tinted background.
 */
export function HomeSection({
  id,
  eyebrow,
  title,
  lead,
  tone = "plain",
  children,
  className,
}: {
  id: string;
  eyebrow?: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  tone?: "plain" | "tinted";
  children: ReactNode;
  className?: string;
}) {
  const headingId = `${id}-title`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn(tone === "tinted" && "bg-brand-50", className)}
    >
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-20">
        <div className="mb-10 flex max-w-2xl flex-col gap-3">
          {eyebrow ? (
            <p className="text-sm font-semibold tracking-wide text-primary">{eyebrow}</p>
          ) : null}
          <h2 id={headingId} className="text-2xl font-bold tracking-tight text-balance sm:text-3xl">
            {title}
          </h2>
          {lead ? (
            <p className="text-base leading-relaxed text-muted-foreground sm:text-lg">{lead}</p>
          ) : null}
        </div>
        {children}
      </div>
    </section>
  );
}

/** The teal rounded square that holds a section or card icon. */
export function IconTile({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "flex size-11 shrink-0 items-center justify-center rounded-lg bg-secondary text-brand-700 [&_svg]:size-5.5",
        className,
      )}
    >
      {children}
    </span>
  );
}

/** The title and explanation of one card, step or lab on the home page. */
export function ItemText({
  title,
  description,
  headingLevel: Heading = "h3",
  className,
}: {
  title: ReactNode;
  description: ReactNode;
  headingLevel?: "h3" | "h4";
  className?: string;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <Heading className="font-semibold">{title}</Heading>
      <p className="text-sm leading-relaxed text-muted-foreground">{description}</p>
    </div>
  );
}

/** A list item with an icon tile beside its title and explanation (topics, labs). */
export function IconItem({
  icon: Icon,
  className,
  textClassName,
  ...text
}: Omit<ComponentProps<typeof ItemText>, "className"> & {
  icon: LucideIcon;
  className?: string;
  textClassName?: string;
}) {
  return (
    <li className={cn("flex gap-4", className)}>
      <IconTile>
        <Icon aria-hidden="true" />
      </IconTile>
      <ItemText {...text} className={textClassName} />
    </li>
  );
}
