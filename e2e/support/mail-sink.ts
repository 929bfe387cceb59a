/**
 * A real SMTP server for end-to-end tests: the app's worker delivers to it over SMTP, and it
 * stores each message as an .eml file that the specs read (e2e/support/mailbox.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export async function startMailSink(dir: string): Promise<{ port: number; stop: () => Promise<void> }> {
  fs.mkdirSync(dir, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const file = path.join(dir, `${Date.now()}-${String(++counter).padStart(5, "0")}.eml`);
        fs.writeFileSync(file, Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("mail sink has no port");
  return { port: address.port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
