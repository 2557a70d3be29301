type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's IP for per-IP limits. Each reverse proxy appends the address it saw to X-Forwarded-For, so with
 * `trustedHops` proxies in front of whago the client is that many entries from the right; anything further left
 * was written by the client and cannot be trusted. Falls back to X-Real-IP. Per-email and per-key limits do not
 * depend on it.
 */
export function clientIp(source: HeaderSource, trustedHops = 1): string {
  const entries = (header(source, "x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const fromRight = entries[Math.max(0, entries.length - Math.max(1, trustedHops))];
  return fromRight || header(source, "x-real-ip")?.trim() || "unknown";
}
