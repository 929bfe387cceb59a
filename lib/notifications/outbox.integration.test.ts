import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/notifications/outbox";

const verifyEmail = {
  to: "jiwoo.kim@example.com",
  locale: "ko",
  template: "auth.verify-email",
  payload: { name: "김지우", url: "https://enroll.example/ko/verify?token=abc" },
} as const;

describe("enqueueMail", () => {
  beforeEach(async () => {
    await db.outboxMessage.deleteMany();
  });

  it("stores a PENDING row with the subject in the recipient's language, in the caller's transaction", async () => {
    const user = await db.user.create({
      data: { email: "jiwoo.kim@example.com", name: "김지우" },
      select: { id: true },
    });
    const { id } = await db.$transaction((tx) =>
      enqueueMail(tx, { ...verifyEmail, userId: user.id }),
    );
    const en = await db.$transaction((tx) =>
      enqueueMail(tx, { ...verifyEmail, to: "sam@example.com", locale: "en" }),
    );

    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "PENDING",
      toEmail: "jiwoo.kim@example.com",
      userId: user.id,
      locale: "ko",
      template: "auth.verify-email",
      attempts: 0,
      payload: verifyEmail.payload,
    });
    expect(row.subject).toBe("[Fast Trak] 이메일 주소를 확인해 주세요");
    const enRow = await db.outboxMessage.findUniqueOrThrow({
      where: { id: en.id },
      select: { subject: true },
    });
    expect(enRow.subject).toBe("[Fast Trak] Please confirm your email address");
    await db.user.delete({ where: { id: user.id } });
  });

  it("leaves no row when the caller's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, verifyEmail);
        expect(await tx.outboxMessage.count()).toBe(1);
        throw new Error("the business change failed");
      }),
    ).rejects.toThrow("the business change failed");
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("refuses a payload that does not fit the template, and stores nothing", async () => {
    await expect(
      db.$transaction((tx) =>
        enqueueMail(tx, {
          ...verifyEmail,
          // @ts-expect-error -- the payload type is tied to the template; this is the runtime check
          payload: { name: "김지우" },
        }),
      ),
    ).rejects.toThrow();
    await expect(
      db.$transaction((tx) =>
        enqueueMail(tx, { ...verifyEmail, payload: { name: "x", url: "javascript:alert(1)" } }),
      ),
    ).rejects.toThrow();
    await expect(
      db.$transaction((tx) => enqueueMail(tx, { ...verifyEmail, to: "not-an-address" })),
    ).rejects.toThrow();
    expect(await db.outboxMessage.count()).toBe(0);
  });
});
