"use client";

import { ActionForm } from "@/components/forms/action-form";
import { claimSeatAction } from "@/lib/cohorts/seat-blocks.actions";

/** The member takes one of the block's seats for themself. */
export function ClaimSeatForm({ blockId }: { blockId: string }) {
  return (
    <ActionForm action={claimSeatAction} messages="seatBlocks.claim" submitClassName="self-start">
      {() => <input type="hidden" name="blockId" value={blockId} />}
    </ActionForm>
  );
}
