type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's IP for per-IP limits: the first X-Forwarded-For entry, else X-Real-IP. Next.js fills
 * X-Forwarded-For from the socket when no proxy did, but keeps one a client sent: expose whago only behind a
 * reverse proxy that overwrites it. Per-email and per-key limits do not depend on it.
 */
export function clientIp(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || header(source, "x-real-ip")?.trim() || "unknown";
}
