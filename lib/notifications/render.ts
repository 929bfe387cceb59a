import { createTranslator, type AbstractIntlMessages } from "next-intl";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { env } from "@/lib/env";
import { TIME_ZONE } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import type {
  MailAttachment,
  MailContent,
  MailContext,
  MailTranslator,
} from "@/lib/notifications/template";
import { mailTemplates, type MailTemplate } from "@/lib/notifications/templates";

/**
 * Turns a template + validated payload into the subject, text and HTML bodies in the
 * recipient's language. Works outside a request (the worker has no next-intl request
 * context), so the catalogs are imported directly instead of coming from getTranslations.
 */

export type RenderedMail = {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
};

const catalogs: Record<AppLocale, AbstractIntlMessages> = { ko, en };

/** A translator for the `mail` namespace. A missing key or argument throws: a broken mail must fail, not go out half-empty. */
export function createMailTranslator(locale: AppLocale): MailTranslator {
  const t = createTranslator({
    locale,
    messages: catalogs[locale],
    namespace: "mail",
    timeZone: TIME_ZONE,
    onError(error) {
      throw error;
    },
  });
  return (key, values) =>
    (t as unknown as (k: string, v?: Record<string, unknown>) => string)(key, values);
}

function context(locale: AppLocale): MailContext {
  return { locale, appUrl: env.APP_URL };
}

/**
 * Validates the payload against the template's schema. Throws a ZodError for bad input:
 * callers pass data they built themselves, so a failure is a bug to surface, not a user error.
 */
export function parseMailPayload(template: MailTemplate, payload: unknown): unknown {
  return mailTemplates[template].schema.parse(payload);
}

/** The registry maps each name to its own schema; callers pass a payload that went through it. */
type AnyTemplate = {
  compose: (t: MailTranslator, p: unknown, c: MailContext) => MailContent;
  attachments?: (p: unknown, c: MailContext) => MailAttachment[];
};

export function renderMailSubject(
  template: MailTemplate,
  payload: unknown,
  locale: AppLocale,
): string {
  const definition = mailTemplates[template] as AnyTemplate;
  return definition.compose(createMailTranslator(locale), payload, context(locale)).subject;
}

export function renderMail(
  template: MailTemplate,
  payload: unknown,
  locale: AppLocale,
): RenderedMail {
  const definition = mailTemplates[template] as AnyTemplate;
  const t = createMailTranslator(locale);
  const content = definition.compose(t, payload, context(locale));
  const layout: Layout = {
    locale,
    centerName: t("layout.centerName"),
    signature: t("layout.signature"),
    linkFallback: t("layout.linkFallback"),
    footer: [t("layout.footerCenter"), t("layout.footerAutomated")],
    appUrl: env.APP_URL,
  };
  return {
    subject: content.subject,
    text: renderText(content, layout),
    html: renderHtml(content, layout),
    attachments: definition.attachments?.(payload, context(locale)) ?? [],
  };
}

type Layout = {
  locale: AppLocale;
  centerName: string;
  signature: string;
  linkFallback: string;
  footer: string[];
  appUrl: string;
};

function renderText(content: MailContent, layout: Layout): string {
  const blocks: string[] = [];
  if (content.greeting) blocks.push(content.greeting);
  blocks.push(...content.paragraphs);
  // The URL stands alone on its line so mail clients make it clickable without trailing punctuation.
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  if (content.notes?.length) blocks.push(...content.notes);
  blocks.push(layout.signature);
  blocks.push(["--", layout.centerName, ...layout.footer, layout.appUrl].join("\n"));
  return blocks.join("\n\n") + "\n";
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Every string that reaches the HTML body goes through this, message text and user content alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const COLORS = {
  text: "#1f2933",
  muted: "#4b5563",
  brand: "#0b4f8a",
  page: "#f3f4f6",
  card: "#ffffff",
};

function renderHtml(content: MailContent, layout: Layout): string {
  const e = escapeHtml;
  const p = (text: string, style = "") => `<p style="margin:0 0 16px;${style}">${e(text)}</p>`;
  const parts: string[] = [];
  if (content.greeting) parts.push(p(content.greeting));
  for (const paragraph of content.paragraphs) parts.push(p(paragraph));
  if (content.action) {
    const href = e(content.action.url);
    parts.push(
      `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:${COLORS.brand};color:#ffffff;` +
        `padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${e(content.action.label)}</a></p>`,
      `<p style="margin:0 0 16px;font-size:14px;color:${COLORS.muted}">${e(layout.linkFallback)}<br>` +
        `<a href="${href}" style="color:${COLORS.brand};word-break:break-all">${e(content.action.url)}</a></p>`,
    );
  }
  for (const note of content.notes ?? [])
    parts.push(p(note, `font-size:14px;color:${COLORS.muted}`));
  parts.push(p(layout.signature));

  const footer = [layout.centerName, ...layout.footer]
    .map((line) => `<p style="margin:0 0 4px">${e(line)}</p>`)
    .join("");
  const appLink = `<p style="margin:0"><a href="${e(layout.appUrl)}" style="color:${COLORS.brand}">${e(layout.appUrl)}</a></p>`;

  // role="article" with a label is how screen readers announce an email body; lang drives pronunciation.
  return `<!doctype html>
<html lang="${layout.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.page};color:${COLORS.text};font-family:-apple-system,'Segoe UI','Apple SD Gothic Neo','Malgun Gothic',Roboto,sans-serif;font-size:16px;line-height:1.6">
<div role="article" aria-roledescription="email" aria-label="${e(content.subject)}" lang="${layout.locale}" style="max-width:560px;margin:0 auto;padding:24px 16px">
<p style="margin:0 0 16px;font-size:18px;font-weight:700;color:${COLORS.brand}">${e(layout.centerName)}</p>
<div style="background:${COLORS.card};border-radius:8px;padding:24px">
${parts.join("\n")}
</div>
<div style="padding:16px 4px;font-size:13px;color:${COLORS.muted}">
${footer}
${appLink}
</div>
</div>
</body>
</html>
`;
}
