import type { ReactNode } from "react";

/** The account pages (sign-in, sign-up, password, invitation): one narrow, centered column. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 py-10 sm:py-16">
      {children}
    </div>
  );
}
