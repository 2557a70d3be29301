// createChip against the real simulator, run as a local process per user, with webhooks back through the route.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "~/test/eventually";
import { startChipSimulator } from "./testing/chip-simulator";

const simulator = await startChipSimulator({ name: "chips", portRange: "22300-22399" });

const { db } = await import("~/server/db");
const { seal, unseal, randomToken } = await import("~/server/crypto");
const { getRuntime } = await import("~/server/waha/runtime/get-runtime");
const { createChip, getChipQr, removeChip, restartChip } = await import("./index");
const { subscribeToChip } = await import("./chip-bus");
const { createTestUser } = await import("./testing/chip-fixtures");
const { simulatorCall: sim } = await import("./testing/simulated-chips");

const userIds: string[] = [];
async function newUser() {
  const user = await createTestUser();
  userIds.push(user.id);
  return user;
}


const chipRow = (id: string) => db.chip.findUniqueOrThrow({ where: { id } });

afterAll(async () => {
  await simulator.stop(userIds);
}, 60_000);

describe("createChip on the simulator", () => {
  it("returns CREATING at once, then reaches SCAN_QR_CODE with a pushed QR, then WORKING with the number", async () => {
    const user = await newUser();
    const pushed: string[] = [];
    const chip = await createChip({ userId: user.id, label: "  Loja   Centro " });
    const unsubscribe = subscribeToChip(chip.id, (e) => pushed.push(e.type === "progress" ? `progress:${e.step}` : e.type));
    expect(chip).toMatchObject({ status: "CREATING", label: "Loja Centro", phoneNumber: null });
    expect(chip.device?.browserName).toBe("Chrome");

    await eventually(async () => (await chipRow(chip.id)).status === "SCAN_QR_CODE");
    await eventually(async () => pushed.includes("qr"));
    const row = await chipRow(chip.id);
    expect(row.instanceId).not.toBeNull();

    // The session carries the chip's identity, fingerprint and signed webhook; start was sent explicitly.
    const session = await sim(row.instanceId!, "GET", `/api/sessions/${row.sessionName}`);
    const config = session.json?.config as { metadata: Record<string, string>; client: unknown; webhooks: { hmac: { key: string } }[] };
    expect(config.metadata).toMatchObject({ "whago.user_id": user.id, "whago.chip_id": chip.id, "fp.device_model": chip.device?.deviceModel });
    expect(config.client).toEqual({ deviceName: chip.device?.deviceName, browserName: "Chrome" });
    const instance = await db.wahaInstance.findUniqueOrThrow({ where: { id: row.instanceId! } });
    expect(config.webhooks[0]?.hmac.key).toBe(unseal(instance.webhookSecretEncrypted));

    const qr = await getChipQr({ userId: user.id, chipId: chip.id });
    expect(qr.mimetype).toBe("image/png");
    expect(Buffer.from(qr.data, "base64").subarray(1, 4).toString()).toBe("PNG");

    await sim(row.instanceId!, "POST", `/_sim/sessions/${row.sessionName}/pair`, { phone: "5511912345678" });
    await eventually(async () => (await chipRow(chip.id)).status === "WORKING");
    expect(await chipRow(chip.id)).toMatchObject({ phoneNumber: "5511912345678" });
    unsubscribe();
    expect(pushed).toContain("chip");

    await removeChip({ userId: user.id, chipId: chip.id });
    expect(await chipRow(chip.id)).toMatchObject({ status: "DELETED" });
    expect((await sim(row.instanceId!, "GET", `/api/sessions/${row.sessionName}`)).status).toBe(404);
  });

  it("fails with a reason and leaves no session when the instance cannot start, and can be retried", async () => {
    const user = await newUser();
    // Something else holds the port recorded for this user's instance, so WAHA cannot listen there.
    const squatter = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((ok) => squatter.listen(0, "127.0.0.1", ok));
    const port = (squatter.address() as AddressInfo).port;
    const instance = await db.wahaInstance.create({
      data: {
        userId: user.id,
        runtime: "PROCESS",
        containerName: `waha_user_${user.id}`,
        image: "waha-sim",
        hostPort: port,
        apiKeyEncrypted: seal(randomToken(32)),
        webhookSecretEncrypted: seal(randomToken(32)),
      },
    });

    const chip = await createChip({ userId: user.id, label: "Falha" });
    const failed = await eventually(async () => {
      const row = await chipRow(chip.id);
      return row.status === "FAILED" ? row : null;
    });
    expect(failed.statusReason).toMatch(/Could not set up the chip/);
    const failedInstance = await db.wahaInstance.findUniqueOrThrow({ where: { id: instance.id } });
    expect(failedInstance).toMatchObject({ status: "FAILED" });
    // The diagnostic stays on the instance; the chip's reason is one short line for the user.
    expect(failed.statusReason).toBe("Could not set up the chip: the WhatsApp instance did not start in time. Try again.");
    expect(failedInstance.statusReason).toMatch(/WAHA/);
    expect(await getRuntime().inspect(user.id).then((i) => i?.state ?? "none")).not.toBe("running");

    // Free the port and retry: the same chip comes up.
    await new Promise<void>((ok) => squatter.close(() => ok()));
    await restartChip({ userId: user.id, chipId: chip.id });
    await eventually(async () => (await chipRow(chip.id)).status === "SCAN_QR_CODE");
  });

  it("gives a user's chips different devices", async () => {
    const user = await newUser();
    const a = await createChip({ userId: user.id, label: "A" });
    const b = await createChip({ userId: user.id, label: "B" });
    expect(a.device).not.toEqual(b.device);
    await eventually(async () => (await chipRow(b.id)).status === "SCAN_QR_CODE" && (await chipRow(a.id)).status === "SCAN_QR_CODE");
  });
});
