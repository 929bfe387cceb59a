import { z } from "zod";
import { OutboxStatus } from "@/lib/generated/prisma/enums";

export const OUTBOX_STATUSES = Object.values(OutboxStatus);
export const OUTBOX_PAGE_SIZE = 25;

/** Search params of the admin outbox list. Bad values fall back to the unfiltered first page. */
export const outboxListQuerySchema = z.object({
  status: z.enum(OutboxStatus).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type OutboxListQuery = z.infer<typeof outboxListQuerySchema>;

/** The retry form: a checkbox must confirm a retry of an UNCERTAIN row, which may duplicate the mail. */
export const retryOutboxMessageSchema = z.object({
  id: z.string().trim().min(1).max(64),
  confirmDuplicate: z
    .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type RetryOutboxMessageInput = z.input<typeof retryOutboxMessageSchema>;
