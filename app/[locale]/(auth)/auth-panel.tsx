import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";

/** The card every account page shows: the page's single <h1>, an explanation, the form, links. */
export function AuthPanel({
  title,
  description,
  children,
  footer,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description ? (
          <CardDescription className="text-base">{description}</CardDescription>
        ) : null}
      </CardHeader>
      {children ? <CardContent className="flex flex-col gap-5">{children}</CardContent> : null}
      {footer ? (
        <CardFooter className="border-t border-border pt-5 text-sm sm:pt-5">{footer}</CardFooter>
      ) : null}
    </Card>
  );
}

/** The panel footer's way to a sibling page, e.g. "No account yet? Create one". */
export function AuthPanelLink({
  prompt,
  href,
  children,
}: {
  prompt?: ReactNode;
  href: "/sign-in" | "/sign-up" | "/forgot-password";
  children: ReactNode;
}) {
  const link = (
    <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline">
      {children}
    </Link>
  );
  if (!prompt) return link;
  return (
    <p>
      {prompt} {link}
    </p>
  );
}
