import type { ServerResponse } from "node:http";
import QRCode from "qrcode";
import type { AppContext } from "../app-context";
import { sessionNotRunning, stringError, validationFailed } from "../http/errors";
import { readJson, sendBinary, sendJson } from "../http/io";
import type { Router } from "../http/router";
import { newPairingCode } from "../ids";
import { isPlainObject } from "../sessions/validation-rules";
import { TIMINGS } from "../sessions/timings";
import { waitForStatus } from "../sessions/wait";

/** WAHA's BufferResponseInterceptor: JSON only when Accept is exactly application/json, otherwise the bytes. */
async function sendQrImage(res: ServerResponse, accept: string | undefined, value: string): Promise<void> {
  const png = await QRCode.toBuffer(value, { type: "png" });
  if (accept === "application/json") sendJson(res, 200, { mimetype: "image/png", data: png.toString("base64") });
  else sendBinary(res, 200, "image/png", png);
}

export function registerAuthRoutes(router: Router, app: AppContext): void {
  router.on("GET", "/api/:session/auth/qr", async ({ req, res, params, query }) => {
    const session = await waitForStatus(app, params.session!, ["SCAN_QR_CODE"]);
    const value = session.qr!.value;
    if (query.get("format") === "raw") return sendJson(res, 200, { value });
    await sendQrImage(res, req.headers.accept, value);
  });

  router.on("POST", "/api/:session/auth/request-code", async ({ req, res, params }) => {
    const body = await readJson(req);
    const phoneNumber = isPlainObject(body) ? body.phoneNumber : undefined;
    if (typeof phoneNumber !== "string") throw validationFailed(["phoneNumber must be a string"]);
    const session = app.manager.get(params.session!);
    if (!session?.isRunning) throw sessionNotRunning(params.session!);
    // From STARTING the engine waits briefly for its first QR before giving up.
    for (let i = 0; session.status === "STARTING" && i < TIMINGS.waitFirstQrMs / TIMINGS.waitPollMs; i++) {
      await app.scheduler.sleep(TIMINGS.waitPollMs);
    }
    if (session.status !== "SCAN_QR_CODE") {
      throw stringError(422, `Can request code only in SCAN_QR_CODE status. The current status is ${session.status}`);
    }
    const code = newPairingCode();
    session.pairingCode = { code, phoneNumber: phoneNumber.replace(/\D/g, ""), requestedAt: Date.now() };
    sendJson(res, 201, { code });
  });

  // NOWEB and GOWS have no browser: the "screenshot" is the QR while scanning, a 422 otherwise.
  router.on("GET", "/api/screenshot", async ({ req, res, query }) => {
    const name = query.get("session") ?? "default";
    const session = app.manager.get(name);
    if (!session?.isRunning) throw sessionNotRunning(name);
    if (session.status === "STARTING") throw stringError(422, "The session is starting, please try again after few seconds");
    if (session.status !== "SCAN_QR_CODE" || !session.qr) throw stringError(422, "Can not get screenshot for non chrome based engine.");
    await sendQrImage(res, req.headers.accept, session.qr.value);
  });
}
