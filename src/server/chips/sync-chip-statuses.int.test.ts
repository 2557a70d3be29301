// syncChipStatuses against the real simulator: a status change whose webhook never reached whago is read back.
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "~/test/eventually";
import { startChipSimulator } from "./testing/chip-simulator";

const simulator = await startChipSimulator({ name: "sync", portRange: "22400-22499" });
const { receiver } = simulator;

const { db } = await import("~/server/db");
const { syncChipStatuses } = await import("./sync-chip-statuses");
const { subscribeToChip } = await import("./chip-bus");
const { createTestUser } = await import("./testing/chip-fixtures");
const { createPairedChip, simulatorRequest } = await import("./testing/simulated-chips");

const userIds: string[] = [];

afterAll(async () => {
  await simulator.stop(userIds);
}, 60_000);

const chipRow = (id: string) => db.chip.findUniqueOrThrow({ where: { id } });

describe("syncChipStatuses", () => {
  it("does not undo a status whago decided after WAHA was asked", async () => {
    const user = await createTestUser();
    userIds.push(user.id);
    const chip = await createPairedChip(user.id, "5511911110003");
    // As setChipStatus does: whago's own decision is stamped ahead of WAHA's clock.
    const decidedAt = BigInt(Date.now() + 60_000);
    await db.chip.update({ where: { id: chip.id }, data: { status: "STOPPED", statusEventAt: decidedAt } });

    expect(await syncChipStatuses()).toMatchObject({ changed: 0 });
    expect(await chipRow(chip.id)).toMatchObject({ status: "STOPPED", statusEventAt: decidedAt });
  });

  it("keeps going past an instance that does not answer", async () => {
    const user = await createTestUser();
    userIds.push(user.id);
    const chip = await createPairedChip(user.id, "5511911110004");
    const { baseUrl } = await db.wahaInstance.findUniqueOrThrow({ where: { id: chip.instanceId! } });
    await db.wahaInstance.update({ where: { id: chip.instanceId! }, data: { baseUrl: "http://127.0.0.1:9" } });

    const result = await syncChipStatuses();
    await db.wahaInstance.update({ where: { id: chip.instanceId! }, data: { baseUrl } });
    expect(result).toMatchObject({ failedInstances: 1, changed: 0 });
    expect(result.instances).toBeGreaterThan(1);
  });

  // Last: it closes the webhook receiver for good.
  it("applies a logout whose webhook was lost, publishes it, and leaves chips that agree with WAHA alone", async () => {
    const user = await createTestUser();
    userIds.push(user.id);
    const lost = await createPairedChip(user.id, "5511911110001");
    const steady = await createPairedChip(user.id, "5511911110002");
    expect(await syncChipStatuses()).toMatchObject({ changed: 0, failedInstances: 0 });

    // whago goes deaf: every delivery from now on finds a closed port.
    await receiver.close();
    const path = (chip: { sessionName: string }) => `/_sim/sessions/${chip.sessionName}`;
    await simulatorRequest(lost.instanceId!, "POST", `${path(lost)}/disconnect`, { mode: "logout" });
    await eventually(async () => (await simulatorRequest(lost.instanceId!, "GET", path(lost)))?.status === "FAILED");
    expect((await chipRow(lost.id)).status).toBe("WORKING");

    const pushed: string[] = [];
    const unsubscribe = subscribeToChip(lost.id, (e) => e.type === "chip" && pushed.push(e.chip.status));
    const result = await syncChipStatuses();
    unsubscribe();

    expect(result).toMatchObject({ changed: 1, failedInstances: 0 });
    const after = await chipRow(lost.id);
    expect(after).toMatchObject({ status: "FAILED", phoneNumber: "5511911110001" });
    expect(after.statusReason).toBeTruthy();
    expect(after.statusEventAt).toBeGreaterThan(lost.statusEventAt!);
    expect(pushed).toEqual(["FAILED"]);
    expect((await chipRow(steady.id)).status).toBe("WORKING");
  });
});
