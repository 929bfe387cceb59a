import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for integration and end-to-end tests (not a mock of our code): nodemailer
 * talks SMTP to it over TCP and every received message is parsed with mailparser. With
 * `saveTo`, each message is also written there as an .eml file, for the Playwright specs that
 * read mail from another process (e2e/support/mailbox.ts).
 */
export type ReceivedMail = {
  envelopeTo: string[];
  parsed: ParsedMail;
};

export type TestSmtpServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
};

export async function startTestSmtpServer(
  options: { saveTo?: string } = {},
): Promise<TestSmtpServer> {
  const { saveTo } = options;
  if (saveTo) fs.mkdirSync(saveTo, { recursive: true });
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      new Promise<Buffer>((resolve, reject) => {
        stream.on("end", () => resolve(Buffer.concat(chunks)));
        stream.on("error", reject);
      })
        .then((raw) => {
          if (saveTo) {
            const name = `${Date.now()}-${String(received.length + 1).padStart(5, "0")}.eml`;
            fs.writeFileSync(path.join(saveTo, name), raw);
          }
          return simpleParser(raw);
        })
        .then((parsed) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("test SMTP server has no port");

  const waitFor = (count: number, timeoutMs = 10_000) =>
    new Promise<ReceivedMail[]>((resolve, reject) => {
      const check = () => {
        if (received.length < count) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(received);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`expected ${count} mail(s) within ${timeoutMs} ms, got ${received.length}`),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    waitFor,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
