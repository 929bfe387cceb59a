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

/** What every enrollment and session mail says about its session (SessionMailInfo). */
const session = {
  name: "김지우",
  courseTitle: "ÄKTA 기반 항체 정제 실습",
  courseCode: "FT-DSP-201",
  sessionId: "ses_1",
  meetings: [
    { id: "mtg_2", startsAt: "2026-12-04T00:00:00Z", endsAt: "2026-12-04T08:00:00Z" },
    { id: "mtg_1", startsAt: "2026-12-03T00:00:00Z", endsAt: "2026-12-03T08:00:00Z" },
  ],
  location: "다운스트림 실습실 2, Fast Trak 센터 (송도)",
  url: "https://enroll.example/ko/me/enrollments",
};

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
  "cohort.invitation": {
    memberName: "김민지",
    inviterName: "박서연",
    organizationName: "인하대학교",
    cohortName: "생명공학과 2027 봄학기",
    url: "https://enroll.example/ko/accept-invitation?token=jkl",
  },
  "cohort.added": {
    memberName: "Minji Kim",
    inviterName: "박서연",
    organizationName: "Inha University",
    cohortName: "Bioengineering 2027 Spring",
    url: "https://enroll.example/en/me/enrollments",
  },
  "enrollment.confirmed": session,
  "enrollment.pending-approval": session,
  "enrollment.waitlisted": { ...session, position: 3 },
  "enrollment.offer": { ...session, offerExpiresAt: new Date("2026-11-30T09:00:00Z") },
  "enrollment.promoted": session,
  "enrollment.offer-expired": session,
  "enrollment.cancelled": { ...session, by: "center", reason: "교육생 요청에 따른 일정 조정" },
  "enrollment.approved": { ...session, outcome: "WAITLISTED", position: 2 },
  "enrollment.rejected": { ...session, reason: "선수 과정 이수가 확인되지 않았습니다." },
  "enrollment.moved": {
    ...session,
    previousMeetings: [
      { id: "mtg_old", startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-11-26T08:00:00Z" },
    ],
  },
  "enrollment.reminder": session,
  "session.cancelled": { ...session, reason: "Bioreactor maintenance" },
  "training-request.received": {
    kind: "PILOT_PROCESS",
    company: "미르젠바이오",
    contactName: "고은채",
    email: "eunchae.ko@mirgen.example",
    phone: "010-4821-7730",
    topic: "재조합 효소 5 L 유가식 파일럿 런",
    headcount: 3,
    preferredDates: "2027-01-11 ~ 2027-01-22 · 평일",
    message: "세포주와 배지는 저희가 준비합니다.",
    url: "https://enroll.example/ko/admin/training-requests/req_1",
  },
  "training-request.acknowledged": {
    kind: "CUSTOM_TRAINING",
    company: "Meridian Biologics",
    contactName: "Grace Lim",
    topic: "Downstream training in English",
    url: "https://enroll.example/en/courses",
  },
  "seat-block.requested": {
    name: "최유진",
    cohortName: "생명공학과 2026 바이오공정 실무반",
    courseTitle: "업스트림 공정 기초",
    courseCode: "FT-USP-101",
    startsAt: "2026-12-03T00:00:00Z",
    endsAt: "2026-12-04T08:00:00Z",
    requestedSeats: 6,
    url: "https://enroll.example/ko/partner/seat-blocks/blk_1",
  },
  "seat-block.approved": {
    name: "Yujin Choi",
    cohortName: "Bioprocess 2026",
    courseTitle: "Upstream Processing Basics",
    courseCode: "FT-USP-101",
    startsAt: "2026-12-03T00:00:00Z",
    endsAt: "2026-12-04T08:00:00Z",
    requestedSeats: 6,
    approvedSeats: 4,
    releaseAt: new Date("2026-11-26T00:00:00Z"),
    reason: "Two seats are kept for industry trainees.",
    url: "https://enroll.example/en/partner/seat-blocks/blk_1",
  },
  "seat-block.rejected": {
    name: "최유진",
    cohortName: "생명공학과 2026 바이오공정 실무반",
    courseTitle: "업스트림 공정 기초",
    courseCode: "FT-USP-101",
    startsAt: "2026-12-03T00:00:00Z",
    endsAt: "2026-12-03T08:00:00Z",
    requestedSeats: 4,
    reason: "클린룸 실습은 기업 교육생에게 우선 배정됩니다.",
    url: "https://enroll.example/ko/partner/seat-blocks/blk_2",
  },
  "seat-block.released": {
    name: "최유진",
    cohortName: "생명공학과 2026 바이오공정 실무반",
    courseTitle: "업스트림 공정 기초",
    courseCode: "FT-USP-101",
    startsAt: "2026-12-03T00:00:00Z",
    endsAt: "2026-12-04T08:00:00Z",
    requestedSeats: 6,
    trigger: "automatic",
    releasedSeats: 2,
    claimedSeats: 4,
    remainingSeats: 0,
    url: "https://enroll.example/ko/partner/seat-blocks/blk_1",
  },
  "seat-block.seat-claimed": {
    name: "Yujin Choi",
    cohortName: "Bioprocess 2026",
    courseTitle: "Upstream Processing Basics",
    courseCode: "FT-USP-101",
    startsAt: "2026-12-03T00:00:00Z",
    endsAt: "2026-12-04T08:00:00Z",
    requestedSeats: 6,
    memberName: "최서현",
    approvedSeats: 6,
    claimedSeats: 4,
    url: "https://enroll.example/en/partner/seat-blocks/blk_1",
  },
  "seat-block.claim-invitation": {
    name: "최서현",
    organizationName: "인하대학교",
    cohortName: "생명공학과 2026 바이오공정 실무반",
    courseTitle: "업스트림 공정 기초",
    courseCode: "FT-USP-101",
    startsAt: "2026-12-03T00:00:00Z",
    endsAt: "2026-12-04T08:00:00Z",
    releaseAt: "2026-11-26T00:00:00Z",
    url: "https://enroll.example/ko/seat-blocks/blk_1/claim",
  },
  "enrollment.completed": {
    name: "김지우",
    courseTitle: "ÄKTA 기반 항체 정제 실습",
    courseCode: "FT-DSP-201",
    certificateCode: "FT-7K3M-Q9PD",
    hours: 16,
    url: "https://enroll.example/ko/certificates/FT-7K3M-Q9PD/certificate.pdf",
    verifyUrl: "https://enroll.example/verify/FT-7K3M-Q9PD",
  },
  "enrollment.no-show": {
    name: "Jiwoo Kim",
    courseTitle: "Antibody Purification on ÄKTA Systems",
    courseCode: "FT-DSP-201",
    attended: 1,
    meetingCount: 2,
    minAttendancePct: 100,
    url: "https://enroll.example/en/me/enrollments",
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

/** ICU puts narrow and thin spaces around "AM" and range dashes; the assertions read plainer without them. */
const plain = (text: string) => text.replace(/[\u202f\u2009]/g, " ");

describe("enrollment mails", () => {
  it("confirm a seat with every meeting in Seoul time and the session's calendar file", () => {
    const payload = parseMailPayload("enrollment.confirmed", examples["enrollment.confirmed"]);
    const ko = renderMail("enrollment.confirmed", payload, "ko");
    expect(ko.subject).toBe("[Fast Trak] 수강 확정: ÄKTA 기반 항체 정제 실습");
    expect(ko.text).toContain("김지우님, 안녕하세요.");
    expect(ko.text).toContain("ÄKTA 기반 항체 정제 실습 (FT-DSP-201) 과정의 수강이 확정되어");
    // 00:00 UTC is 09:00 in Seoul; meetings in date order whatever the payload's order.
    expect(ko.text).toContain("일정 (총 2회):\n\n1회차: 2026년 12월 3일 (목) 09:00 ~ 17:00 GMT+9");
    expect(ko.text).toContain("2회차: 2026년 12월 4일 (금) 09:00 ~ 17:00 GMT+9");
    expect(ko.text).toContain("장소: 다운스트림 실습실 2, Fast Trak 센터 (송도)");
    expect(ko.html).toContain("1회차: 2026년 12월 3일 (목) 09:00 ~ 17:00 GMT+9");

    const en = renderMail("enrollment.confirmed", payload, "en");
    expect(en.subject).toBe("[Fast Trak] Enrollment confirmed: ÄKTA 기반 항체 정제 실습");
    expect(en.text).toContain("Hello 김지우,");
    expect(plain(en.text)).toContain("Meeting 1: Thu, Dec 3, 2026, 9:00 AM – 5:00 PM GMT+9");
    expect(plain(en.text)).toContain("Meeting 2: Fri, Dec 4, 2026, 9:00 AM – 5:00 PM GMT+9");
    expect(en.text).toContain("View my enrollments:\nhttps://enroll.example/ko/me/enrollments");

    for (const mail of [ko, en]) {
      expect(mail.attachments).toHaveLength(1);
      const [ics] = mail.attachments;
      expect(ics!.filename).toBe("FT-DSP-201-2026-12-03.ics");
      expect(ics!.contentType).toBe("text/calendar; charset=utf-8; method=PUBLISH");
      const content = String(ics!.content);
      expect(content).toContain("UID:meeting-mtg_1@fasttrak-enroll\r\n");
      expect(content).toContain("UID:meeting-mtg_2@fasttrak-enroll\r\n");
      expect(content).toContain("DTSTART;TZID=Asia/Seoul:20261203T090000\r\n");
      expect(content).toContain("STATUS:CONFIRMED\r\n");
    }
    // The file speaks the reader's language too.
    expect(String(ko.attachments[0]!.content)).toContain("Fast Trak 교육센터 FT-DSP-201 과정");
    expect(String(en.attachments[0]!.content)).toContain("FT-DSP-201 at the Fast Trak Center");
  });

  it("state the offer deadline in Seoul time with the zone", () => {
    const payload = parseMailPayload("enrollment.offer", examples["enrollment.offer"]);
    expect(renderMail("enrollment.offer", payload, "ko").text).toContain(
      "2026년 11월 30일 18:00 GMT+9까지 내 수강 신청에서 수락 또는 거절해 주세요.",
    );
    const en = renderMail("enrollment.offer", payload, "en");
    expect(plain(en.text)).toContain("by Nov 30, 2026, 6:00 PM GMT+9.");
    expect(en.text).toContain(
      "Accept or decline the seat:\nhttps://enroll.example/ko/me/enrollments",
    );
    expect(en.attachments).toEqual([]);
  });

  it("attach a cancelling calendar file when a seat is lost, and none when no seat is held", () => {
    const cancelled = (template: "enrollment.cancelled" | "session.cancelled") =>
      renderMail(template, parseMailPayload(template, examples[template]), "en");
    for (const mail of [cancelled("enrollment.cancelled"), cancelled("session.cancelled")]) {
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
      expect(String(mail.attachments[0]!.content)).toContain("METHOD:CANCEL\r\n");
      expect(String(mail.attachments[0]!.content)).toContain("STATUS:CANCELLED\r\n");
    }
    expect(cancelled("enrollment.cancelled").text).toContain(
      "The Fast Trak Center has cancelled your enrollment in ÄKTA 기반 항체 정제 실습 (FT-DSP-201).",
    );
    expect(cancelled("session.cancelled").text).toContain("Reason: Bioreactor maintenance");

    const waitlisted = renderMail(
      "enrollment.approved",
      parseMailPayload("enrollment.approved", examples["enrollment.approved"]),
      "ko",
    );
    expect(waitlisted.text).toContain("현재 대기 순번은 2번입니다.");
    expect(waitlisted.attachments).toEqual([]);
    const confirmed = renderMail(
      "enrollment.approved",
      parseMailPayload("enrollment.approved", {
        ...examples["enrollment.approved"],
        outcome: "CONFIRMED",
      }),
      "ko",
    );
    expect(confirmed.attachments).toHaveLength(1);

    // A move brings the new schedule and cancels the previous meetings.
    const moved = renderMail(
      "enrollment.moved",
      parseMailPayload("enrollment.moved", examples["enrollment.moved"]),
      "ko",
    );
    expect(moved.text).toContain("이전 일정: 2026년 11월 26일 (목) 09:00 ~ 17:00 GMT+9");
    expect(moved.attachments.map((a) => a.contentType)).toEqual([
      "text/calendar; charset=utf-8; method=PUBLISH",
      "text/calendar; charset=utf-8; method=CANCEL",
    ]);
    expect(String(moved.attachments[1]!.content)).toContain(
      "UID:meeting-mtg_old@fasttrak-enroll\r\n",
    );
  });
});
