// An in-memory fetch for unit tests: answers from a queue and records what the client sent.

export type RecordedCall = { url: URL; method: string; headers: Headers; body: unknown };
type Answer = { status: number; body?: unknown } | Error | "hang";

export function createFakeFetch(answers: Answer[]) {
  const calls: RecordedCall[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const text = typeof init?.body === "string" ? init.body : undefined;
    calls.push({
      url: new URL(String(input)),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : JSON.parse(text),
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`fake fetch: no answer queued for call ${calls.length}`);
    if (answer instanceof Error) throw answer;
    if (answer === "hang") return hangUntilAborted(init?.signal);
    const payload = answer.body === undefined ? null : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    return new Response(payload, { status: answer.status, headers: { "Content-Type": "application/json" } });
  };
  return { fetch, calls };
}

function hangUntilAborted(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    if (!signal) return reject(new Error("fake fetch: 'hang' needs an AbortSignal"));
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** What undici throws when nothing listens on the port. */
export function connectionRefused(): Error {
  return new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
}
