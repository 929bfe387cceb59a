import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { expect } from "@playwright/test";

export const MAILBOX_DIR = path.join(process.cwd(), ".data", "e2e-mail");

async function readAll(): Promise<ParsedMail[]> {
  if (!fs.existsSync(MAILBOX_DIR)) return [];
  const files = fs.readdirSync(MAILBOX_DIR).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(MAILBOX_DIR, f)))));
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/** Waits (polling) for a mail to `to` whose subject matches, as delivered by the worker over SMTP. */
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 30_000): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        const all = await readAll();
        found = all.reverse().find((m) => recipients(m).includes(to.toLowerCase()) && (!subject || subject.test(m.subject ?? "")));
        return Boolean(found);
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

/** The first http(s) link in a mail's text body that contains `pathPart`. */
export function linkIn(mail: ParsedMail, pathPart: string): string {
  const links = (mail.text ?? "").match(/https?:\/\/[^\s>"]+/g) ?? [];
  const link = links.find((l) => l.includes(pathPart));
  if (!link) throw new Error(`No link containing ${pathPart} in mail "${mail.subject}"`);
  return link;
}
