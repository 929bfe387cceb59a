import { z } from "zod";
import { formatDateTime, formatDayRange } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  defineMailTemplate,
  type MailContent,
  type MailTranslator,
} from "@/lib/notifications/template";

/**
 * Mails of the partner seat blocks (lib/cohorts/seat-blocks.service.ts). The coordinators of the
 * partner organization hear about every step of their request (received, approved fully or
 * partly, rejected with the reason, seats released, a member claimed a seat); members of a
 * cohort get a link to claim one of its seats. A member given a seat gets the engine's own
 * "enrollment.confirmed" mail, with the calendar file.
 */

/** Names as people typed them (a coordinator, a cohort, a student). */
const text = z.string().trim().min(1).max(200);
/** What an admin typed as the reason; shown as plain text. */
const reason = z.string().trim().max(2000);
const seats = z.number().int().min(0).max(10_000);
/** Only http(s) links go into a mail (a `javascript:` URL in an href would be an attack). */
const link = z.url({ protocol: /^https?$/ }).max(2000);

/** What every coordinator mail says about the block: whose, which session, how many seats. */
const blockMailSchema = z.object({
  /** Recipient's name. */
  name: text,
  cohortName: text,
  /** Course title in the recipient's language. */
  courseTitle: z.string().trim().min(1).max(300),
  courseCode: z.string().trim().min(1).max(50),
  /** The session's first meeting start and last meeting end. */
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  requestedSeats: seats,
  /** The block's page on the partner side. */
  url: link,
});
type BlockMail = z.output<typeof blockMailSchema>;

const course = (p: { courseTitle: string; courseCode: string }) => ({
  courseTitle: p.courseTitle,
  courseCode: p.courseCode,
});

function blockMail(
  t: MailTranslator,
  p: BlockMail,
  locale: AppLocale,
  sections: { subject: string; intro: string[]; more?: string[]; notes?: string[] },
): MailContent {
  return {
    subject: sections.subject,
    greeting: t("layout.greeting", { name: p.name }),
    paragraphs: [
      ...sections.intro,
      t("seatBlock.details.cohort", { cohortName: p.cohortName }),
      t("seatBlock.details.dates", { dates: formatDayRange(p.startsAt, p.endsAt, locale) }),
      ...(sections.more ?? []),
    ],
    action: { label: t("seatBlock.action.view"), url: p.url },
    notes: sections.notes,
  };
}

export const seatBlockMailTemplates = {
  "seat-block.requested": defineMailTemplate({
    schema: blockMailSchema,
    compose: (t, p, { locale }) =>
      blockMail(t, p, locale, {
        subject: t("seatBlock.requested.subject", course(p)),
        intro: [
          t("seatBlock.requested.intro", { ...course(p), seats: p.requestedSeats }),
          t("seatBlock.requested.next"),
        ],
      }),
  }),

  "seat-block.approved": defineMailTemplate({
    schema: blockMailSchema.extend({
      approvedSeats: seats,
      releaseAt: z.coerce.date(),
      reason: reason.nullish(),
    }),
    compose: (t, p, { locale }) =>
      blockMail(t, p, locale, {
        subject: t(
          p.approvedSeats < p.requestedSeats
            ? "seatBlock.approved.subjectPartly"
            : "seatBlock.approved.subject",
          course(p),
        ),
        intro: [
          p.approvedSeats < p.requestedSeats
            ? t("seatBlock.approved.introPartly", {
                ...course(p),
                requested: p.requestedSeats,
                approved: p.approvedSeats,
              })
            : t("seatBlock.approved.intro", { ...course(p), approved: p.approvedSeats }),
          t("seatBlock.approved.held", { releaseAt: formatDateTime(p.releaseAt, locale) }),
        ],
        more: [
          ...(p.reason ? [t("seatBlock.details.reason", { reason: p.reason })] : []),
          t("seatBlock.approved.next"),
        ],
      }),
  }),

  "seat-block.rejected": defineMailTemplate({
    schema: blockMailSchema.extend({ reason }),
    compose: (t, p, { locale }) =>
      blockMail(t, p, locale, {
        subject: t("seatBlock.rejected.subject", course(p)),
        intro: [t("seatBlock.rejected.intro", { ...course(p), seats: p.requestedSeats })],
        more: [t("seatBlock.details.reason", { reason: p.reason }), t("seatBlock.rejected.next")],
      }),
  }),

  "seat-block.released": defineMailTemplate({
    schema: blockMailSchema.extend({
      /** "automatic": the release date came; "early": a coordinator released them. */
      trigger: z.enum(["automatic", "early"]),
      releasedSeats: seats,
      claimedSeats: seats,
      /** Unclaimed seats the block still holds (after a partial early release). */
      remainingSeats: seats,
    }),
    compose: (t, p, { locale }) =>
      blockMail(t, p, locale, {
        subject: t("seatBlock.released.subject", { ...course(p), seats: p.releasedSeats }),
        intro: [
          t(
            p.trigger === "automatic"
              ? "seatBlock.released.introAutomatic"
              : "seatBlock.released.introEarly",
            { ...course(p), seats: p.releasedSeats },
          ),
          t("seatBlock.released.claimed", { claimed: p.claimedSeats }),
          ...(p.remainingSeats > 0
            ? [t("seatBlock.released.remaining", { remaining: p.remainingSeats })]
            : []),
        ],
        notes: [t("seatBlock.released.waitlist")],
      }),
  }),

  "seat-block.seat-claimed": defineMailTemplate({
    schema: blockMailSchema.extend({
      memberName: text,
      approvedSeats: seats,
      claimedSeats: seats,
    }),
    compose: (t, p, { locale }) =>
      blockMail(t, p, locale, {
        subject: t("seatBlock.seatClaimed.subject", { ...course(p), memberName: p.memberName }),
        intro: [
          t("seatBlock.seatClaimed.intro", { ...course(p), memberName: p.memberName }),
          t("seatBlock.seatClaimed.count", {
            claimed: p.claimedSeats,
            approved: p.approvedSeats,
          }),
        ],
      }),
  }),

  "seat-block.claim-invitation": defineMailTemplate({
    schema: z.object({
      name: text,
      organizationName: text,
      cohortName: text,
      courseTitle: z.string().trim().min(1).max(300),
      courseCode: z.string().trim().min(1).max(50),
      startsAt: z.coerce.date(),
      endsAt: z.coerce.date(),
      releaseAt: z.coerce.date(),
      /** The claim page of the block. */
      url: link,
    }),
    compose: (t, p, { locale }) => ({
      subject: t("seatBlock.claimInvitation.subject", course(p)),
      greeting: t("layout.greeting", { name: p.name }),
      paragraphs: [
        t("seatBlock.claimInvitation.intro", {
          ...course(p),
          organizationName: p.organizationName,
          cohortName: p.cohortName,
        }),
        t("seatBlock.details.dates", { dates: formatDayRange(p.startsAt, p.endsAt, locale) }),
        t("seatBlock.claimInvitation.deadline", {
          releaseAt: formatDateTime(p.releaseAt, locale),
        }),
      ],
      action: { label: t("seatBlock.claimInvitation.action"), url: p.url },
      notes: [t("seatBlock.claimInvitation.firstCome"), t("seatBlock.claimInvitation.signIn")],
    }),
  }),
};
