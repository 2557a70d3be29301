import { describe, expect, it } from "vitest";
import { newEventId, newMessageId, newPairingCode, newQrValue, newSessionName, newWebhookRequestId } from "./ids";

describe("ids", () => {
  it("formats ids like WAHA", () => {
    expect(newEventId()).toMatch(/^evt_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(newSessionName()).toMatch(/^session_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(newMessageId()).toMatch(/^3EB0[0-9A-F]{18}$/);
    expect(newPairingCode()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(newQrValue()).toMatch(/^2@[^,]+,[^,]+,[^,]+,[^,]+$/);
    const requestId = newWebhookRequestId();
    expect(requestId).toMatch(/^[0-9a-z]{18}$/);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 200 }, newEventId));
    expect(ids.size).toBe(200);
  });
});
