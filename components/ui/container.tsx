import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** The page column every page shares (width, side padding, vertical rhythm). */
export function Container({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10", className)}
      {...props}
    />
  );
}
