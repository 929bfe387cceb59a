import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/routing";
import {
  escapeHtml,
  parseMailPayload,
  renderMail,
  renderMailSubject,
} from "@/lib/notifications/render";
import {
  MAIL_TEMPLATES,
  type MailPayloadInput,
  type MailTemplate,
} from "@/lib/notifications/templates";

/** One valid payload per template; a new template without an example here fails the first test. */
const examples: { [T in MailTemplate]: MailPayloadInput<T> } = {
  "auth.verify-email": { name: "김지우", url: "https://enroll.example/verify?token=abc" },
  "auth.reset-password": { name: "Jiwoo Kim", url: "https://enroll.example/reset?token=def" },
  "auth.invitation": {
    inviterName: "박서연",
    role: "PARTNER",
    url: "https://enroll.example/invite?token=ghi",
    organizationName: "인하대학교",
  },
};

describe("mail templates", () => {
  it("render in every locale without missing messages, with the action link in both bodies", () => {
    for (const template of MAIL_TEMPLATES) {
      const payload = parseMailPayload(template, examples[template]);
      for (const locale of locales) {
        const mail = renderMail(template, payload, locale);
        expect(mail.subject.length, `${template}/${locale}`).toBeGreaterThan(5);
        const url = (examples[template] as { url: string }).url;
        expect(mail.text).toContain(url);
        expect(mail.html).toContain(`href="${url}"`);
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.subject).toBe(renderMailSubject(template, payload, locale));
      }
    }
  });

  it("speaks the recipient's language", () => {
    const payload = parseMailPayload("auth.verify-email", examples["auth.verify-email"]);
    const ko = renderMail("auth.verify-email", payload, "ko");
    const en = renderMail("auth.verify-email", payload, "en");
    expect(ko.subject).toMatch(/이메일 주소를 확인해 주세요/);
    expect(ko.text).toContain("김지우님, 안녕하세요.");
    expect(en.subject).toMatch(/confirm your email address/);
    expect(en.text).toContain("Hello 김지우,");
    expect(ko.text).toContain("Fast Trak 교육센터");
    expect(en.text).toContain("Fast Trak Center");
  });

  it("names the organization and translates the role in an invitation", () => {
    const withOrg = renderMail(
      "auth.invitation",
      parseMailPayload("auth.invitation", examples["auth.invitation"]),
      "en",
    );
    expect(withOrg.text).toContain("as a member of 인하대학교");
    expect(withOrg.text).toContain("Role: Partner university coordinator");
    const withoutOrg = renderMail(
      "auth.invitation",
      parseMailPayload("auth.invitation", {
        inviterName: "Admin",
        role: "INSTRUCTOR",
        url: "https://x.example/i",
      }),
      "ko",
    );
    expect(withoutOrg.text).toContain("역할: 강사");
    expect(withoutOrg.text).not.toContain("소속");
  });

  it("escapes user content in the HTML body", () => {
    const payload = parseMailPayload("auth.verify-email", {
      name: `<script>alert("x")</script> & Co`,
      url: "https://enroll.example/verify?a=1&b=<2>",
    });
    const { html, text } = renderMail("auth.verify-email", payload, "en");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(html).not.toMatch(/href="[^"]*<2>/);
    // The text body is plain text: nothing to escape there.
    expect(text).toContain(`<script>alert("x")</script> & Co`);
    expect(escapeHtml(`'"<>&`)).toBe("&#39;&quot;&lt;&gt;&amp;");
  });

  it("rejects payloads that do not match the template", () => {
    expect(() => parseMailPayload("auth.verify-email", { name: "x" })).toThrow();
    expect(() =>
      parseMailPayload("auth.verify-email", { name: "x", url: "javascript:alert(1)" }),
    ).toThrow();
    expect(() =>
      parseMailPayload("auth.invitation", {
        inviterName: "x",
        role: "ROOT",
        url: "https://a.example",
      }),
    ).toThrow();
  });
});
