import { isCertificateCode } from "@/lib/certificates/certificate-code";
import { renderCertificatePdf } from "@/lib/certificates/certificate-pdf";
import { getCertificateDocument } from "@/lib/certificates/certificates.queries";
import { downloadUser, fileResponse, refusal } from "@/lib/http/download";
import { isAppLocale } from "@/lib/i18n/routing";

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
  if (!isAppLocale(locale)) return refusal(404);
  const user = await downloadUser(request, locale);
  if (!isCertificateCode(code)) return refusal(404);
  const certificate = await getCertificateDocument(user, code);
  if (!certificate) return refusal(404);

  return fileResponse({
    body: await renderCertificatePdf(certificate),
    contentType: "application/pdf",
    filename: `certificate-${certificate.code}.pdf`,
  });
}
