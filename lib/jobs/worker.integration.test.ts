import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { enqueueMail } from "@/lib/notifications/outbox";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/test/smtp-server";
import { createSmtpTransport, type MailTransport } from "@/lib/notifications/transport";

describe("background worker", () => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url, "Fast Trak Enroll <no-reply@fasttrak.example>");
  });
  afterAll(async () => {
    await worker?.stop();
    transport.close();
    await smtp.stop();
  });

  it("delivers mail committed to the outbox within seconds, through pg-boss on the shared pool", async () => {
    worker = await startWorker({ mailTransport: transport, pollIntervalMs: 200 });

    const { id } = await db.$transaction((tx) =>
      enqueueMail(tx, {
        to: "sam.lee@example.com",
        locale: "en",
        template: "auth.reset-password",
        payload: { name: "Sam Lee", url: "https://enroll.example/en/reset?token=w1" },
      }),
    );

    const [mail] = await smtp.waitFor(1, 15_000);
    expect(mail!.envelopeTo).toEqual(["sam.lee@example.com"]);
    expect(mail!.parsed.subject).toBe("[Fast Trak] Reset your password");
    expect(mail!.parsed.text).toContain("https://enroll.example/en/reset?token=w1");
    // The row is marked SENT right after the SMTP server accepts the mail.
    await expect
      .poll(async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status, {
        timeout: 5_000,
      })
      .toBe("SENT");

    // pg-boss opened no connections of its own (they would carry its application_name).
    const own = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'pgboss'`;
    expect(own[0]!.n).toBe(0);

    // pg-boss installed itself in the same database, with the queues and the cron schedules.
    const schedules = await db.$queryRaw<
      { name: string }[]
    >`SELECT name FROM pgboss.schedule ORDER BY name`;
    expect(schedules.map((s) => s.name)).toEqual([
      "outbox.deliver",
      "outbox.sweep",
      "reminders.send",
      "seat-blocks.release",
      "waitlist.expire-offers",
    ]);

    await worker.stop();
    worker = undefined;
    expect(smtp.received).toHaveLength(1);
  }, 30_000);
});
