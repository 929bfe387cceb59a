// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderPage } from "@/components/site/test-render";
import type { OwnEnrollment, OwnEnrollments } from "@/lib/enrollments/enrollments.queries";
import { EnrollmentSectionsView } from "./enrollment-sections";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const now = new Date("2026-12-01T00:00:00Z");

let n = 0;
function enrollment(
  overrides: Partial<OwnEnrollment> = {},
  title = "Upstream basics",
): OwnEnrollment {
  n += 1;
  const start = new Date(now.getTime() + 10 * DAY);
  return {
    id: `enr-${n}`,
    status: "CONFIRMED",
    paymentStatus: "INVOICED",
    offerExpiresAt: null,
    requestNote: null,
    waitlistPosition: null,
    selfCancellable: true,
    certificateCode: null,
    createdAt: now,
    course: { slug: `course-${n}`, code: `FT-USP-10${n}`, title },
    session: {
      id: `ses-${n}`,
      status: "PUBLISHED",
      startsAt: start,
      endsAt: new Date(start.getTime() + DAY + 8 * HOUR),
      language: "ko",
      priceKrw: 850_000,
      cancellationCutoffAt: new Date(start.getTime() - 3 * DAY),
      waitlistMode: "AUTO",
      offerHours: 48,
      room: "Lab 1",
      meetings: [
        { id: `m-${n}-1`, startsAt: start, endsAt: new Date(start.getTime() + 8 * HOUR) },
        {
          id: `m-${n}-2`,
          startsAt: new Date(start.getTime() + DAY),
          endsAt: new Date(start.getTime() + DAY + 8 * HOUR),
        },
      ],
    },
    ...overrides,
  };
}

const empty: OwnEnrollments = {
  offers: [],
  upcoming: [],
  waitlisted: [],
  pending: [],
  past: { items: [], total: 0, page: 1, pageCount: 1 },
};

const buttons = (root: ParentNode) => [...root.querySelectorAll("button")];
const names = (root: ParentNode) => buttons(root).map((b) => b.textContent?.trim());
const section = (doc: Document, id: string) => doc.getElementById(id)!;

describe("My enrollments sections", () => {
  it("shows every section with its heading, count and empty state", () => {
    const doc = renderPage(<EnrollmentSectionsView data={empty} locale="en" now={now} />, {
      locale: "en",
    });
    const h2 = [...doc.querySelectorAll("h2")].map((h) => h.textContent);
    expect(h2).toEqual(["Seat offers 0", "Upcoming 0", "Waitlisted 0", "Pending approval 0", "Past 0"]);
    for (const id of ["offers", "upcoming", "waitlisted", "pending", "past"]) {
      // Each empty state's heading sits under its section's h2.
      expect(section(doc, id).querySelector("h3")?.textContent).toBeTruthy();
    }
    expect(section(doc, "upcoming").querySelector('a[href="/en/courses"]')).not.toBeNull();
    expect(
      doc.querySelector('nav[aria-label="Sections of this page"] a[href="#past"]'),
    ).not.toBeNull();
  });

  it("gives each button an accessible name with the course, and links the course and its calendar file", () => {
    const upcoming = enrollment();
    const data: OwnEnrollments = { ...empty, upcoming: [upcoming] };
    const doc = renderPage(<EnrollmentSectionsView data={data} locale="en" now={now} />, {
      locale: "en",
    });
    const card = section(doc, "upcoming");
    expect(names(card)).toContain("Cancel enrollment: Upstream basics");
    expect(card.querySelector("h3 a")!.getAttribute("href")).toBe(
      `/en/courses/${upcoming.course.slug}`,
    );
    const ics = card.querySelector<HTMLAnchorElement>("a[download]")!;
    expect(ics.getAttribute("href")).toBe(`/en/me/enrollments/${upcoming.id}/calendar.ics`);
    expect(ics.textContent).toBe("Add to calendar (.ics): Upstream basics");
    // Every meeting with the Seoul zone; room, language, price and payment.
    const meetings = [...card.querySelectorAll("ol li")].map((li) => li.textContent);
    expect(meetings).toHaveLength(2);
    expect(meetings.every((m) => m?.endsWith("GMT+9"))).toBe(true);
    expect(card.textContent).toContain("Lab 1");
    expect(card.textContent).toContain("Korean");
    expect(card.textContent).toContain("₩850,000");
    expect(card.textContent).toContain("Invoiced");
    // The dialog states the consequence.
    expect(card.querySelector("dialog")!.textContent).toContain(
      "Your seat goes to the next person on the waitlist and you can't get it back.",
    );
  });

  it("offers no cancel button once the cut-off has passed, and says whom to contact", () => {
    const late = enrollment({ selfCancellable: false });
    const doc = renderPage(
      <EnrollmentSectionsView data={{ ...empty, upcoming: [late] }} locale="en" now={now} />,
      { locale: "en" },
    );
    const card = section(doc, "upcoming");
    expect(names(card).some((name) => name?.startsWith("Cancel enrollment"))).toBe(false);
    expect(card.textContent).toContain("The cancellation deadline has passed; contact the center");
  });

  it("shows an offer's deadline in Seoul time, a countdown that is not announced at every tick, and claim/decline", () => {
    const offer = enrollment({
      status: "OFFERED",
      offerExpiresAt: new Date(now.getTime() + DAY + 3 * HOUR + 5 * 60_000),
    });
    const doc = renderPage(
      <EnrollmentSectionsView data={{ ...empty, offers: [offer] }} locale="en" now={now} />,
      { locale: "en" },
    );
    const card = section(doc, "offers");
    expect(card.textContent).toMatch(/Claim by Dec 2, 2026, 12:05\sPM GMT\+9/);
    const timer = card.querySelector('[role="timer"]')!;
    expect(timer.getAttribute("aria-live")).toBe("off");
    expect(timer.textContent).toBe("1 day 3 hours left");
    expect(names(card)).toEqual(
      expect.arrayContaining(["Claim seat: Upstream basics", "Decline: Upstream basics"]),
    );
  });

  it("shows no claim button for an offer whose deadline has passed before the worker expired it", () => {
    const offer = enrollment({
      status: "OFFERED",
      offerExpiresAt: new Date(now.getTime() - 60_000),
    });
    const doc = renderPage(
      <EnrollmentSectionsView data={{ ...empty, offers: [offer] }} locale="en" now={now} />,
      { locale: "en" },
    );
    const card = section(doc, "offers");
    expect(card.querySelector('[role="timer"]')!.textContent).toBe("Expired");
    expect(names(card).some((name) => name?.startsWith("Claim"))).toBe(false);
  });

  it("shows the waitlist position, the pending note, and a leave/withdraw button named after the course", () => {
    const waiting = enrollment({ status: "WAITLISTED", waitlistPosition: 3 }, "Bioreactors");
    const pending = enrollment(
      { status: "PENDING_APPROVAL", requestNote: "I did the prerequisite elsewhere." },
      "Cell therapy",
    );
    const doc = renderPage(
      <EnrollmentSectionsView
        data={{ ...empty, waitlisted: [waiting], pending: [pending] }}
        locale="ko"
        now={now}
      />,
    );
    const waitCard = section(doc, "waitlisted");
    expect(waitCard.textContent).toContain("대기 순번 3번");
    expect(names(waitCard)).toContain("대기 취소: Bioreactors");
    expect(waitCard.querySelector("dialog")!.textContent).toContain("대기 순번(3번)");
    const pendingCard = section(doc, "pending");
    expect(pendingCard.querySelector("blockquote")!.textContent).toBe(
      "I did the prerequisite elsewhere.",
    );
    expect(names(pendingCard)).toContain("요청 철회: Cell therapy");
  });

  it("lists the history with translated statuses, the certificate code and pagination", () => {
    const completed = enrollment({ status: "COMPLETED", certificateCode: "FT-CERT-0001" });
    const rejected = enrollment({ status: "REJECTED" as OwnEnrollment["status"] });
    const byCenter = enrollment({
      status: "CANCELLED",
      session: { ...enrollment().session, status: "CANCELLED" },
    });
    const doc = renderPage(
      <EnrollmentSectionsView
        data={{
          ...empty,
          past: { items: [completed, rejected, byCenter], total: 23, page: 2, pageCount: 3 },
        }}
        locale="en"
        now={now}
      />,
      { locale: "en" },
    );
    const past = section(doc, "past");
    expect(past.querySelector("h2")!.textContent).toBe("Past 23");
    expect(past.textContent).toContain("FT-CERT-0001");
    expect(past.textContent).toContain("Not approved");
    expect(past.textContent).toContain("The center cancelled this session.");
    // Past entries have nothing to press.
    expect(buttons(past)).toEqual([]);
    const pageLinks = [...past.querySelectorAll("nav a")].map((a) => a.getAttribute("href"));
    expect(pageLinks).toContain("/en/me/enrollments?pastPage=3");
  });
});
