import { describe, expect, it } from "vitest";
import { uniqueSessionName } from "./testing/contract-fixture";
import { contractSimulatorForFile } from "./testing/contract-suite";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Time scale 0.05: the first QR lives 3 s, the next five 1 s each (FAILED after 8 s), slow enough that the
// scheduled rotation never races the manual one.
const sim = contractSimulatorForFile({ timeScale: 0.05 });

async function scanningSession() {
  const { client, waitForStatus } = sim();
  const name = uniqueSessionName();
  await client.createSession({ name, start: true });
  await waitForStatus(name, "SCAN_QR_CODE");
  return name;
}

describe("[WAHA contract] QR code", () => {
  it("serves the QR as base64 JSON, as a raw value and as PNG bytes", async () => {
    const { client, raw } = sim();
    const name = await scanningSession();

    const image = await client.getQrImage(name);
    expect(image.mimetype).toBe("image/png");
    expect(Buffer.from(image.data, "base64").subarray(0, 8)).toEqual(PNG_SIGNATURE);

    const { value } = await client.getQrRaw(name);
    expect(value).toMatch(/^2@/);

    // Any Accept other than exactly application/json gets the bytes, even a list that includes it.
    for (const accept of ["image/png", "application/json, text/plain, */*"]) {
      const png = await raw("GET", `/api/${name}/auth/qr`, { headers: { Accept: accept } });
      expect(png).toMatchObject({ status: 200, contentType: "image/png" });
      expect(png.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    }
  });

  it("issues a new raw value per rotation and fails after the sixth QR", async () => {
    const { client, control, waitForStatus } = sim();
    const name = await scanningSession();
    const values = [(await client.getQrRaw(name)).value];
    for (let rotation = 1; rotation < 6; rotation++) {
      await control("POST", `/sessions/${name}/expire-qr`);
      values.push((await client.getQrRaw(name)).value);
    }
    expect(new Set(values).size).toBe(6);

    await control("POST", `/sessions/${name}/expire-qr`);
    await waitForStatus(name, "FAILED");
    expect(await client.getSession(name)).toMatchObject({ status: "FAILED", me: null });
  });

  it("fails an unscanned session on the (scaled) QR schedule alone, and restart brings a new QR", async () => {
    const { client, waitForStatus } = sim();
    const name = await scanningSession();
    await waitForStatus(name, "FAILED");
    await client.restartSession(name);
    await waitForStatus(name, "SCAN_QR_CODE");
    expect((await client.getQrRaw(name)).value).toMatch(/^2@/);
  });
});

describe("[WAHA contract] pairing", () => {
  it("hands out a pairing code, then pairs to WORKING with me", async () => {
    const { client, control, waitForStatus } = sim();
    const name = await scanningSession();
    const { code } = await client.requestPairingCode(name, "5511912345678");
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    await control("POST", `/sessions/${name}/pair`, { phone: "5511912345678" });
    await waitForStatus(name, "WORKING");
    expect(await client.getMe(name)).toMatchObject({ id: "5511912345678@c.us" });
  });
});
