"use client";

import { useEffect, useRef, useState } from "react";
import type { ChipStreamEvent } from "./chip-types";

export type StreamState = "connecting" | "open" | "reconnecting" | "closed";

/**
 * Follows a chip event stream. EventSource reconnects by itself after a network drop; a non-200 answer (404 for a
 * chip that is not yours) closes it for good, which is reported as "closed".
 */
export function useEventStream(url: string, onEvent: (event: ChipStreamEvent) => void): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setState("open");
    source.onmessage = (message: MessageEvent<string>) => handler.current(JSON.parse(message.data) as ChipStreamEvent);
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting");
    return () => source.close();
  }, [url]);

  return state;
}
