import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { ForbiddenError } from "@/lib/errors";
import { runAction } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";
import { issueFormToken, MIN_FILL_MS } from "@/lib/training-requests/form-token";
import { createRequestThrottle } from "@/lib/training-requests/request-throttle";
import {
  submitTrainingRequestAction,
  updateTrainingRequestAction,
} from "@/lib/training-requests/training-requests.actions";
import {
  getTrainingRequest,
  listTrainingRequests,
} from "@/lib/training-requests/training-requests.queries";
import {
  listTrainingRequestsQuerySchema,
  submitTrainingRequestSchema,
  TRAINING_REQUESTS_PAGE_SIZE,
} from "@/lib/training-requests/training-requests.schemas";
import { submitTrainingRequest } from "@/lib/training-requests/training-requests.service";

/**
 * The public training-request form (spam protection, what is stored and mailed) and the
 * admins' pipeline (status changes, notes, history, audit), through the actions the way a
 * browser calls them, with every role that must be refused.
 */

let adminKo: CurrentUser;
let adminEn: CurrentUser;
const refused = {} as Record<"TRAINEE" | "PARTNER" | "INSTRUCTOR", CurrentUser>;

/** A fresh address per test, so the per-address rate limit of one test never touches another. */
const newIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;

/** What a person fills in, 10 seconds after the page was shown. */
function filledForm(overrides: Record<string, string> = {}): FormData {
  const fields: Record<string, string> = {
    kind: "PILOT_PROCESS",
    company: "미르젠바이오",
    contactName: "고은채",
    email: "eunchae.ko@mirgen.example",
    phone: "010-4821-7730",
    topic: "재조합 효소 5 L 유가식 파일럿 런",
    headcount: "3",
    preferredFrom: "2027-01-11",
    preferredTo: "2027-01-22",
    preferredDates: "평일만",
    message: "세포주와 배지는 저희가 준비합니다.",
    website: "",
    formToken: issueFormToken(new Date(Date.now() - 10_000)),
    ...overrides,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

async function counts() {
  const [requests, events, outbox, audit] = await Promise.all([
    db.trainingRequest.count(),
    db.trainingRequestEvent.count(),
    db.outboxMessage.count(),
    db.auditLog.count(),
  ]);
  return { requests, events, outbox, audit };
}

async function createRequest(
  status: "NEW" | "CONTACTED" | "PROPOSAL_SENT" | "SCHEDULED" | "CLOSED" = "NEW",
) {
  const request = await db.trainingRequest.create({
    data: {
      kind: "CUSTOM_TRAINING",
      company: `Company ${randomUUID().slice(0, 6)}`,
      contactName: "Grace Lim",
      email: "grace.lim@meridianbio.example",
      topic: "Downstream training in English",
      message: "Eight process engineers before tech transfer.",
      locale: "en",
      status,
      events: { create: { fromStatus: null, toStatus: "NEW" } },
    },
    select: { id: true },
  });
  return request.id;
}

beforeAll(async () => {
  adminKo = await createTestUser({ role: "ADMIN", name: "윤서진" });
  adminEn = await createTestUser({ role: "ADMIN", name: "Mina Cho" });
  await db.user.update({ where: { id: adminEn.id }, data: { locale: "en" } });
  // Neither an inactive admin nor one who never confirmed their address gets the mail.
  await createTestUser({ role: "ADMIN", active: false });
  await createTestUser({ role: "ADMIN", verified: false });
  refused.TRAINEE = await createTestUser({ role: "TRAINEE" });
  refused.INSTRUCTOR = await createTestUser({ role: "INSTRUCTOR" });
  refused.PARTNER = await createTestUser({
    role: "PARTNER",
    organizationId: (await createPartnerOrganization()).id,
  });
});

describe("the public form", () => {
  it("stores a request as NEW, mails every active admin in their language and acknowledges in the form's", async () => {
    const result = await runAction(null, submitTrainingRequestAction.definition, filledForm(), {
      locale: "en",
      ip: newIp(),
    });
    expect(result).toMatchObject({ ok: true });

    const request = await db.trainingRequest.findFirstOrThrow({
      where: { email: "eunchae.ko@mirgen.example" },
      orderBy: { createdAt: "desc" },
      include: { events: true },
    });
    expect(request).toMatchObject({
      kind: "PILOT_PROCESS",
      company: "미르젠바이오",
      contactName: "고은채",
      phone: "010-4821-7730",
      headcount: 3,
      preferredDates: "2027-01-11 ~ 2027-01-22 · 평일만",
      status: "NEW",
      locale: "en",
    });
    expect(request.events).toEqual([
      expect.objectContaining({ actorId: null, fromStatus: null, toStatus: "NEW", note: null }),
    ]);

    const toAdmins = await db.outboxMessage.findMany({
      where: { template: "training-request.received" },
      select: { toEmail: true, locale: true, subject: true, payload: true },
    });
    expect(toAdmins.map((m) => m.toEmail).sort()).toEqual([adminEn.email, adminKo.email].sort());
    const ko = toAdmins.find((m) => m.toEmail === adminKo.email)!;
    const en = toAdmins.find((m) => m.toEmail === adminEn.email)!;
    expect(ko.subject).toBe("[Fast Trak] 새 교육 요청: 미르젠바이오 (파일럿 공정 지원)");
    expect(en.subject).toBe(
      "[Fast Trak] New training request: 미르젠바이오 (Pilot-process support)",
    );
    expect((ko.payload as { url: string }).url).toMatch(
      new RegExp(`/ko/admin/training-requests/${request.id}$`),
    );
    expect((en.payload as { url: string }).url).toMatch(
      new RegExp(`/en/admin/training-requests/${request.id}$`),
    );

    const ack = await db.outboxMessage.findFirstOrThrow({
      where: { template: "training-request.acknowledged", toEmail: "eunchae.ko@mirgen.example" },
      select: { locale: true, subject: true, userId: true },
    });
    expect(ack).toEqual({
      locale: "en",
      subject: "[Fast Trak] We have received your training request",
      userId: null,
    });
  });

  it("answers a filled honeypot like a success and keeps nothing", async () => {
    const before = await counts();
    const result = await runAction(
      null,
      submitTrainingRequestAction.definition,
      filledForm({ website: "https://cheap-pills.example" }),
      { ip: newIp() },
    );
    expect(result.ok).toBe(true);
    expect(result.formError).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("refuses a form sent back faster than a person can fill it in", async () => {
    const before = await counts();
    const result = await runAction(
      null,
      submitTrainingRequestAction.definition,
      filledForm({ formToken: issueFormToken(new Date(Date.now() - MIN_FILL_MS / 2)) }),
      { locale: "ko", ip: newIp() },
    );
    expect(result).toMatchObject({ ok: false, errorCode: "TRAINING_REQUEST_TOO_FAST" });
    expect(result.formError).toBe(
      "양식이 너무 빨리 제출되었습니다. 입력 내용을 확인한 뒤 다시 보내 주세요.",
    );
    // What was typed comes back, so sending again is one click.
    expect(result.values?.company).toBe("미르젠바이오");
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["missing", ""],
    ["forged", `${Date.now() - 60_000}.${"A".repeat(43)}`],
    ["a day old", issueFormToken(new Date(Date.now() - 25 * 3600_000))],
    ["garbage", "not-a-token"],
  ])("refuses a %s time stamp", async (_case, formToken) => {
    const before = await counts();
    const result = await runAction(
      null,
      submitTrainingRequestAction.definition,
      filledForm({ formToken }),
      {
        ip: newIp(),
      },
    );
    expect(result).toMatchObject({ ok: false, errorCode: "TRAINING_REQUEST_FORM_EXPIRED" });
    expect(await counts()).toEqual(before);
  });

  it("limits one address to five requests an hour", async () => {
    const ip = newIp();
    for (let i = 0; i < 5; i++) {
      const result = await runAction(
        null,
        submitTrainingRequestAction.definition,
        filledForm({ company: `Rate ${i}` }),
        { ip },
      );
      expect(result.ok, `request ${i + 1}`).toBe(true);
    }
    const before = await counts();
    const sixth = await runAction(null, submitTrainingRequestAction.definition, filledForm(), {
      locale: "en",
      ip,
    });
    expect(sixth).toMatchObject({ ok: false, errorCode: "TRAINING_REQUEST_RATE_LIMITED" });
    expect(sixth.formError).toMatch(/try again in 60 minutes/);
    expect(await counts()).toEqual(before);
    // Another address is not affected.
    const other = await runAction(null, submitTrainingRequestAction.definition, filledForm(), {
      ip: newIp(),
    });
    expect(other.ok).toBe(true);
  });

  it("counts only submissions that would be stored towards the limit", async () => {
    const throttle = createRequestThrottle(
      { points: 1, durationSeconds: 3600, blockSeconds: 3600 },
      getPool(),
      `test:${randomUUID()}`,
    );
    const input = (overrides: Record<string, string> = {}) =>
      submitTrainingRequestSchema.parse(Object.fromEntries(filledForm(overrides).entries()));
    const meta = { ip: "192.0.2.1", locale: "ko" as const, throttle };
    // Bots (honeypot) and too-fast forms do not use up the one allowed request…
    await expect(submitTrainingRequest(input({ website: "x" }), meta)).resolves.toEqual({
      stored: false,
      requestId: null,
    });
    await expect(
      submitTrainingRequest(input({ formToken: issueFormToken(new Date()) }), meta),
    ).rejects.toThrow("TRAINING_REQUEST_TOO_FAST");
    // …so the person still gets through, once.
    await expect(submitTrainingRequest(input(), meta)).resolves.toMatchObject({ stored: true });
    await expect(submitTrainingRequest(input(), meta)).rejects.toThrow(
      "TRAINING_REQUEST_RATE_LIMITED",
    );
  });

  it("checks the fields, in the visitor's language, and stores nothing", async () => {
    const before = await counts();
    const result = await runAction(
      null,
      submitTrainingRequestAction.definition,
      filledForm({
        company: " ",
        email: "not-an-email",
        kind: "SOMETHING_ELSE",
        headcount: "0",
        message: "",
      }),
      { locale: "en", ip: newIp() },
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      company: ["This field is required."],
      email: [expect.stringMatching(/email/i)],
      kind: [expect.any(String)],
      headcount: [expect.any(String)],
      message: ["This field is required."],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a date range that ends before it starts", async () => {
    const before = await counts();
    const result = await runAction(
      null,
      submitTrainingRequestAction.definition,
      filledForm({ preferredFrom: "2027-02-01", preferredTo: "2027-01-01" }),
      { locale: "ko", ip: newIp() },
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toEqual({
      preferredTo: ["종료일은 시작일과 같거나 그 이후여야 합니다."],
    });
    expect(await counts()).toEqual(before);
  });

  it("accepts a request with only the required fields", async () => {
    const result = await runAction(
      null,
      submitTrainingRequestAction.definition,
      filledForm({
        phone: "",
        headcount: "",
        preferredFrom: "",
        preferredTo: "",
        preferredDates: "",
        company: "Minimal Co",
      }),
      { ip: newIp() },
    );
    expect(result.ok).toBe(true);
    const stored = await db.trainingRequest.findFirstOrThrow({ where: { company: "Minimal Co" } });
    expect(stored).toMatchObject({
      phone: null,
      headcount: null,
      preferredDates: null,
      locale: "ko",
    });
  });
});

describe("the admins' pipeline", () => {
  const update = (user: CurrentUser | null, fields: Record<string, string>) =>
    runAction(user, updateTrainingRequestAction.definition, fields, {
      locale: "en",
      ip: "10.0.0.7",
    });

  it("moves a request to the next stage with a note, in its history and the audit log", async () => {
    const id = await createRequest();
    const result = await update(adminKo, {
      requestId: id,
      expectedStatus: "NEW",
      status: "CONTACTED",
      note: "Called Ms Lim; she wants two groups.",
    });
    expect(result).toMatchObject({ ok: true, message: "Saved. The history shows the change." });

    const detail = (await getTrainingRequest(adminKo, id))!;
    expect(detail.status).toBe("CONTACTED");
    expect(
      detail.events.map((e) => [e.fromStatus, e.toStatus, e.note, e.actor?.name ?? null]),
    ).toEqual([
      [null, "NEW", null, null],
      ["NEW", "CONTACTED", "Called Ms Lim; she wants two groups.", "윤서진"],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({
      actorId: adminKo.id,
      action: "training-request.update-status",
      entityType: "TrainingRequest",
      data: { from: "NEW", to: "CONTACTED", note: "Called Ms Lim; she wants two groups." },
      ip: "10.0.0.7",
    });
  });

  it("records a note without a change of stage", async () => {
    const id = await createRequest("CONTACTED");
    const result = await update(adminEn, {
      requestId: id,
      expectedStatus: "CONTACTED",
      status: "CONTACTED",
      note: "Waiting for their budget.",
    });
    expect(result.ok).toBe(true);
    const detail = (await getTrainingRequest(adminEn, id))!;
    expect(detail.status).toBe("CONTACTED");
    expect(detail.events.at(-1)).toMatchObject({
      fromStatus: null,
      toStatus: null,
      note: "Waiting for their budget.",
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: id } })).toMatchObject({
      action: "training-request.add-note",
      data: { note: "Waiting for their budget." },
    });
  });

  it("refuses a save that changes nothing", async () => {
    const id = await createRequest("CONTACTED");
    const result = await update(adminEn, {
      requestId: id,
      expectedStatus: "CONTACTED",
      status: "CONTACTED",
      note: "",
    });
    expect(result).toMatchObject({ ok: false, errorCode: "TRAINING_REQUEST_NOTHING_TO_SAVE" });
    expect(result.fieldErrors?.note).toEqual(["Choose a different stage or write a note."]);
  });

  it("lets a request skip ahead, but wants a reason to move it back", async () => {
    const id = await createRequest("NEW");
    expect(
      (
        await update(adminEn, {
          requestId: id,
          expectedStatus: "NEW",
          status: "SCHEDULED",
          note: "",
        })
      ).ok,
    ).toBe(true);
    const back = await update(adminEn, {
      requestId: id,
      expectedStatus: "SCHEDULED",
      status: "PROPOSAL_SENT",
      note: "",
    });
    expect(back).toMatchObject({ ok: false, errorCode: "TRAINING_REQUEST_NOTE_REQUIRED" });
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).status).toBe(
      "SCHEDULED",
    );
    const withReason = await update(adminEn, {
      requestId: id,
      expectedStatus: "SCHEDULED",
      status: "PROPOSAL_SENT",
      note: "Dates fell through; revised proposal needed.",
    });
    expect(withReason.ok).toBe(true);
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).status).toBe(
      "PROPOSAL_SENT",
    );
  });

  it("does not overwrite a change another admin made meanwhile", async () => {
    const id = await createRequest("NEW");
    expect(
      (
        await update(adminKo, {
          requestId: id,
          expectedStatus: "NEW",
          status: "CONTACTED",
          note: "",
        })
      ).ok,
    ).toBe(true);
    const before = await counts();
    const stale = await update(adminEn, {
      requestId: id,
      expectedStatus: "NEW",
      status: "CLOSED",
      note: "Spam",
    });
    expect(stale).toMatchObject({ ok: false, errorCode: "TRAINING_REQUEST_CHANGED" });
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).status).toBe(
      "CONTACTED",
    );
    expect(await counts()).toEqual(before);
  });

  it("says so when the request does not exist", async () => {
    const result = await update(adminEn, {
      requestId: "nope",
      expectedStatus: "NEW",
      status: "CONTACTED",
      note: "",
    });
    expect(result).toMatchObject({ ok: false, errorCode: "TRAINING_REQUEST_NOT_FOUND" });
  });

  it.each(["TRAINEE", "PARTNER", "INSTRUCTOR"] as const)(
    "refuses a %s every change",
    async (role) => {
      const id = await createRequest("NEW");
      const before = await counts();
      const result = await update(refused[role], {
        requestId: id,
        expectedStatus: "NEW",
        status: "CONTACTED",
        note: "x",
      });
      expect(result).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
      expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).status).toBe("NEW");
      expect(await counts()).toEqual(before);
    },
  );

  it("refuses an anonymous visitor", async () => {
    const id = await createRequest("NEW");
    const result = await update(null, {
      requestId: id,
      expectedStatus: "NEW",
      status: "CONTACTED",
      note: "",
    });
    expect(result).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
  });
});

describe("the pipeline list", () => {
  const query = (params: Record<string, string> = {}) =>
    listTrainingRequestsQuerySchema.parse(params);

  it("lists newest first, filters by stage with counts per stage, and pages", async () => {
    await db.trainingRequest.deleteMany();
    const base = Date.UTC(2026, 10, 1);
    await db.trainingRequest.createMany({
      data: Array.from({ length: TRAINING_REQUESTS_PAGE_SIZE + 4 }, (_, i) => ({
        kind: "CUSTOM_TRAINING" as const,
        company: `Company ${String(i).padStart(2, "0")}`,
        contactName: "c",
        email: "c@example.com",
        topic: "t",
        message: "m",
        status: i % 4 === 0 ? ("SCHEDULED" as const) : ("NEW" as const),
        createdAt: new Date(base + i * 3600_000),
      })),
    });
    const first = await listTrainingRequests(adminEn, query());
    expect(first).toMatchObject({ total: 24, page: 1, pageCount: 2 });
    expect(first.counts).toEqual({
      NEW: 18,
      CONTACTED: 0,
      PROPOSAL_SENT: 0,
      SCHEDULED: 6,
      CLOSED: 0,
    });
    expect(first.items[0]!.company).toBe("Company 23");
    expect(first.items).toHaveLength(TRAINING_REQUESTS_PAGE_SIZE);
    const second = await listTrainingRequests(adminEn, query({ page: "2" }));
    expect(second.items.map((r) => r.company)).toEqual([
      "Company 03",
      "Company 02",
      "Company 01",
      "Company 00",
    ]);

    const scheduled = await listTrainingRequests(adminEn, query({ status: "SCHEDULED" }));
    expect(scheduled.total).toBe(6);
    expect(scheduled.items.map((r) => r.company)).toEqual([
      "Company 20",
      "Company 16",
      "Company 12",
      "Company 08",
      "Company 04",
      "Company 00",
    ]);
    // An unknown stage in the address reads as "all".
    expect((await listTrainingRequests(adminEn, query({ status: "BOGUS" }))).total).toBe(24);
  });

  it.each(["TRAINEE", "PARTNER", "INSTRUCTOR"] as const)(
    "refuses a %s the list and the details",
    async (role) => {
      const id = await createRequest();
      await expect(listTrainingRequests(refused[role], query())).rejects.toThrow(ForbiddenError);
      await expect(getTrainingRequest(refused[role], id)).rejects.toThrow(ForbiddenError);
    },
  );
});
