import { hasDueSeatBlocks, releaseDueSeatBlocks } from "@/lib/cohorts/seat-blocks.engine";
import type { JobDefinition } from "@/lib/jobs/registry";

export const seatBlockJobs: JobDefinition[] = [
  {
    name: "seat-blocks.release",
    policy: "stately",
    // Every five minutes, and polled: a block whose release date has come frees its unclaimed
    // seats for the waitlist within seconds (the poll is one indexed lookup).
    cron: "*/5 * * * *",
    poll: { isDue: () => hasDueSeatBlocks() },
    async run({ logger }) {
      const released = await releaseDueSeatBlocks();
      if (released > 0) logger.info({ released }, "seat blocks released");
    },
  },
];
