/**
 * The fast path (fast-enroll.ts) renders the subjects of the confirmation and waitlist mails
 * before it knows the trainee's outcome and place, and remembers them per session and language.
 * That is right only while those subjects name the course and nothing about the trainee or
 * their waitlist position (the body says the position): this holds them to it.
 */
import { describe, expect, it } from "vitest";
import { parseMailPayload, renderMailSubject } from "@/lib/notifications/render";

const session = {
  courseTitle: "세포 배양 공정 기초",
  courseCode: "FT-USP-101",
  sessionId: "ses_1",
  meetings: [{ id: "mtg_1", startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-01T08:00:00Z" }],
  location: null,
  url: "https://enroll.example/ko/me/enrollments",
};

describe("subjects the fast path renders ahead", () => {
  for (const template of ["enrollment.confirmed", "enrollment.waitlisted"] as const) {
    for (const locale of ["ko", "en"] as const) {
      it(`${template} (${locale}) names the course, not the trainee or the position`, () => {
        const subjectFor = (name: string, position: number) =>
          renderMailSubject(
            template,
            parseMailPayload(template, { ...session, name, position }),
            locale,
          );
        const subject = subjectFor("김지우", 1);
        expect(subject).toContain(session.courseTitle);
        expect(subjectFor("Alex Kim", 27)).toBe(subject);
      });
    }
  }
});
