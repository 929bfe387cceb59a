import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { hashToken } from "@/lib/auth/tokens";
import type { CurrentUser } from "@/lib/auth/current-user";
import { acceptInvitation, signUp, verifyEmail, viewInvitation } from "@/lib/users/users.service";
import { createTestUser, tokenFromLatestMail } from "@/lib/users/users.test-helpers";
import {
  addCohortMember,
  confirmMemberImport,
  createCohort,
  previewMemberImport,
  removeCohortMember,
  resendCohortInvitation,
  setCohortArchived,
  updateCohortMember,
} from "@/lib/cohorts/cohorts.service";
import { getCohort, listCohortMembers, listCohorts } from "@/lib/cohorts/cohorts.queries";
import { IMPORT_MAX_ROWS } from "@/lib/cohorts/cohorts.schemas";
import {
  cohortSnapshot,
  createPartner,
  createTestCohort,
  csvFile,
} from "@/lib/cohorts/cohorts.test-helpers";

/**
 * The cohort service against a real database: pre-registration and linking, the import from
 * preview to all-or-nothing confirmation, and the rules of archived cohorts and invitations.
 */

let coordinator: CurrentUser;
let organizationId: string;

beforeAll(async () => {
  ({ coordinator, organizationId } = await createPartner("인하대학교 (test)"));
  // Someone on the import file who already has an account.
  await createTestUser({ email: "importer.account@inha.example" });
});

const memberQuery = { page: 1 } as const;
const member = (
  cohortId: string,
  email: string,
  extra: Partial<{ name: string; locale: "ko" | "en" }> = {},
) => ({
  cohortId,
  email,
  name: extra.name ?? "김민지",
  studentNumber: "12201187",
  department: "생명공학과",
  locale: extra.locale ?? ("ko" as const),
});

describe("cohorts", () => {
  it("a coordinator creates cohorts of their own organization, with names unique within it", async () => {
    const { cohortId } = await createCohort(coordinator, {
      name: "생명공학과 2027 봄학기",
      program: "Fast Trak 연계 과정",
      description: null,
      startsOn: "2027-03-02",
      // Ignored for a coordinator: their organization is the one they were invited for.
      organizationId: "someone-else",
    });
    const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId } });
    expect(cohort).toMatchObject({ organizationId, createdById: coordinator.id });
    expect(cohort.startsOn?.toISOString()).toBe("2027-03-02T00:00:00.000Z");
    await expect(
      createCohort(coordinator, {
        name: "생명공학과 2027 봄학기",
        program: null,
        description: null,
        startsOn: null,
        organizationId: null,
      }),
    ).rejects.toMatchObject({ code: "COHORT_NAME_TAKEN", field: "name" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: cohortId } });
    expect(audit).toMatchObject({ action: "cohort.create", actorId: coordinator.id });
  });

  it("an admin creates a cohort for a partner organization they choose, and only a partner one", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const { cohortId } = await createCohort(admin, {
      name: "Admin-made cohort",
      program: null,
      description: null,
      startsOn: null,
      organizationId,
    });
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohortId } })).organizationId).toBe(
      organizationId,
    );
    const company = await db.organization.create({
      data: { name: "Not a partner Inc.", type: "COMPANY" },
    });
    await expect(
      createCohort(admin, {
        name: "x",
        program: null,
        description: null,
        startsOn: null,
        organizationId: company.id,
      }),
    ).rejects.toMatchObject({ code: "PARTNER_ORGANIZATION_INVALID" });
  });

  it("an archived cohort leaves the active list, refuses changes and comes back when restored", async () => {
    const cohort = await createTestCohort(organizationId);
    await setCohortArchived(coordinator, { cohortId: cohort.id, archived: true });
    const active = await listCohorts(coordinator, { archived: false, page: 1 }, "ko");
    const archived = await listCohorts(coordinator, { archived: true, page: 1 }, "ko");
    expect(active.items.map((c) => c.id)).not.toContain(cohort.id);
    expect(archived.items.map((c) => c.id)).toContain(cohort.id);
    await expect(
      addCohortMember(coordinator, member(cohort.id, "late@inha.example")),
    ).rejects.toMatchObject({
      code: "COHORT_ARCHIVED",
    });
    await setCohortArchived(coordinator, { cohortId: cohort.id, archived: false });
    await addCohortMember(coordinator, member(cohort.id, "late@inha.example"));
    const actions = await db.auditLog.findMany({
      where: { entityId: cohort.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["cohort.archive", "cohort.restore"]);
  });
});

describe("pre-registered members", () => {
  it("someone without an account gets an invitation in the chosen language, with a hashed token", async () => {
    const cohort = await createTestCohort(organizationId, "English invitations");
    const email = "Jiwoo.Park@Inha.example";
    const { memberId, welcome } = await addCohortMember(
      coordinator,
      member(cohort.id, email.toLowerCase(), { name: "Jiwoo Park", locale: "en" }),
    );
    expect(welcome).toBe("invited");

    const invitation = await db.invitation.findFirstOrThrow({
      where: { cohortMemberId: memberId },
    });
    expect(invitation).toMatchObject({
      role: "TRAINEE",
      organizationId,
      locale: "en",
      invitedById: coordinator.id,
    });
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { toEmail: email.toLowerCase() },
    });
    expect(mail).toMatchObject({ template: "cohort.invitation", locale: "en" });
    expect(mail.subject).toContain("has registered you");
    const token = await tokenFromLatestMail(email.toLowerCase(), "cohort.invitation");
    // Only the hash is stored; the link's token matches it.
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(invitation)).not.toContain(token);

    const members = await listCohortMembers(coordinator, cohort.id, memberQuery);
    expect(members.items).toEqual([
      expect.objectContaining({ id: memberId, status: "INVITED", invitationLocale: "en" }),
    ]);
  });

  it("are linked when they accept the invitation, and the coordinator sees them joined", async () => {
    const cohort = await createTestCohort(organizationId);
    const email = "accept.me@inha.example";
    const { memberId } = await addCohortMember(coordinator, member(cohort.id, email));
    const token = await tokenFromLatestMail(email, "cohort.invitation");
    expect(await viewInvitation(token)).toMatchObject({
      status: "valid",
      role: "TRAINEE",
      organizationName: "인하대학교 (test)",
    });

    await acceptInvitation({ token, name: "김민지", password: "bioprocess-2025" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "TRAINEE", organizationId });
    const linked = await db.cohortMember.findUniqueOrThrow({ where: { id: memberId } });
    expect(linked.userId).toBe(user.id);
    expect(linked.joinedAt).not.toBeNull();
    expect(
      (await listCohortMembers(coordinator, cohort.id, { status: "JOINED", page: 1 })).items,
    ).toHaveLength(1);
    expect((await getCohort(coordinator, cohort.id, "ko"))?.counts).toMatchObject({
      total: 1,
      JOINED: 1,
      INVITED: 0,
    });
  });

  it("are linked when they sign up on their own (any letter case) and verify their address", async () => {
    const cohortA = await createTestCohort(organizationId);
    const cohortB = await createTestCohort(organizationId);
    const email = "self.signup@inha.example";
    const a = await addCohortMember(coordinator, member(cohortA.id, email));
    const b = await addCohortMember(coordinator, member(cohortB.id, email));

    const { userId } = await signUp({
      name: "김민지",
      email: "Self.SignUp@INHA.example",
      password: "bioprocess-2025",
      organizationName: null,
      locale: "ko",
    });
    // Not before the address is proven: nobody takes someone else's place by signing up with it.
    expect(
      (await db.cohortMember.findUniqueOrThrow({ where: { id: a.memberId } })).userId,
    ).toBeNull();
    const token = await tokenFromLatestMail("Self.SignUp@INHA.example", "auth.verify-email");
    expect(await verifyEmail(token)).toMatchObject({ status: "verified" });
    for (const { memberId } of [a, b]) {
      const row = await db.cohortMember.findUniqueOrThrow({ where: { id: memberId } });
      expect(row.userId).toBe(userId);
      expect(row.joinedAt).not.toBeNull();
    }
  });

  it("someone with a verified account is linked at once and told, in their own language", async () => {
    const cohort = await createTestCohort(organizationId);
    const existing = await createTestUser({ email: "has.account@inha.example" });
    await db.user.update({ where: { id: existing.id }, data: { locale: "en" } });
    const { memberId, welcome } = await addCohortMember(
      coordinator,
      member(cohort.id, "HAS.account@inha.example".toLowerCase()),
    );
    expect(welcome).toBe("linked");
    expect((await db.cohortMember.findUniqueOrThrow({ where: { id: memberId } })).userId).toBe(
      existing.id,
    );
    expect(await db.invitation.count({ where: { cohortMemberId: memberId } })).toBe(0);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { toEmail: "has.account@inha.example" },
    });
    expect(mail).toMatchObject({ template: "cohort.added", locale: "en", userId: existing.id });
  });

  it("an account still awaiting verification gets no mail and is linked once verified", async () => {
    const cohort = await createTestCohort(organizationId);
    const pending = await createTestUser({ email: "pending@inha.example", verified: false });
    const { memberId, welcome } = await addCohortMember(
      coordinator,
      member(cohort.id, "pending@inha.example"),
    );
    expect(welcome).toBe("awaiting-verification");
    expect(await db.outboxMessage.count({ where: { toEmail: "pending@inha.example" } })).toBe(0);
    expect(
      (await db.cohortMember.findUniqueOrThrow({ where: { id: memberId } })).userId,
    ).toBeNull();
    expect(pending.id).toBeTruthy();
  });

  it("a resend replaces the link (the old one stops working), at most once per 10 minutes", async () => {
    const cohort = await createTestCohort(organizationId);
    const email = "resend@inha.example";
    const { memberId } = await addCohortMember(coordinator, member(cohort.id, email));
    const first = await tokenFromLatestMail(email, "cohort.invitation");
    await expect(
      resendCohortInvitation(coordinator, { cohortId: cohort.id, memberId, locale: "en" }),
    ).rejects.toMatchObject({ code: "INVITATION_RECENTLY_SENT" });
    // As if the first invitation went out a while ago.
    await db.invitation.updateMany({
      where: { cohortMemberId: memberId },
      data: { createdAt: new Date(Date.now() - 3_600_000) },
    });
    expect(
      await resendCohortInvitation(coordinator, { cohortId: cohort.id, memberId, locale: "en" }),
    ).toEqual({ welcome: "invited" });
    const second = await tokenFromLatestMail(email, "cohort.invitation");
    expect(await viewInvitation(first)).toEqual({ status: "revoked" });
    expect(await viewInvitation(second)).toMatchObject({ status: "valid" });
    expect((await listCohortMembers(coordinator, cohort.id, memberQuery)).items[0]).toMatchObject({
      invitationLocale: "en",
    });
  });

  it("a joined member needs no invitation, and their address cannot be changed", async () => {
    const cohort = await createTestCohort(organizationId);
    await createTestUser({ email: "joined@inha.example" });
    const { memberId } = await addCohortMember(
      coordinator,
      member(cohort.id, "joined@inha.example"),
    );
    await expect(
      resendCohortInvitation(coordinator, { cohortId: cohort.id, memberId, locale: "ko" }),
    ).rejects.toMatchObject({
      code: "MEMBER_ALREADY_JOINED",
    });
    await expect(
      updateCohortMember(coordinator, { ...member(cohort.id, "other@inha.example"), memberId }),
    ).rejects.toMatchObject({ code: "MEMBER_EMAIL_LOCKED", field: "email" });
    await updateCohortMember(coordinator, {
      ...member(cohort.id, "joined@inha.example", { name: "김민지 (수정)" }),
      studentNumber: null,
      memberId,
    });
    const row = await db.cohortMember.findUniqueOrThrow({ where: { id: memberId } });
    expect(row).toMatchObject({ name: "김민지 (수정)", studentNumber: null });
  });

  it("a corrected address of someone who has not joined gets a new invitation; the old one dies", async () => {
    const cohort = await createTestCohort(organizationId);
    const { memberId } = await addCohortMember(coordinator, member(cohort.id, "typo@inha.exmaple"));
    const old = await tokenFromLatestMail("typo@inha.exmaple", "cohort.invitation");
    const { welcome } = await updateCohortMember(coordinator, {
      ...member(cohort.id, "typo@inha.example"),
      memberId,
    });
    expect(welcome).toBe("invited");
    expect(await viewInvitation(old)).toEqual({ status: "revoked" });
    const fresh = await tokenFromLatestMail("typo@inha.example", "cohort.invitation");
    expect(await viewInvitation(fresh)).toMatchObject({
      status: "valid",
      email: "typo@inha.example",
    });
  });

  it("removing a member stops their open invitation and keeps no row", async () => {
    const cohort = await createTestCohort(organizationId);
    const { memberId } = await addCohortMember(
      coordinator,
      member(cohort.id, "leaver@inha.example"),
    );
    const token = await tokenFromLatestMail("leaver@inha.example", "cohort.invitation");
    await removeCohortMember(coordinator, { cohortId: cohort.id, memberId });
    expect(await db.cohortMember.count({ where: { id: memberId } })).toBe(0);
    expect(await viewInvitation(token)).toEqual({ status: "revoked" });
    await expect(
      removeCohortMember(coordinator, { cohortId: cohort.id, memberId }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("one address appears once per cohort", async () => {
    const cohort = await createTestCohort(organizationId);
    await addCohortMember(coordinator, member(cohort.id, "once@inha.example"));
    await expect(
      addCohortMember(coordinator, member(cohort.id, "once@inha.example")),
    ).rejects.toMatchObject({
      code: "MEMBER_EMAIL_TAKEN",
      field: "email",
    });
  });
});

describe("import", () => {
  const cp949 = (text: string) => new Uint8Array(iconv.encode(text, "cp949"));

  async function cohortWithTwoMembers() {
    const cohort = await createTestCohort(organizationId);
    await addCohortMember(coordinator, {
      ...member(cohort.id, "same@inha.example", { name: "그대로" }),
      studentNumber: "1",
      department: "생명공학과",
    });
    await addCohortMember(coordinator, {
      ...member(cohort.id, "changed@inha.example", { name: "옛 이름" }),
      studentNumber: "2",
      department: null,
    });
    return cohort;
  }

  const FILE = [
    "이름,이메일,학번,학과,언어",
    "새 학생,new@inha.example,10,생명공학과,",
    "English Student,english@inha.example,11,Bioengineering,en",
    "그대로,same@inha.example,1,,",
    "새 이름,changed@inha.example,2,화학공학과,",
    "새 학생 다시,NEW@inha.example,12,,",
    ",noname@inha.example,13,,",
    '"=HYPERLINK(""http://evil.example"")",formula@inha.example,14,,',
    "기존 회원,importer.account@inha.example,15,,",
  ].join("\r\n");

  it("previews a CP949 file row by row and writes nothing", async () => {
    const cohort = await cohortWithTwoMembers();
    const before = await cohortSnapshot();
    const preview = await previewMemberImport(coordinator, {
      cohortId: cohort.id,
      locale: "ko",
      file: csvFile(cp949(FILE), "명단.csv"),
    });
    expect(await cohortSnapshot()).toEqual(before);
    expect(preview).toMatchObject({ format: "csv", encoding: "cp949", ignoredColumns: [] });
    expect(preview.counts).toEqual({
      added: 4,
      updated: 1,
      duplicate: 2,
      invalid: 1,
      invited: 3,
      linked: 1,
    });
    expect(preview.rows.map((r) => [r.line, r.outcome, r.welcome ?? null])).toEqual([
      [2, "added", "invited"],
      [3, "added", "invited"],
      [4, "duplicate", null],
      [5, "updated", null],
      [6, "duplicate", null],
      [7, "invalid", null],
      [8, "added", "invited"],
      [9, "added", "linked"],
    ]);
    expect(preview.rows[4]).toMatchObject({ duplicateOfLine: 2 });
    expect(preview.rows[5]!.issues).toEqual([
      { field: "name", key: "validation.required", params: { min: 1 } },
    ]);
    expect(preview.rows[6]).toMatchObject({
      cells: { name: '=HYPERLINK("http://evil.example")' },
      formulaLike: ["name"],
    });
  });

  it("confirms all at once: members, invitations in each row's language, one audit entry", async () => {
    const cohort = await cohortWithTwoMembers();
    const preview = await previewMemberImport(coordinator, {
      cohortId: cohort.id,
      locale: "ko",
      file: csvFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FILE)])),
    });
    expect(preview.encoding).toBe("utf-8-bom");
    const counts = await confirmMemberImport(coordinator, {
      cohortId: cohort.id,
      preview: preview.sealed,
    });
    expect(counts).toEqual({
      added: 4,
      updated: 1,
      duplicate: 2,
      invalid: 1,
      invited: 3,
      linked: 1,
    });

    const rows = await db.cohortMember.findMany({
      where: { cohortId: cohort.id },
      orderBy: { email: "asc" },
    });
    expect(rows.map((r) => [r.email, r.name, r.studentNumber, r.department])).toEqual([
      ["changed@inha.example", "새 이름", "2", "화학공학과"],
      ["english@inha.example", "English Student", "11", "Bioengineering"],
      ["formula@inha.example", '=HYPERLINK("http://evil.example")', "14", null],
      ["importer.account@inha.example", "기존 회원", "15", null],
      ["new@inha.example", "새 학생", "10", "생명공학과"],
      ["same@inha.example", "그대로", "1", "생명공학과"],
    ]);
    const invitations = await db.invitation.findMany({
      where: {
        cohortMember: { cohortId: cohort.id },
        email: { in: ["new@inha.example", "english@inha.example"] },
      },
      select: { email: true, locale: true },
      orderBy: { email: "asc" },
    });
    expect(invitations).toEqual([
      { email: "english@inha.example", locale: "en" },
      { email: "new@inha.example", locale: "ko" },
    ]);
    expect(
      await db.outboxMessage.count({
        where: { template: "cohort.invitation", toEmail: "english@inha.example", locale: "en" },
      }),
    ).toBe(1);
    const audit = await db.auditLog.findMany({
      where: { entityId: cohort.id, action: "cohort.import" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({
      rows: 8,
      added: 4,
      updated: 1,
      duplicate: 2,
      invalid: 1,
      linked: 1,
    });

    // The same preview cannot be applied twice: the cohort is no longer what it showed.
    await expect(
      confirmMemberImport(coordinator, { cohortId: cohort.id, preview: preview.sealed }),
    ).rejects.toMatchObject({
      code: "IMPORT_PREVIEW_STALE",
    });
  });

  it("refuses a preview the cohort has outgrown, and writes nothing", async () => {
    const cohort = await cohortWithTwoMembers();
    const preview = await previewMemberImport(coordinator, {
      cohortId: cohort.id,
      locale: "ko",
      file: csvFile(FILE),
    });
    // Meanwhile someone adds one of the file's people by hand.
    await addCohortMember(coordinator, member(cohort.id, "new@inha.example"));
    const before = await cohortSnapshot();
    await expect(
      confirmMemberImport(coordinator, { cohortId: cohort.id, preview: preview.sealed }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await cohortSnapshot()).toEqual(before);
  });

  it("leaves nothing written when the transaction fails half-way (after the members were inserted)", async () => {
    const cohort = await cohortWithTwoMembers();
    const preview = await previewMemberImport(coordinator, {
      cohortId: cohort.id,
      locale: "ko",
      file: csvFile(FILE),
    });
    // A failure the service cannot foresee, raised by the database while the mails are queued —
    // after the new members, their invitations and the updates have been written.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_fail_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.to_email = 'formula@inha.example' THEN RAISE EXCEPTION 'mail server on fire'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_mail BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION test_fail_mail()`,
    );
    try {
      const before = await cohortSnapshot();
      await expect(
        confirmMemberImport(coordinator, { cohortId: cohort.id, preview: preview.sealed }),
      ).rejects.toThrow();
      expect(await cohortSnapshot()).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_mail ON outbox_messages`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_mail()`);
    }
    // Nothing was lost either: the same preview still applies once the fault is gone.
    await confirmMemberImport(coordinator, { cohortId: cohort.id, preview: preview.sealed });
    expect(await db.cohortMember.count({ where: { cohortId: cohort.id } })).toBe(6);
  });

  it("refuses a tampered, foreign or misdirected preview", async () => {
    const cohort = await cohortWithTwoMembers();
    const other = await createTestCohort(organizationId);
    const { sealed } = await previewMemberImport(coordinator, {
      cohortId: cohort.id,
      locale: "ko",
      file: csvFile(FILE),
    });
    const [data, mac] = sealed.split(".");
    const body = JSON.parse(Buffer.from(data!, "base64url").toString());
    body.rows[0].member.email = "intruder@evil.example";
    const tampered = `${Buffer.from(JSON.stringify(body)).toString("base64url")}.${mac}`;
    const colleague = await createTestUser({ role: "PARTNER", organizationId });
    const before = await cohortSnapshot();
    for (const [actor, cohortId, text] of [
      [coordinator, cohort.id, tampered],
      [coordinator, cohort.id, "garbage"],
      [coordinator, other.id, sealed],
      [colleague, cohort.id, sealed],
    ] as const) {
      await expect(confirmMemberImport(actor, { cohortId, preview: text })).rejects.toMatchObject({
        code: "IMPORT_PREVIEW_INVALID",
      });
    }
    expect(await cohortSnapshot()).toEqual(before);
  });

  it("refuses a file too big, too long or malformed with a reason, before anything else", async () => {
    const cohort = await createTestCohort(organizationId);
    const tooMany = [
      "name,email",
      ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `s${i},s${i}@x.example`),
    ].join("\n");
    const cases: [File, string][] = [
      [csvFile(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41)), "IMPORT_FILE_TOO_LARGE"],
      [csvFile(tooMany), "IMPORT_TOO_MANY_ROWS"],
      [csvFile('이름,이메일\n"김민지,minji@inha.example\n'), "IMPORT_FILE_MALFORMED"],
      [csvFile("학번,학과\n1,2\n"), "IMPORT_MISSING_COLUMNS"],
    ];
    for (const [file, code] of cases) {
      const error = await previewMemberImport(coordinator, {
        cohortId: cohort.id,
        locale: "ko",
        file,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code, field: "file" });
    }
  });

  it(`imports the largest allowed file (${IMPORT_MAX_ROWS} rows) in one transaction`, async () => {
    const cohort = await createTestCohort(organizationId);
    const text = [
      "이름,이메일,학번",
      ...Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => `학생${i},big${i}@inha.example,${i}`),
    ].join("\n");
    const preview = await previewMemberImport(coordinator, {
      cohortId: cohort.id,
      locale: "ko",
      file: csvFile(text),
    });
    const counts = await confirmMemberImport(coordinator, {
      cohortId: cohort.id,
      preview: preview.sealed,
    });
    expect(counts).toMatchObject({ added: IMPORT_MAX_ROWS, invited: IMPORT_MAX_ROWS });
    expect(await db.invitation.count({ where: { cohortMember: { cohortId: cohort.id } } })).toBe(
      IMPORT_MAX_ROWS,
    );
  }, 180_000);
});
