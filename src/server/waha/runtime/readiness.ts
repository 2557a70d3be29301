// WAHA is ready when /ping answers and then an authenticated call succeeds (real WAHA can need minutes to boot).
import { AppError } from "~/server/errors";

export type WaitForReadyOptions = {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  /** False once the instance has exited: stop waiting at once instead of running out the clock. */
  isAlive: () => Promise<boolean>;
  /** Last log lines for the error message, already redacted. */
  readLogs: () => Promise<string>;
  name: string;
  fetchImpl?: typeof fetch;
  pollMs?: number;
};

type Probe = { ok: true } | { ok: false; why: string };

async function probe(fetchImpl: typeof fetch, url: string, headers: Record<string, string>): Promise<Probe> {
  try {
    const res = await fetchImpl(url, { headers, signal: AbortSignal.timeout(3_000) });
    await res.body?.cancel();
    return res.ok ? { ok: true } : { ok: false, why: `${new URL(url).pathname} answered ${res.status}` };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    return { ok: false, why: `${new URL(url).pathname} unreachable (${cause})` };
  }
}

export async function waitForWahaReady(options: WaitForReadyOptions): Promise<void> {
  const { baseUrl, apiKey, timeoutMs, isAlive, readLogs, name } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  const pollMs = options.pollMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  const maxAttempts = Math.ceil(timeoutMs / pollMs) + 1;
  let last = "not probed yet";

  for (let attempt = 0; attempt < maxAttempts && Date.now() < deadline; attempt++) {
    const ping = await probe(fetchImpl, `${baseUrl}/ping`, {});
    const authed = ping.ok ? await probe(fetchImpl, `${baseUrl}/api/sessions`, { "X-Api-Key": apiKey }) : ping;
    if (authed.ok) return;
    last = authed.why;
    if (!(await isAlive())) throw await notReady(`${name} exited before WAHA was ready (${last})`, readLogs);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
  throw await notReady(`${name} was not ready within ${timeoutMs} ms (${last})`, readLogs);
}

async function notReady(summary: string, readLogs: () => Promise<string>): Promise<AppError> {
  const logs = await readLogs().catch((err: unknown) => `(logs unavailable: ${(err as Error).message})`);
  return new AppError("UPSTREAM_UNAVAILABLE", `${summary}. Last log lines:\n${logs || "(empty)"}`);
}
