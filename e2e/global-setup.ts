// Refuses a non-local database, applies migrations, and — when the server was configured with a proxy gateway on
// loopback — runs that gateway (a real proxy demanding credentials) and the probe target for the whole run, since
// every chip created in any spec then leaves through it.
import { startLocalProxy } from "../src/server/proxies/testing/local-proxy";
import { startProbeTarget } from "../src/server/proxies/testing/probe-target";
import { applyMigrations } from "../scripts/migrate/index";

const LOOPBACK = ["127.0.0.1", "localhost", "::1", "[::1]"];

export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at the e2e database (scripts/test-all.sh sets it).");
  const host = new URL(url).hostname;
  if (!LOOPBACK.includes(host)) throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
  await applyMigrations({ databaseUrl: url });
  return startProxyStandIns();
}

async function startProxyStandIns(): Promise<(() => Promise<void>) | undefined> {
  const { PROXY_GATEWAY_HOST, PROXY_GATEWAY_PORT, PROXY_GATEWAY_USERNAME, PROXY_GATEWAY_PASSWORD, PROXY_CHECK_TARGET } =
    process.env;
  if (!PROXY_GATEWAY_PORT) return undefined;
  if (!LOOPBACK.includes(PROXY_GATEWAY_HOST ?? "")) throw new Error("The e2e proxy gateway must be on loopback.");
  const gateway = await startLocalProxy({
    username: PROXY_GATEWAY_USERNAME ?? "",
    password: PROXY_GATEWAY_PASSWORD ?? "",
    port: Number(PROXY_GATEWAY_PORT),
  });
  const probe = PROXY_CHECK_TARGET ? await startProbeTarget({ port: Number(PROXY_CHECK_TARGET.split(":")[1]) }) : null;
  return async () => {
    await gateway.stop();
    await probe?.stop();
  };
}
