import { describe, expect, it } from "vitest";
import { buildContainerOptions, containerFingerprint, type DockerInstanceSettings } from "./docker-container-spec";

const settings: DockerInstanceSettings = {
  image: "devlikeapro/waha",
  engine: "NOWEB",
  networkMode: "host",
  memoryLimitMb: 512,
  cpuLimit: 0.5,
  restartPolicy: "unless-stopped",
  env: { WAHA_SIM_TIME_SCALE: "10" },
  extraLabels: { "whago.test-run": "r1" },
};
const request = { userId: "u-1", instanceId: "i-1", apiKey: "k".repeat(43), hostPort: 3107 };
const envOf = (opts: ReturnType<typeof buildContainerOptions>) =>
  Object.fromEntries((opts.Env ?? []).map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));

describe("buildContainerOptions", () => {
  it("names, labels and limits the container", () => {
    const opts = buildContainerOptions(settings, request);
    expect(opts.name).toBe("waha_user_u-1");
    expect(opts.Labels).toMatchObject({
      "whago.managed": "true",
      "whago.user-id": "u-1",
      "whago.instance-id": "i-1",
      "whago.host-port": "3107",
      "whago.test-run": "r1",
    });
    expect(opts.HostConfig).toMatchObject({
      RestartPolicy: { Name: "unless-stopped" },
      Memory: 512 * 1024 * 1024,
      NanoCpus: 500_000_000,
      Mounts: [{ Type: "volume", Source: "waha_sessions_u-1", Target: "/app/.sessions" }],
    });
  });

  it("with host networking, makes WAHA listen on loopback at the allocated port", () => {
    const opts = buildContainerOptions(settings, request);
    expect(opts.HostConfig?.NetworkMode).toBe("host");
    expect(opts.HostConfig?.PortBindings).toBeUndefined();
    expect(envOf(opts)).toMatchObject({ WHATSAPP_API_PORT: "3107", WHATSAPP_API_HOSTNAME: "127.0.0.1" });
  });

  it("on a user-defined network, publishes port 3000 on 127.0.0.1 only", () => {
    const opts = buildContainerOptions({ ...settings, networkMode: "whago_net" }, request);
    expect(opts.HostConfig?.NetworkMode).toBe("whago_net");
    expect(opts.HostConfig?.PortBindings).toEqual({ "3000/tcp": [{ HostIp: "127.0.0.1", HostPort: "3107" }] });
    expect(envOf(opts)).toMatchObject({ WHATSAPP_API_PORT: "3000" });
    expect(envOf(opts).WHATSAPP_API_HOSTNAME).toBeUndefined();
  });

  it("passes key, engine and session restore as plain env entries, never overridable by extra env", () => {
    const opts = buildContainerOptions(settings, { ...request, extraEnv: { WAHA_API_KEY: "weak" } });
    expect(envOf(opts)).toMatchObject({
      WAHA_API_KEY: request.apiKey,
      WHATSAPP_DEFAULT_ENGINE: "NOWEB",
      WAHA_WORKER_RESTART_SESSIONS: "True",
      WAHA_WORKER_ID: "waha_user_u-1",
      WAHA_SIM_TIME_SCALE: "10",
    });
  });

  it("labels a fingerprint that changes with the key but does not reveal it", () => {
    const opts = buildContainerOptions(settings, request);
    expect(opts.Labels?.["whago.spec-fingerprint"]).toBe(containerFingerprint(settings, request));
    expect(containerFingerprint(settings, { ...request, apiKey: "x".repeat(43) })).not.toBe(
      opts.Labels?.["whago.spec-fingerprint"],
    );
    expect(JSON.stringify(opts.Labels)).not.toContain(request.apiKey);
  });
});
