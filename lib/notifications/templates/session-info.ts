import { z } from "zod";

/**
 * What every enrollment and session mail says about the session it concerns. The enrollment
 * engine builds it (lib/enrollments/enrollments.mail.ts) in the recipient's language when it
 * puts the mail in the outbox; templates and the .ics attachment are rendered from it.
 */
export const sessionMailInfoSchema = z.object({
  /** Recipient's name. */
  name: z.string().trim().min(1).max(200),
  /** Course title in the recipient's language. */
  courseTitle: z.string().trim().min(1).max(300),
  courseCode: z.string().trim().min(1).max(50),
  sessionId: z.string().min(1).max(100),
  /** Every meeting of the session, in order; `id` makes calendar UIDs stable across re-imports. */
  meetings: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        startsAt: z.coerce.date(),
        endsAt: z.coerce.date(),
      }),
    )
    .min(1)
    .max(100),
  /** Room name in the recipient's language, with the center's name. */
  location: z.string().trim().max(300).nullable(),
  /** Absolute link to the trainee's "My enrollments" page. */
  url: z.url({ protocol: /^https?$/ }).max(2000),
});

export type SessionMailInfo = z.output<typeof sessionMailInfoSchema>;
export type SessionMailInfoInput = z.input<typeof sessionMailInfoSchema>;
