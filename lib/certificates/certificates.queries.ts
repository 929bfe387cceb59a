import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CertificateDocumentData } from "@/lib/certificates/certificate-pdf";
import { verificationUrl } from "@/lib/certificates/certificate-links";

/**
 * Reads of certificates: the PDF for the people allowed to download it, and the public
 * verification of a code (only what the certificate itself prints).
 */

const CERTIFICATE_SELECT = {
  code: true,
  hours: true,
  issuedAt: true,
  revokedAt: true,
  enrollment: {
    select: {
      userId: true,
      user: { select: { name: true } },
      session: {
        select: {
          instructors: { select: { userId: true } },
          course: { select: { code: true, titleKo: true, titleEn: true } },
          // Certificates are issued for completed sessions, whose meetings stay active.
          meetings: { where: { active: true }, select: { startsAt: true, endsAt: true } },
        },
      },
    },
  },
} as const satisfies Prisma.CertificateSelect;

type CertificateRow = Prisma.CertificateGetPayload<{ select: typeof CERTIFICATE_SELECT }>;

function span(meetings: { startsAt: Date; endsAt: Date }[], fallback: Date) {
  if (meetings.length === 0) return { startsAt: fallback, endsAt: fallback };
  return {
    startsAt: new Date(Math.min(...meetings.map((m) => m.startsAt.getTime()))),
    endsAt: new Date(Math.max(...meetings.map((m) => m.endsAt.getTime()))),
  };
}

function documentData(row: CertificateRow): CertificateDocumentData {
  const { session } = row.enrollment;
  return {
    code: row.code,
    traineeName: row.enrollment.user.name,
    courseCode: session.course.code,
    courseTitleKo: session.course.titleKo,
    courseTitleEn: session.course.titleEn,
    ...span(session.meetings, row.issuedAt),
    hours: row.hours,
    issuedAt: row.issuedAt,
    verifyUrl: verificationUrl(row.code),
  };
}

/**
 * A certificate's PDF content for `viewer`: its owner, an admin, or an instructor of its
 * session. Anyone else, an unknown code and a revoked certificate get null (the route answers
 * 404, so a code reveals nothing about whether it exists).
 */
export async function getCertificateDocument(
  viewer: CurrentUser,
  code: string,
): Promise<CertificateDocumentData | null> {
  const row = await db.certificate.findUnique({ where: { code }, select: CERTIFICATE_SELECT });
  if (!row || row.revokedAt) return null;
  const owner = row.enrollment.userId === viewer.id && can(viewer, "certificate:read:own");
  const staff =
    can(viewer, "session:read:any") ||
    (can(viewer, "session:read:assigned") &&
      row.enrollment.session.instructors.some((i) => i.userId === viewer.id));
  return owner || staff ? documentData(row) : null;
}

export type CertificateVerification =
  | {
      status: "valid";
      code: string;
      traineeName: string;
      courseCode: string;
      courseTitleKo: string;
      courseTitleEn: string;
      startsAt: Date;
      endsAt: Date;
      hours: number;
      issuedAt: Date;
    }
  | { status: "revoked"; code: string; revokedAt: Date }
  | { status: "unknown"; code: string };

/**
 * The public answer for a code (no sign-in): what the certificate prints, or that it was
 * revoked (when, not why: the reason is internal), or that no certificate has the code.
 * Callers rate-limit lookups (lib/certificates/verify-rate-limit.ts).
 */
export async function verifyCertificate(code: string): Promise<CertificateVerification> {
  const row = await db.certificate.findUnique({ where: { code }, select: CERTIFICATE_SELECT });
  if (!row) return { status: "unknown", code };
  if (row.revokedAt) return { status: "revoked", code: row.code, revokedAt: row.revokedAt };
  const { verifyUrl: _, ...printed } = documentData(row);
  return { status: "valid", ...printed };
}
