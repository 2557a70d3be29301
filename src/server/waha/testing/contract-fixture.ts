// One simulator process per contract test file (the bundle the app runs, started by the process runtime), reached
// through the real client with every answer checked against WAHA's OpenAPI document.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createWahaClient, type WahaClient } from "../client";
import { createProcessRuntime } from "../runtime/process";
import { simulatorBundle } from "../runtime/testing/simulator-artifacts";
import type { SessionStatus } from "../schemas";
import { recordContract, type ContractRecorder } from "./contract-fetch";
import { loadWahaOpenApi } from "./openapi-validator";

export type RawAnswer = { status: number; contentType: string | null; bytes: Buffer; json: unknown };

export type ContractFixture = {
  url: string;
  apiKey: string;
  client: WahaClient;
  contract: ContractRecorder;
  /** A client for the same simulator with another key. */
  clientWithKey(apiKey: string): WahaClient;
  /** The simulator's control API (not part of WAHA, so not checked against the OpenAPI document). */
  control(method: "GET" | "POST", route: string, body?: unknown): Promise<unknown>;
  /** A WAHA call the client does not make (e.g. an omitted `start`, PNG bytes); still checked against the document. */
  raw(method: string, route: string, init?: { body?: unknown; headers?: Record<string, string> }): Promise<RawAnswer>;
  /** Contract violations since the previous call. */
  takeProblems(): string[];
  waitForStatus(session: string, status: SessionStatus): Promise<void>;
  close(): Promise<void>;
};

const openapi = loadWahaOpenApi();

export type ContractFixtureOptions = { timeScale?: number; startOnCreateDefault?: boolean };

export async function startContractFixture({ timeScale = 0.02, startOnCreateDefault = false }: ContractFixtureOptions = {}) {
  const apiKey = randomBytes(32).toString("hex");
  const dataDir = await mkdtemp(path.join(tmpdir(), "waha-contract-"));
  const runtime = createProcessRuntime({
    command: process.execPath,
    args: [await simulatorBundle()],
    dataDir,
    engine: "NOWEB",
    portRange: "24500-24599",
    readyTimeoutMs: 30_000,
    env: { WAHA_SIM_TIME_SCALE: String(timeScale), WAHA_SIM_START_ON_CREATE_DEFAULT: String(startOnCreateDefault) },
  });
  const userId = randomUUID();
  const sim = { url: (await runtime.ensureRunning({ userId, instanceId: randomUUID(), apiKey })).baseUrl };
  const contract = recordContract(openapi);
  // One try per call: a retry would hide a wrong answer from the test that provoked it.
  const clientWithKey = (key: string) =>
    createWahaClient({ baseUrl: sim.url, apiKey: key, fetch: contract.fetch, retry: { attempts: 1, delayMs: 0 } });
  const client = clientWithKey(apiKey);
  let reported = 0;

  const fixture: ContractFixture = {
    url: sim.url,
    apiKey,
    client,
    contract,
    clientWithKey,
    async control(method, route, body) {
      const res = await fetch(`${sim.url}/_sim${route}`, {
        method,
        headers: { "X-Api-Key": apiKey, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} /_sim${route} answered ${res.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    },
    async raw(method, route, init = {}) {
      const res = await contract.fetch(`${sim.url}${route}`, {
        method,
        headers: { "X-Api-Key": apiKey, ...(init.body === undefined ? {} : { "Content-Type": "application/json" }), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(5_000),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      const contentType = res.headers.get("content-type");
      const json = contentType?.startsWith("application/json") && bytes.length > 0 ? JSON.parse(bytes.toString("utf8")) : null;
      return { status: res.status, contentType, bytes, json };
    },
    takeProblems() {
      const problems = contract.problems().slice(reported);
      reported += problems.length;
      return problems;
    },
    async waitForStatus(session, status) {
      let last = "unknown";
      for (let i = 0; i < 400; i++) {
        last = (await client.getSession(session)).status;
        if (last === status) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${session} did not reach ${status} (last: ${last})`);
    },
    async close() {
      await runtime.remove(userId, { purgeData: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

let counter = 0;
/** Session names unique within a simulator, in whago's `chip_` form. */
export const uniqueSessionName = () => `chip_${process.pid}_${++counter}_${randomBytes(3).toString("hex")}`;
