import { env } from "@/lib/env";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * Where a certificate lives. The verification link has no locale (it is printed and encoded in
 * the QR code for anyone, so proxy.ts picks the reader's language); the download link does.
 */
export function verificationPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}

export function verificationUrl(code: string): string {
  return new URL(verificationPath(code), env.APP_URL).toString();
}

/** Locale-prefixed path of the certificate's PDF (a route handler, so a plain <a href>). */
export function certificatePdfPath(code: string, locale: AppLocale): string {
  return `/${locale}/certificates/${encodeURIComponent(code)}/certificate.pdf`;
}

export function certificatePdfUrl(code: string, locale: AppLocale): string {
  return new URL(certificatePdfPath(code, locale), env.APP_URL).toString();
}
