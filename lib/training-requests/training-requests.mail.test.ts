import { describe, expect, it } from "vitest";
import { parseMailPayload, renderMail } from "@/lib/notifications/render";

/** The two mails of the public form, as the admins and the requester read them. */

const received = {
  kind: "PILOT_PROCESS",
  company: "미르젠바이오",
  contactName: "고은채",
  email: "eunchae.ko@mirgen.example",
  phone: "010-4821-7730",
  topic: "재조합 효소 5 L 유가식 파일럿 런",
  headcount: 3,
  preferredDates: "2027-01-11 ~ 2027-01-22 · 평일",
  message: "세포주와 배지는 저희가 준비합니다.\n<b>굵게</b>",
  url: "https://enroll.example/ko/admin/training-requests/req_1",
} as const;

describe("training-request mails", () => {
  it("tell the admins everything that was asked, with a link to the request", () => {
    const payload = parseMailPayload("training-request.received", received);
    const ko = renderMail("training-request.received", payload, "ko");
    expect(ko.subject).toBe("[Fast Trak] 새 교육 요청: 미르젠바이오 (파일럿 공정 지원)");
    for (const line of [
      "유형: 파일럿 공정 지원",
      "주제: 재조합 효소 5 L 유가식 파일럿 런",
      "담당자: 고은채",
      "이메일: eunchae.ko@mirgen.example",
      "전화번호: 010-4821-7730",
      "참가 인원: 3명",
      "희망 일정: 2027-01-11 ~ 2027-01-22 · 평일",
      "세포주와 배지는 저희가 준비합니다.",
      "요청 열기:\nhttps://enroll.example/ko/admin/training-requests/req_1",
    ]) {
      expect(ko.text).toContain(line);
    }
    // What the requester typed is text, never markup, in the HTML body.
    expect(ko.html).toContain("&lt;b&gt;굵게&lt;/b&gt;");
    expect(ko.html).not.toContain("<b>굵게");

    const en = renderMail("training-request.received", payload, "en");
    expect(en.subject).toBe(
      "[Fast Trak] New training request: 미르젠바이오 (Pilot-process support)",
    );
    expect(en.text).toContain("Participants: 3");
  });

  it("leaves out what the requester did not give", () => {
    const payload = parseMailPayload("training-request.received", {
      ...received,
      phone: null,
      headcount: null,
      preferredDates: null,
    });
    const en = renderMail("training-request.received", payload, "en");
    expect(en.text).not.toContain("Phone:");
    expect(en.text).not.toContain("Participants:");
    expect(en.text).not.toContain("Preferred dates:");
  });

  it("acknowledge the request to the requester in the form's language", () => {
    const payload = parseMailPayload("training-request.acknowledged", {
      kind: "CUSTOM_TRAINING",
      company: "Meridian Biologics",
      contactName: "Grace Lim",
      topic: "Downstream training in English",
      url: "https://enroll.example/en/courses",
    });
    const en = renderMail("training-request.acknowledged", payload, "en");
    expect(en.subject).toBe("[Fast Trak] We have received your training request");
    expect(en.text).toContain("Hello Grace Lim,");
    expect(en.text).toContain(
      "Thank you for your request for Custom training for Meridian Biologics (“Downstream training in English”).",
    );
    expect(en.text).toContain("Browse our courses:\nhttps://enroll.example/en/courses");
    const ko = renderMail("training-request.acknowledged", payload, "ko");
    expect(ko.subject).toBe("[Fast Trak] 교육 요청이 접수되었습니다");
    expect(ko.text).toContain("Grace Lim님, 안녕하세요.");
  });
});
