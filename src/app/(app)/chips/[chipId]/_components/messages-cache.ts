"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { type RouterOutputs, useTRPC } from "~/trpc/react";
import type { ChipMessage } from "../../_components/chip-types";

type MessagePage = RouterOutputs["chip"]["messages"];

/** How many recent messages the panel shows; the pushed ones are merged into this one page. */
export const MESSAGES_SHOWN = 50;

export const messagesInput = (chipId: string) => ({ chipId, limit: MESSAGES_SHOWN });

const newestFirst = (a: ChipMessage, b: ChipMessage) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * Puts a pushed or just-sent message into the chip's cached list: the same row replaces its older copy (an ack moved),
 * a new one is added in time order. Before the list has loaded there is nothing to merge into; the load brings it.
 */
export function useMergeChipMessage(chipId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (message: ChipMessage) => {
      queryClient.setQueryData(trpc.chip.messages.queryKey(messagesInput(chipId)), (page: MessagePage | undefined) => {
        if (!page) return page;
        const others = page.items.filter((m) => m.id !== message.id);
        const known = page.items.find((m) => m.id === message.id);
        // Acks only move forward; a late push of an older copy must not undo a newer one.
        const merged = known && known.ack > message.ack ? known : message;
        return { ...page, items: [merged, ...others].sort(newestFirst).slice(0, MESSAGES_SHOWN) };
      });
    },
    [chipId, queryClient, trpc],
  );
}
