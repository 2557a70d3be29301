// Just enough WAHA for tests: plain fetch against an instance, every wait bounded.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function wahaRequest(baseUrl: string, apiKey: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(apiKey ? { "X-Api-Key": apiKey } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

export async function waitForSessionStatus(baseUrl: string, apiKey: string, session: string, wanted: string) {
  let last = "none";
  for (let i = 0; i < 300; i++) {
    const { status, json } = await wahaRequest(baseUrl, apiKey, "GET", `/api/sessions/${session}`).catch(() => ({
      status: 0,
      json: null,
    }));
    last = status === 200 ? String((json as { status?: string }).status) : `HTTP ${status}`;
    if (last === wanted) return;
    await sleep(100);
  }
  throw new Error(`Session ${session} did not reach ${wanted} (last: ${last}).`);
}

/** Creates a session, pairs it through the simulator's control API and waits for WORKING. */
export async function createWorkingSession(baseUrl: string, apiKey: string, session: string) {
  const created = await wahaRequest(baseUrl, apiKey, "POST", "/api/sessions", { name: session, start: true });
  if (created.status !== 201) throw new Error(`Creating ${session} answered ${created.status}.`);
  await waitForSessionStatus(baseUrl, apiKey, session, "SCAN_QR_CODE");
  const paired = await wahaRequest(baseUrl, apiKey, "POST", `/_sim/sessions/${session}/pair`);
  if (paired.status >= 300) throw new Error(`Pairing ${session} answered ${paired.status}.`);
  await waitForSessionStatus(baseUrl, apiKey, session, "WORKING");
}
