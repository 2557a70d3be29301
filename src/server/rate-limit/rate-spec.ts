// Parses the "<count>/<window>" rate settings (e.g. "5/15m") that src/env.js has already validated.
export type Rate = { tokens: number; windowMs: number };

const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseRate(spec: string): Rate {
  const match = /^([1-9]\d*)\/([1-9]\d*)(ms|s|m|h|d)$/.exec(spec);
  if (!match) throw new Error(`Invalid rate "${spec}": expected "<count>/<window>", e.g. "5/15m"`);
  const [, tokens, amount, unit] = match as unknown as [string, string, string, keyof typeof unitMs];
  return { tokens: Number(tokens), windowMs: Number(amount) * unitMs[unit] };
}

/** Human form for logs and the API docs, e.g. "5 per 15 min". */
export function describeRate({ tokens, windowMs }: Rate): string {
  const units: [number, string][] = [
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "min"],
    [1_000, "s"],
  ];
  const [size, label] = units.find(([size]) => windowMs % size === 0) ?? [1, "ms"];
  return `${tokens} per ${windowMs / size} ${label}`;
}
