"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";

/** Signs out (next-auth clears the session cookie) and lands on the home page in the current language. */
export function SignOutButton({
  variant = "ghost",
  size = "sm",
  compact = false,
  className,
}: {
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  /** Icon only below lg (the text stays for screen readers), where the header is short of room. */
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("nav");
  const locale = useLocale();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size={size}
      className={className}
      aria-busy={pending || undefined}
      aria-disabled={pending || undefined}
      onClick={() => {
        if (pending) return;
        setPending(true);
        void signOut({ callbackUrl: `/${locale}` });
      }}
    >
      {pending ? <Spinner /> : <LogOut aria-hidden="true" />}
      <span className={cn(compact && "max-lg:sr-only")}>
        {pending ? t("signingOut") : t("signOut")}
      </span>
    </Button>
  );
}
