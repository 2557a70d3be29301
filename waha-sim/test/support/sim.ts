import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/server";

export const API_KEY = "test-key-6f1c2b9a8e7d";
export const TIME_SCALE = 0.02;

export interface TestSimulator extends RunningSimulator {
  dataDir: string;
  api: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  // Tests read arbitrary parts of WAHA responses; a full type would only restate the assertions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: <T = any>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  /** Stops the server and deletes the data dir (unless keepData). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "waha-sim-test-"));
  const sim = await startSimulator({ apiKey: API_KEY, timeScale: TIME_SCALE, ...options, dataDir });
  const api = (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}${p}`, {
      method,
      headers: { "X-Api-Key": API_KEY, ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  const json = async (method: string, p: string, body?: unknown) => {
    const response = await api(method, p, body);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    ...sim,
    dataDir,
    api,
    json,
    stop: async ({ keepData = false } = {}) => {
      await sim.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
