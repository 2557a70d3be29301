// The one place an exit's password is unsealed: for the WAHA call that puts it into the session's config.proxy.
import type { ProxyAssignment } from "~/generated/prisma/client";
import { unseal } from "~/server/crypto";
import { serverOf } from "./proxy-view";

export type WahaProxyConfig = { server: string; username: string; password: string };

/** WAHA's session `config.proxy`: only for the call that sends it to WAHA, never for logs or responses. */
export function proxyConfigFor(
  assignment: Pick<ProxyAssignment, "host" | "port" | "username" | "passwordEncrypted">,
): WahaProxyConfig {
  return { server: serverOf(assignment), username: assignment.username, password: unseal(assignment.passwordEncrypted) };
}
