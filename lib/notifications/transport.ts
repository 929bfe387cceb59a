import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/env";
import type { MailAttachment } from "@/lib/notifications/template";

/** One outbox row, rendered and ready to hand to a transport. */
export type OutgoingMail = {
  outboxId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  createdAt: Date;
};

export type MailTransport = {
  /** "smtp" in production; "file" writes .eml files (demo mode, no SMTP_URL). */
  readonly kind: "smtp" | "file";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export type MailTransportConfig = {
  smtpUrl?: string;
  dataDir: string;
  from: string;
};

/**
 * A fixed Message-ID per outbox row: if a mail ever does go out twice (an admin retried an
 * UNCERTAIN row that had in fact been delivered), mail systems and people can tell the copies
 * are the same message.
 */
export function outboxMessageId(outboxId: string): string {
  return `<${outboxId}@fasttrak>`;
}

function toMessage(mail: OutgoingMail, from: string): Mail.Options {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: outboxMessageId(mail.outboxId),
    date: mail.createdAt,
    // RFC 3834: tells auto-responders (vacation replies) not to answer.
    headers: { "Auto-Submitted": "auto-generated" },
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    // nodemailer waits for minutes by default; bounded waits keep one slow server from
    // holding a row in SENDING for long (the sweeper treats 10 minutes as "stuck").
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    url: smtpUrl,
  });
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail(toMessage(mail, from));
    },
    close: () => transporter.close(),
  };
}

/** `20261203T090000Z`: sortable and valid in file names on every system. */
function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Demo mode: each mail becomes `<dataDir>/mail/<createdAt>-<id>.eml`, openable in any mail client. */
export function createFileTransport(dataDir: string, from: string): MailTransport {
  const dir = path.join(dataDir, "mail");
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  return {
    kind: "file",
    async send(mail) {
      const info = await transporter.sendMail(toMessage(mail, from));
      const file = path.join(dir, `${fileStamp(mail.createdAt)}-${mail.outboxId}.eml`);
      await fs.mkdir(dir, { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, info.message as Buffer);
      await fs.rename(tmp, file);
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(config: MailTransportConfig): MailTransport {
  return config.smtpUrl
    ? createSmtpTransport(config.smtpUrl, config.from)
    : createFileTransport(config.dataDir, config.from);
}

/** The transport configured by the environment (SMTP_URL, or .eml files in DATA_DIR/mail). */
export function createConfiguredMailTransport(): MailTransport {
  return createMailTransport({
    smtpUrl: env.SMTP_URL,
    dataDir: env.DATA_DIR,
    from: env.MAIL_FROM,
  });
}
