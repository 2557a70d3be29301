// Whether a test's real dependency is here, and what happens when it is not: on a developer machine the suite is
// skipped loudly; in CI, where scripts/start-services.sh always starts dockerd, a silent skip would hide a broken setup.
import { existsSync } from "node:fs";
import type Docker from "dockerode";

export const DOCKER_SOCKET = "/var/run/docker.sock";

/** Null when the engine answers on the socket, else why not. */
export async function dockerUnavailableReason(docker: Docker, socketPath = DOCKER_SOCKET): Promise<string | null> {
  if (!existsSync(socketPath)) return `no Docker socket at ${socketPath}`;
  return docker.ping().then(
    () => null,
    (err: Error) => `Docker does not answer at ${socketPath}: ${err.message}`,
  );
}

/** Passes a skip reason on outside CI; in CI (`CI=true`) throws instead, so the whole test file fails. */
export function skipReasonOutsideCi(
  reason: string | null,
  what: string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (reason && env.CI === "true") {
    throw new Error(`${what} must run in CI but cannot: ${reason}. Start the services with scripts/start-services.sh.`);
  }
  return reason;
}
