import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { runAction } from "@/lib/actions/action";
import { mark, startedSession } from "@/lib/attendance/attendance.test-helpers";
import { completeSession } from "@/lib/attendance/completion.service";
import { renderCertificatePdf } from "@/lib/certificates/certificate-pdf";
import { revokeCertificateAction, verifyCodeAction } from "@/lib/certificates/certificates.actions";
import { getCertificateDocument, verifyCertificate } from "@/lib/certificates/certificates.queries";
import { revokeCertificate } from "@/lib/certificates/certificates.service";
import { extractPdfText } from "@/lib/certificates/pdf-text.test-helpers";
import { createVerifyRateLimit } from "@/lib/certificates/verify-rate-limit";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";

/** A completed session with one certificate (trainee 1) and one no-show (trainee 2). */
async function completed() {
  const setup = await startedSession({ trainees: 2 });
  await mark(setup, [
    ["PRESENT", "LATE"],
    ["ABSENT", "ABSENT"],
  ]);
  const summary = await completeSession(setup.instructor, { sessionId: setup.session.id });
  const code = summary.certificates[0]!.code;
  return { ...setup, code };
}

async function outsiders() {
  const partnerOrg = await createPartnerOrganization();
  return {
    trainee: await createTestUser(),
    instructor: await createTestUser({ role: "INSTRUCTOR" }),
    partner: await createTestUser({ role: "PARTNER", organizationId: partnerOrg.id }),
  };
}

const flat = (text: string) => text.replace(/\s+/g, " ");

describe("certificate PDF download", () => {
  it("is for the owner, admins and the session's instructors; a PDF with the course, name, code and Korean text", async () => {
    const setup = await completed();
    const owner = setup.trainees[0]!.user;
    for (const viewer of [owner, setup.admin, setup.instructor]) {
      expect(await getCertificateDocument(viewer, setup.code)).toMatchObject({ code: setup.code });
    }
    const others = await outsiders();
    for (const viewer of [others.trainee, others.instructor, others.partner, setup.trainees[1]!.user]) {
      expect(await getCertificateDocument(viewer, setup.code)).toBeNull();
    }
    expect(await getCertificateDocument(setup.admin, "FT-2222-2222")).toBeNull();

    const data = await getCertificateDocument(owner, setup.code);
    expect(data).toMatchObject({
      traineeName: "수강생 1",
      courseTitleKo: "유가식 배양 실습",
      courseTitleEn: "Fed-Batch Culture Lab",
      hours: 16,
      startsAt: setup.meetings[0]!.startsAt,
      verifyUrl: expect.stringMatching(new RegExp(`^https?://[^/]+/verify/${setup.code}$`)),
    });
    const { text, pageCount } = extractPdfText(await renderCertificatePdf(data!));
    const page = flat(text);
    expect(pageCount).toBe(1);
    expect(page).toContain("수료증");
    expect(page).toContain("수강생 1");
    expect(page).toContain("유가식 배양 실습");
    expect(page).toContain("Fed-Batch Culture Lab");
    expect(page).toContain(setup.code);
    expect(page).toContain("16시간 / 16 hours");
  });

  it("is withdrawn once the certificate is revoked", async () => {
    const setup = await completed();
    await revokeCertificate(setup.admin, { code: setup.code, reason: "출석 기록 오류" });
    expect(await getCertificateDocument(setup.trainees[0]!.user, setup.code)).toBeNull();
    expect(await getCertificateDocument(setup.admin, setup.code)).toBeNull();
  });
});

describe("public verification", () => {
  it("confirms a certificate with only what it prints, and denies revoked and unknown codes", async () => {
    const setup = await completed();
    const valid = await verifyCertificate(setup.code);
    expect(valid).toMatchObject({
      status: "valid",
      code: setup.code,
      traineeName: "수강생 1",
      courseCode: expect.any(String),
      courseTitleKo: "유가식 배양 실습",
      hours: 16,
    });
    // No email, organization, ids or links: nothing beyond the printed certificate.
    expect(Object.keys(valid).sort()).toEqual(
      ["code", "courseCode", "courseTitleEn", "courseTitleKo", "endsAt", "hours", "issuedAt", "startsAt", "status", "traineeName"],
    );

    expect(await verifyCertificate("FT-2222-2222")).toEqual({ status: "unknown", code: "FT-2222-2222" });

    const { revokedAt } = await revokeCertificate(setup.admin, { code: setup.code, reason: "출석 기록 오류" });
    expect(await verifyCertificate(setup.code)).toEqual({ status: "revoked", code: setup.code, revokedAt });
  });

  it("reads a typed code leniently and opens its page; refuses what cannot be a code", async () => {
    const ok = await runAction(null, verifyCodeAction.definition, { code: " ft 7k3m q9pd " });
    expect(ok).toMatchObject({ ok: true });
    const bad = await runAction(null, verifyCodeAction.definition, { code: "FT-0000-0000" }, { locale: "en" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { code: ["That is not a certificate code. Enter it as FT-XXXX-XXXX."] } });
  });

  it("limits lookups per address, and stops an address that keeps missing", async () => {
    const limits = createVerifyRateLimit(
      { lookups: { points: 3, durationSeconds: 60 }, misses: { points: 2, durationSeconds: 60, blockSeconds: 600 } },
      getPool(),
      `test-${randomUUID()}`,
    );
    for (let i = 0; i < 3; i++) expect(await limits.consume("198.51.100.1")).toEqual({ allowed: true });
    expect(await limits.consume("198.51.100.1")).toMatchObject({ allowed: false });
    expect(await limits.consume("198.51.100.2")).toEqual({ allowed: true });

    await limits.recordMiss("198.51.100.2");
    expect(await limits.consume("198.51.100.2")).toEqual({ allowed: true });
    await limits.recordMiss("198.51.100.2");
    const refused = await limits.consume("198.51.100.2");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(500);
    expect(await limits.consume("198.51.100.3")).toEqual({ allowed: true });
  });
});

describe("revoking a certificate", () => {
  it("is for admins, once, with the reason in the audit log", async () => {
    const setup = await completed();
    const { revokedAt } = await revokeCertificate(setup.admin, { code: setup.code, reason: "출석 기록 오류" }, { ip: "10.1.1.1" });
    const certificate = await db.certificate.findUniqueOrThrow({ where: { code: setup.code } });
    expect(certificate).toMatchObject({ revokedAt, revokeReason: "출석 기록 오류" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "certificate.revoke", entityId: certificate.id } });
    expect(audit).toMatchObject({ actorId: setup.admin.id, ip: "10.1.1.1" });
    await expect(revokeCertificate(setup.admin, { code: setup.code, reason: "again" })).rejects.toMatchObject({
      code: "CERTIFICATE_ALREADY_REVOKED",
    });
    await expect(revokeCertificate(setup.admin, { code: "FT-2222-2222", reason: "x" })).rejects.toMatchObject({
      code: "CERTIFICATE_NOT_FOUND",
    });
  });

  it("refuses instructors (even the session's own), trainees and partners", async () => {
    const setup = await completed();
    const others = await outsiders();
    const input = { code: setup.code, reason: "잘못 발급" };
    for (const actor of [setup.instructor, setup.trainees[0]!.user, others.partner]) {
      await expect(revokeCertificate(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await runAction(actor, revokeCertificateAction.definition, input)).toMatchObject({
        ok: false,
        errorCode: "FORBIDDEN",
      });
    }
    expect((await db.certificate.findUniqueOrThrow({ where: { code: setup.code } })).revokedAt).toBeNull();
    expect(await runAction(setup.admin, revokeCertificateAction.definition, input)).toMatchObject({ ok: true });
  });
});
