import { afterAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./support/sim";
import { waitFor } from "./support/wait";

const started: TestSimulator[] = [];
afterAll(async () => {
  for (const sim of started) await sim.stop().catch(() => undefined);
});

describe("persistence", () => {
  it("restores sessions after a restart: paired ones WORKING without a QR, stopped ones STOPPED", async () => {
    const first = await startTestSimulator();
    started.push(first);
    await first.json("POST", "/api/sessions", { name: "p_paired", start: true, config: { metadata: { k: "v" } } });
    await first.json("POST", "/api/sessions", { name: "p_stopped", start: false });
    await first.json("POST", "/api/sessions", { name: "p_unpaired", start: true });
    await waitFor(async () => (await first.json("GET", "/api/sessions/p_paired")).body.status === "SCAN_QR_CODE", "QR");
    await first.json("POST", "/_sim/sessions/p_paired/pair", { phone: "5511977776666" });
    await first.stop({ keepData: true });

    const second = await startTestSimulator({ dataDir: first.dataDir });
    started.push(second);
    await waitFor(async () => (await second.json("GET", "/api/sessions/p_paired")).body.status === "WORKING", "restored WORKING");
    const state = (await second.json("GET", "/_sim/sessions/p_paired")).body;
    expect(state.statuses.map((s: { status: string }) => s.status)).toEqual(["STOPPED", "STARTING", "WORKING"]);
    expect((await second.json("GET", "/api/sessions/p_paired")).body).toMatchObject({ config: { metadata: { k: "v" } }, me: { id: "5511977776666@c.us" } });
    expect((await second.json("GET", "/api/sessions/p_stopped")).body.status).toBe("STOPPED");
    await waitFor(async () => (await second.json("GET", "/api/sessions/p_unpaired")).body.status === "SCAN_QR_CODE", "unpaired asks for a QR");
  });
});
