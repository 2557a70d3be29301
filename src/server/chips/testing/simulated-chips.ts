// Chips on a real simulator for integration tests: the test sets WAHA_RUNTIME=process (and a webhook receiver)
// before importing this, since the settings are read on first import.
import { db } from "~/server/db";
import { eventually } from "~/test/eventually";
import { unseal } from "~/server/crypto";
import { createChip } from "../create-chip";

/** Calls the simulator behind an instance (WAHA routes or its /_sim control API) with the instance's own key. */
export async function simulatorCall(instanceId: string, method: string, path: string, body?: unknown) {
  const row = await db.wahaInstance.findUniqueOrThrow({ where: { id: instanceId } });
  const res = await fetch(`${row.baseUrl}${path}`, {
    method,
    headers: { "X-Api-Key": unseal(row.apiKeyEncrypted), "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(5_000),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

/** As simulatorCall, for calls that must succeed: any other answer throws. */
export async function simulatorRequest(instanceId: string, method: string, path: string, body?: unknown) {
  const { status, json } = await simulatorCall(instanceId, method, path, body);
  if (status < 200 || status > 299) throw new Error(`Simulator ${method} ${path} answered ${status}`);
  return json;
}

/** A chip created the way users do, then paired as `phone` on the phone side; resolves once whago sees it WORKING. */
export async function createPairedChip(userId: string, phone: string) {
  const chip = await createChip({ userId, label: `chip ${phone}` });
  const scanning = await eventually(async () => {
    const row = await db.chip.findUniqueOrThrow({ where: { id: chip.id } });
    return row.status === "SCAN_QR_CODE" && row;
  });
  await simulatorRequest(scanning.instanceId!, "POST", `/_sim/sessions/${scanning.sessionName}/pair`, { phone });
  return eventually(async () => {
    const row = await db.chip.findUniqueOrThrow({ where: { id: chip.id } });
    return row.status === "WORKING" && row;
  });
}
