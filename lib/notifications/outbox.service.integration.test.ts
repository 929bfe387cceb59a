import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { OutboxStatus, Role } from "@/lib/generated/prisma/enums";
import { retryOutboxMessageAction } from "@/lib/notifications/outbox.actions";
import { enqueueMail } from "@/lib/notifications/outbox";
import { getOutboxMessage, listOutboxMessages } from "@/lib/notifications/outbox.queries";
import { retryOutboxMessage } from "@/lib/notifications/outbox.service";

const retry = retryOutboxMessageAction.definition;

async function makeUser(role: Role): Promise<CurrentUser> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`;
  const user = await db.user.create({
    data: { email, name: `${role} user`, role, emailVerifiedAt: new Date() },
    select: { id: true, email: true, name: true, role: true, organizationId: true },
  });
  return { ...user, locale: "en" };
}

async function outboxRow(status: OutboxStatus, attempts = 3): Promise<string> {
  const { id } = await db.$transaction((tx) =>
    enqueueMail(tx, {
      to: "jiwoo.kim@example.com",
      locale: "ko",
      template: "auth.reset-password",
      payload: { name: "김지우", url: "https://enroll.example/ko/reset?token=r" },
    }),
  );
  await db.outboxMessage.update({
    where: { id },
    data: { status, attempts, lastError: "451 try later" },
  });
  return id;
}

const snapshot = (id: string) =>
  db.outboxMessage.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true } });
const retryAudits = (id: string) =>
  db.auditLog.count({ where: { action: "outbox.retry", entityId: id } });

describe("outbox retry", () => {
  let admin: CurrentUser;
  const others: Partial<Record<Role, CurrentUser>> = {};

  beforeAll(async () => {
    admin = await makeUser("ADMIN");
    for (const role of ["TRAINEE", "INSTRUCTOR", "PARTNER"] as const)
      others[role] = await makeUser(role);
  });
  beforeEach(async () => {
    await db.outboxMessage.deleteMany();
  });

  it("puts a FAILED mail back in the queue with fresh attempts, and audits it", async () => {
    const id = await outboxRow("FAILED", 8);
    const result = await runAction(admin, retry, { id }, { locale: "en", ip: "203.0.113.7" });
    expect(result.ok).toBe(true);
    expect(await snapshot(id)).toEqual({ status: "PENDING", attempts: 0 });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "outbox.retry", entityId: id },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      entityType: "OutboxMessage",
      ip: "203.0.113.7",
    });
    expect(audit.data).toMatchObject({
      previousStatus: "FAILED",
      previousAttempts: 8,
      lastError: "451 try later",
    });
  });

  it("asks for confirmation before retrying an UNCERTAIN mail, which may duplicate it", async () => {
    const id = await outboxRow("UNCERTAIN", 1);
    const refused = await runAction(admin, retry, { id }, { locale: "ko" });
    expect(refused.ok).toBe(false);
    expect(refused.errorCode).toBe("OUTBOX_CONFIRM_DUPLICATE");
    expect(refused.fieldErrors?.confirmDuplicate).toHaveLength(1);
    expect(await snapshot(id)).toEqual({ status: "UNCERTAIN", attempts: 1 });
    expect(await retryAudits(id)).toBe(0);

    const confirmed = await runAction(
      admin,
      retry,
      { id, confirmDuplicate: "true" },
      { locale: "ko" },
    );
    expect(confirmed.ok).toBe(true);
    expect(await snapshot(id)).toEqual({ status: "PENDING", attempts: 0 });
    expect(await retryAudits(id)).toBe(1);
  });

  it.each(["SENT", "PENDING", "SENDING"] as const)("refuses to retry a %s mail", async (status) => {
    const id = await outboxRow(status, 1);
    const result = await runAction(admin, retry, { id, confirmDuplicate: "true" });
    expect(result).toMatchObject({ ok: false, errorCode: "OUTBOX_NOT_RETRYABLE" });
    expect(await snapshot(id)).toEqual({ status, attempts: 1 });
    expect(await retryAudits(id)).toBe(0);
  });

  it("reports an unknown id as not found", async () => {
    const result = await runAction(admin, retry, { id: "does-not-exist" });
    expect(result).toMatchObject({ ok: false, errorCode: "NOT_FOUND" });
  });

  it.each(["TRAINEE", "INSTRUCTOR", "PARTNER"] as const)(
    "refuses a %s and changes nothing",
    async (role) => {
      const id = await outboxRow("FAILED", 8);
      const result = await runAction(
        others[role]!,
        retry,
        { id, confirmDuplicate: "true" },
        { locale: "en" },
      );
      expect(result).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
      expect(result.formError).toBeTruthy();
      expect(await snapshot(id)).toEqual({ status: "FAILED", attempts: 8 });
      expect(await retryAudits(id)).toBe(0);
      // The service checks for itself too, whoever calls it.
      await expect(retryOutboxMessage(others[role]!, { id })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    },
  );

  it("refuses an anonymous caller and changes nothing", async () => {
    const id = await outboxRow("FAILED", 8);
    const result = await runAction(null, retry, { id, confirmDuplicate: "true" });
    expect(result).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
    expect(await snapshot(id)).toEqual({ status: "FAILED", attempts: 8 });
    await expect(retryOutboxMessage(null, { id })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("outbox queries", () => {
  let admin: CurrentUser;
  let trainee: CurrentUser;

  beforeAll(async () => {
    admin = await makeUser("ADMIN");
    trainee = await makeUser("TRAINEE");
    await db.outboxMessage.deleteMany();
  });

  it("list newest first, filter by status and count every status", async () => {
    const first = await outboxRow("SENT", 1);
    await db.outboxMessage.update({
      where: { id: first },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });
    const second = await outboxRow("FAILED", 8);

    const page = await listOutboxMessages(admin, { page: 1 });
    expect(page.items.map((i) => i.id)).toEqual([second, first]);
    expect(page.items[0]).toMatchObject({
      status: "FAILED",
      gaveUp: true,
      subject: "[Fast Trak] 비밀번호 재설정 안내",
    });
    expect(page.counts).toMatchObject({ SENT: 1, FAILED: 1, PENDING: 0 });
    expect(page.total).toBe(2);
    // The list does not carry payloads (they hold links with tokens).
    expect(page.items[0]).not.toHaveProperty("payload");

    const failed = await listOutboxMessages(admin, { status: "FAILED", page: 1 });
    expect(failed.items.map((i) => i.id)).toEqual([second]);

    const detail = await getOutboxMessage(admin, second);
    expect(detail?.textBody).toContain("김지우님, 안녕하세요.");
    // The link is shown without its single-use token.
    expect(detail?.textBody).toContain("https://enroll.example/ko/reset?…");
    expect(detail?.textBody).not.toContain("token=");
    expect(detail?.retryable).toBe(true);
  });

  it("are for staff only", async () => {
    await expect(listOutboxMessages(trainee, { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOutboxMessage(trainee, "x")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listOutboxMessages(null, { page: 1 })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
