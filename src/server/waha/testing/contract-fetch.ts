import type { ResponseCheck, WahaOpenApi } from "./openapi-validator";

export type ContractRecorder = {
  /** Give this to createWahaClient: every answer passes through the OpenAPI check on its way to the client. */
  fetch: typeof globalThis.fetch;
  checks: ResponseCheck[];
  /** Every violation so far, as "<METHOD template status>: <problem>". */
  problems(): string[];
};

export function recordContract(openapi: WahaOpenApi, baseFetch: typeof globalThis.fetch = globalThis.fetch): ContractRecorder {
  const checks: ResponseCheck[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await baseFetch(input, init);
    const body = await response.clone().text();
    const url = new URL(input instanceof Request ? input.url : String(input));
    checks.push(
      openapi.check({
        method: init?.method ?? (input instanceof Request ? input.method : "GET"),
        pathname: url.pathname,
        status: response.status,
        contentType: response.headers.get("content-type"),
        body,
      }),
    );
    return response;
  };
  return {
    fetch,
    checks,
    problems: () => checks.flatMap((c) => c.problems.map((p) => `${c.operation}: ${p}`)),
  };
}
