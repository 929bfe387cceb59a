import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { isCertificateCode } from "@/lib/certificates/certificate-code";
import { renderCertificatePdf } from "@/lib/certificates/certificate-pdf";
import { getCertificateDocument } from "@/lib/certificates/certificates.queries";
import { isAppLocale } from "@/lib/i18n/routing";

const notFound = () =>
  new Response(null, { status: 404, headers: { "Cache-Control": "private, no-store" } });

/**
 * A certificate's PDF (linked from the completion mail and the attendance page): for its owner,
 * admins and the session's instructors. Anyone else, an unknown code and a revoked certificate
 * get 404, so the route tells nothing about which codes exist (the public page for that is
 * /verify, rate-limited).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; code: string }> },
) {
  const { locale, code } = await params;
  if (!isAppLocale(locale)) return notFound();

  const user = await getCurrentUser();
  if (!user) {
    // The proxy skips paths with a dot, so the return path is taken from the request itself.
    const callbackUrl = safeCallbackPath(new URL(request.url).pathname, locale);
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl })}`);
  }
  if (!isCertificateCode(code)) return notFound();
  const certificate = await getCertificateDocument(user, code);
  if (!certificate) return notFound();

  const pdf = await renderCertificatePdf(certificate);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${certificate.code}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
