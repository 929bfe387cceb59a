import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";
import {
  AUDIT_PAGE_SIZE,
  auditListQuerySchema,
  listAuditEntries,
  listAuditFilterOptions,
} from "@/lib/audit/audit.queries";

/**
 * The audit log page's reads: entries of admins, instructors and partners, newest first,
 * filtered by actor, entity type, action and Seoul calendar days, a page at a time.
 */

let admin: CurrentUser;
let instructor: CurrentUser;
let partner: CurrentUser;
let trainee: CurrentUser;

const q = (params: Record<string, string> = {}) => auditListQuerySchema.parse(params);

beforeAll(async () => {
  admin = await createTestUser({
    role: "ADMIN",
    name: "Yoon Seojin",
    email: "seojin.yoon@fasttrak.example",
  });
  instructor = await createTestUser({
    role: "INSTRUCTOR",
    name: "Park Junho",
    email: "junho.park@fasttrak.example",
  });
  const org = await createPartnerOrganization();
  partner = await createTestUser({
    role: "PARTNER",
    organizationId: org.id,
    email: "coordinator@inha.example",
  });
  trainee = await createTestUser({ role: "TRAINEE" });

  await db.auditLog.createMany({
    data: [
      // 24 November 2026, 23:50 in Seoul.
      {
        actorId: admin.id,
        action: "session.cancel",
        entityType: "Session",
        entityId: "ses_1",
        data: { reason: "Bioreactor maintenance", cancelledEnrollments: 7 },
        ip: "203.0.113.9",
        createdAt: new Date("2026-11-24T14:50:00Z"),
      },
      // 25 November 2026, 00:10 in Seoul (still 24 November in UTC).
      {
        actorId: instructor.id,
        action: "attendance.record",
        entityType: "Attendance",
        entityId: "att_1",
        data: { status: "PRESENT" },
        createdAt: new Date("2026-11-24T15:10:00Z"),
      },
      {
        actorId: partner.id,
        action: "seat-block.request",
        entityType: "SeatBlock",
        entityId: "blk_1",
        data: { requestedSeats: 4 },
        createdAt: new Date("2026-11-25T02:00:00Z"),
      },
      {
        actorId: admin.id,
        action: "training-request.update-status",
        entityType: "TrainingRequest",
        entityId: "req_1",
        data: { from: "NEW", to: "CONTACTED", note: "Called the company" },
        createdAt: new Date("2026-11-25T05:00:00Z"),
      },
      {
        actorId: null,
        action: "seat-block.release",
        entityType: "SeatBlock",
        entityId: "blk_1",
        createdAt: new Date("2026-11-26T01:00:00Z"),
      },
    ],
  });
});

describe("listAuditEntries", () => {
  it("shows every entry newest first, with its actor and data", async () => {
    const page = await listAuditEntries(admin, q());
    expect(page.total).toBe(5);
    expect(page.items.map((e) => e.action)).toEqual([
      "seat-block.release",
      "training-request.update-status",
      "seat-block.request",
      "attendance.record",
      "session.cancel",
    ]);
    const cancel = page.items.at(-1)!;
    expect(cancel).toMatchObject({
      entityType: "Session",
      entityId: "ses_1",
      ip: "203.0.113.9",
      data: { reason: "Bioreactor maintenance", cancelledEnrollments: 7 },
      actor: { name: "Yoon Seojin", email: "seojin.yoon@fasttrak.example", role: "ADMIN" },
    });
    expect(page.items[0]!.actor).toBeNull();
  });

  it("finds an actor by part of their email or name, case-insensitively", async () => {
    expect(
      (await listAuditEntries(admin, q({ actor: "JUNHO.park" }))).items.map((e) => e.action),
    ).toEqual(["attendance.record"]);
    expect(
      (await listAuditEntries(admin, q({ actor: "inha.example" }))).items.map((e) => e.action),
    ).toEqual(["seat-block.request"]);
    expect((await listAuditEntries(admin, q({ actor: "yoon" }))).total).toBe(2);
    expect((await listAuditEntries(admin, q({ actor: "nobody@else" }))).total).toBe(0);
  });

  it("filters by entity type and by action", async () => {
    const blocks = await listAuditEntries(admin, q({ entityType: "SeatBlock" }));
    expect(blocks.items.map((e) => e.action)).toEqual(["seat-block.release", "seat-block.request"]);
    const moves = await listAuditEntries(admin, q({ action: "training-request.update-status" }));
    expect(moves.items.map((e) => e.entityId)).toEqual(["req_1"]);
    const both = await listAuditEntries(
      admin,
      q({ entityType: "SeatBlock", action: "session.cancel" }),
    );
    expect(both.total).toBe(0);
  });

  it("reads the date range as Seoul calendar days, both ends included", async () => {
    const on25th = await listAuditEntries(admin, q({ from: "2026-11-25", to: "2026-11-25" }));
    // 00:10 Seoul on the 25th is in; 23:50 Seoul on the 24th and the 26th are out.
    expect(on25th.items.map((e) => e.action)).toEqual([
      "training-request.update-status",
      "seat-block.request",
      "attendance.record",
    ]);
    expect(
      (await listAuditEntries(admin, q({ to: "2026-11-24" }))).items.map((e) => e.action),
    ).toEqual(["session.cancel"]);
    expect((await listAuditEntries(admin, q({ from: "2026-11-26" }))).total).toBe(1);
  });

  it("ignores malformed filters instead of failing", async () => {
    const query = q({ from: "yesterday", to: "2026-13-45", page: "-3" });
    expect(query).toMatchObject({ from: undefined, to: undefined, page: 1 });
    expect((await listAuditEntries(admin, query)).total).toBe(5);
  });

  it("pages through a long log", async () => {
    await db.auditLog.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({
        actorId: admin.id,
        action: "course.update",
        entityType: "Course",
        entityId: `crs_${i}`,
        createdAt: new Date(Date.UTC(2026, 9, 1, 0, i)),
      })),
    });
    const first = await listAuditEntries(admin, q({ action: "course.update" }));
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.items[0]!.entityId).toBe(`crs_${AUDIT_PAGE_SIZE + 2}`);
    const second = await listAuditEntries(admin, q({ action: "course.update", page: "2" }));
    expect(second.items.map((e) => e.entityId)).toEqual(["crs_2", "crs_1", "crs_0"]);
    // A page past the end shows the last one.
    expect((await listAuditEntries(admin, q({ action: "course.update", page: "9" }))).page).toBe(2);
  });
});

describe("listAuditFilterOptions", () => {
  it("lists the distinct actions and entity types present, sorted", async () => {
    const options = await listAuditFilterOptions(admin);
    expect(options.actions).toEqual([
      "attendance.record",
      "course.update",
      "seat-block.release",
      "seat-block.request",
      "session.cancel",
      "training-request.update-status",
    ]);
    expect(options.entityTypes).toEqual([
      "Attendance",
      "Course",
      "SeatBlock",
      "Session",
      "TrainingRequest",
    ]);
  });
});

describe("refusals", () => {
  it.each([
    ["trainee", () => trainee],
    ["partner", () => partner],
    ["instructor", () => instructor],
  ])("refuses a %s the audit log", async (_role, viewer) => {
    await expect(listAuditEntries(viewer(), q())).rejects.toThrow(ForbiddenError);
    await expect(listAuditFilterOptions(viewer())).rejects.toThrow(ForbiddenError);
  });

  it("refuses an anonymous visitor", async () => {
    await expect(listAuditEntries(null, q())).rejects.toThrow("UNAUTHENTICATED");
  });
});
