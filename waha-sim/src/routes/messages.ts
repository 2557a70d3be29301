import type { AppContext } from "../app-context";
import { readJson, sendJson } from "../http/io";
import type { Router } from "../http/router";
import { sendText } from "../messaging/messaging";
import { isPlainObject } from "../sessions/validation-rules";
import { waitForStatus } from "../sessions/wait";
import { stringError } from "../http/errors";

export function registerMessageRoutes(router: Router, app: AppContext): void {
  // WAHA has no validation pipe here: missing fields fail inside the engine (a 500 in WAHA).
  router.on("POST", "/api/sendText", async ({ req, res }) => {
    const body = await readJson(req);
    const input = isPlainObject(body) ? body : {};
    const name = typeof input.session === "string" && input.session ? input.session : "default";
    const session = await waitForStatus(app, name, ["WORKING"]);
    if (typeof input.chatId !== "string" || !input.chatId) throw stringError(500, "Cannot read properties of undefined (reading 'chatId')");
    const text = typeof input.text === "string" ? input.text : "";
    const id = typeof input.id === "string" ? input.id : undefined;
    sendJson(res, 201, sendText(app.manager, app.emit, session, { chatId: input.chatId, text, id }));
  });
}
