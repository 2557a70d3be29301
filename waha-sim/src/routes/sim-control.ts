import { randomInt } from "node:crypto";
import type { AppContext } from "../app-context";
import { sessionNotFound, statusMismatch, validationFailed } from "../http/errors";
import { readJson, sendJson } from "../http/io";
import type { Router } from "../http/router";
import { newLid } from "../ids";
import { receiveText } from "../messaging/messaging";
import type { SimSession } from "../sessions/session";
import type { SessionStatus } from "../sessions/session-types";
import { isPlainObject } from "../sessions/validation-rules";

/** Simulator-only controls under /_sim (never /api, so no WAHA path is shadowed); same API key as WAHA's routes. */
export function registerSimControlRoutes(router: Router, app: AppContext): void {
  const requireIn = (name: string, status: SessionStatus): SimSession => {
    const session = app.manager.get(name);
    if (!session) throw sessionNotFound();
    if (session.status !== status) throw statusMismatch(name, session.status, [status]);
    return session;
  };
  const body = async (req: Parameters<typeof readJson>[0]) => {
    const parsed = await readJson(req);
    return isPlainObject(parsed) ? parsed : {};
  };

  router.on("GET", "/_sim/sessions/:session", ({ res, params }) => {
    const session = app.manager.get(params.session!);
    if (!session) throw sessionNotFound();
    sendJson(res, 200, simState(session));
  });

  router.on("POST", "/_sim/sessions/:session/pair", async ({ req, res, params }) => {
    const input = await body(req);
    const session = requireIn(params.session!, "SCAN_QR_CODE");
    const phone = typeof input.phone === "string" && input.phone ? input.phone.replace(/\D/g, "") : uniquePhone(app);
    const pushName = typeof input.pushName === "string" && input.pushName ? input.pushName : `Chip ${phone.slice(-4)}`;
    session.pair({ id: `${phone}@c.us`, pushName, lid: newLid(), jid: `${phone}:${randomInt(1, 30)}@s.whatsapp.net` });
    sendJson(res, 201, simState(session));
  });

  router.on("POST", "/_sim/sessions/:session/inbound", async ({ req, res, params }) => {
    const input = await body(req);
    if (typeof input.from !== "string" || typeof input.text !== "string") throw validationFailed(["from must be a string", "text must be a string"]);
    const session = requireIn(params.session!, "WORKING");
    sendJson(res, 201, receiveText(app.emit, session, { from: input.from, text: input.text }));
  });

  router.on("POST", "/_sim/sessions/:session/disconnect", async ({ req, res, params }) => {
    const { mode } = await body(req);
    if (mode !== "flap" && mode !== "logout") throw validationFailed(["mode must be one of the following values: flap, logout"]);
    const session = requireIn(params.session!, "WORKING");
    if (mode === "flap") session.flap();
    else session.unlinkedByPhone();
    sendJson(res, 201, simState(session));
  });

  router.on("POST", "/_sim/sessions/:session/expire-qr", ({ res, params }) => {
    const session = requireIn(params.session!, "SCAN_QR_CODE");
    session.rotateQr();
    sendJson(res, 201, simState(session));
  });

  router.on("GET", "/_sim/webhooks/deliveries", ({ res, query }) => {
    const name = query.get("session");
    sendJson(res, 200, app.sender.deliveries.filter((d) => !name || d.session === name));
  });
}

function simState(session: SimSession): Record<string, unknown> {
  return {
    name: session.name,
    status: session.status,
    statuses: session.statuses,
    qr: session.qr ? { index: session.qr.index, expiresAt: session.qr.expiresAt, value: session.qr.value } : null,
    me: session.record.auth?.me ?? null,
    paired: session.record.auth !== null,
    pairingCode: session.pairingCode,
    proxyCheck: session.proxyCheck,
    failureReason: session.failureReason,
    running: session.isRunning,
  };
}

function uniquePhone(app: AppContext): string {
  const taken = app.manager.pairedPhones();
  // Brazilian mobile numbers (55 + area 11 + 9 digits); bounded attempts, then a wider range.
  for (let i = 0; i < 100; i++) {
    const phone = `55119${String(randomInt(0, 10 ** 8)).padStart(8, "0")}`;
    if (!taken.has(phone)) return phone;
  }
  return `55${String(randomInt(10 ** 10, 10 ** 11))}`;
}
