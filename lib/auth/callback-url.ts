/**
 * Where to go after signing in. Only a path on this site is accepted ("/ko/account"), never
 * "//evil.example" or "https://…" — an open redirect would make our sign-in page a phishing
 * tool. Pure: used by the sign-in form and by requireUser.
 */
export function safeCallbackPath(candidate: string | null | undefined, locale: string): string {
  const fallback = `/${locale}`;
  if (
    !candidate ||
    !candidate.startsWith("/") ||
    candidate.startsWith("//") ||
    candidate.startsWith("/\\")
  ) {
    return fallback;
  }
  try {
    const url = new URL(candidate, "http://internal.invalid");
    if (url.origin !== "http://internal.invalid") return fallback;
    // Coming back to an auth page after signing in would be a loop.
    if (/^\/(ko|en)\/(sign-in|sign-up)(\/|$)/.test(url.pathname)) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
