// Parsing proxy settings: pure, so malformed values are caught by unit tests and at start-up alike.
export type ProxyEndpoint = { host: string; port: number; username: string; password: string };

/**
 * The provider gateway. Sticky sessions are chosen by the username `${username}_session-${id}`. `country` is recorded
 * on each assignment and shown to users; a provider that routes by country through the username (DataImpulse's
 * `login__cr.br`, say) gets it inside PROXY_GATEWAY_USERNAME, so the session suffix stays exactly the old format.
 */
export type GatewaySettings = ProxyEndpoint & { country: string | null };

export type ProxySettings = {
  gateway: GatewaySettings | null;
  /** Proxies brought by the operator; each serves one chip at a time. */
  fixed: ProxyEndpoint[];
  quotaDefault: number;
  checkIntervalMs: number;
  /** Where the health check's CONNECT goes; null disables health checks. */
  checkTarget: { host: string; port: number } | null;
  failureThreshold: number;
};

/** Parses "host:port" (IPv6 in brackets); null when it is not one. */
export function parseHostPort(value: string): { host: string; port: number } | null {
  const match = /^\[?([^\]\s]+?)\]?:(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[2]);
  return match && port > 0 && port < 65536 ? { host: match[1]!, port } : null;
}

/**
 * Parses "host:port:user:pass,…". The password may itself contain ":" (everything after the third one). Errors name
 * the entry's position, never its content, because the content holds a password.
 */
export function parseFixedProxyList(list: string | undefined): ProxyEndpoint[] {
  if (!list?.trim()) return [];
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const [host, port, username, ...rest] = entry.split(":");
      const password = rest.join(":");
      const parsed = parseHostPort(`${host}:${port}`);
      if (!parsed || !username || !password) {
        throw new Error(`PROXY_FIXED_LIST entry ${index + 1} must look like host:port:user:pass`);
      }
      return { ...parsed, username, password };
    });
}
