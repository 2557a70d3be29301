// Proxy provider settings, parsed once from env: the sticky-session gateway, the fixed list, quota and health checks.
import { env } from "~/env";
import { type GatewaySettings, parseFixedProxyList, parseHostPort, type ProxySettings } from "./parse-proxy-settings";

export type { GatewaySettings, ProxyEndpoint, ProxySettings } from "./parse-proxy-settings";

let cached: ProxySettings | undefined;

export function proxySettingsFromEnv(): ProxySettings {
  cached ??= {
    gateway: gatewayFromEnv(),
    fixed: parseFixedProxyList(env.PROXY_FIXED_LIST),
    quotaDefault: env.PROXY_QUOTA_DEFAULT,
    checkIntervalMs: env.PROXY_CHECK_INTERVAL_MS,
    checkTarget: checkTargetFromEnv(),
    failureThreshold: Math.max(1, env.PROXY_FAILURE_THRESHOLD),
  };
  return cached;
}

function gatewayFromEnv(): GatewaySettings | null {
  const { PROXY_GATEWAY_HOST: host, PROXY_GATEWAY_PORT: port, PROXY_GATEWAY_USERNAME: username } = env;
  const password = env.PROXY_GATEWAY_PASSWORD;
  if (!host && !port && !username && !password) return null;
  if (!host || !port || !username || !password) {
    throw new Error("PROXY_GATEWAY_HOST, _PORT, _USERNAME and _PASSWORD must be set together");
  }
  return { host, port, username, password, country: env.PROXY_GATEWAY_COUNTRY?.toLowerCase() ?? null };
}

function checkTargetFromEnv(): ProxySettings["checkTarget"] {
  if (!env.PROXY_CHECK_TARGET) return null;
  const target = parseHostPort(env.PROXY_CHECK_TARGET);
  if (!target) throw new Error("PROXY_CHECK_TARGET must look like host:port (e.g. api.ipify.org:80)");
  return target;
}
