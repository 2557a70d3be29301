import type { AppContext } from "../app-context";
import { sendEmpty, sendJson, readJson } from "../http/io";
import type { Router } from "../http/router";
import { sessionNotRunning } from "../http/errors";
import { parseCreateRequest, parseUpdateRequest } from "../sessions/config-schema";
import { throwIfInvalid } from "../sessions/manager";
import type { SimSession } from "../sessions/session";
import { toSessionInfo } from "../sessions/session-info";

export function registerSessionRoutes(router: Router, app: AppContext): void {
  const info = (session: SimSession, expandApps = false) =>
    toSessionInfo(session, { engine: app.settings.engine, workerId: app.settings.workerId, expandApps });
  const strict = { strict: app.settings.strictMode };

  router.on("GET", "/api/sessions", ({ res, query }) => {
    const all = query.get("all") === "true";
    const expandApps = query.getAll("expand").includes("apps");
    const sessions = app.manager.list().filter((s) => all || s.status !== "STOPPED");
    sendJson(res, 200, sessions.map((s) => info(s, expandApps)));
  });

  router.on("POST", "/api/sessions", async ({ req, res }) => {
    const { value, errors } = parseCreateRequest(await readJson(req), strict);
    throwIfInvalid(errors);
    sendJson(res, 201, info(await app.manager.create(value)));
  });

  router.on("GET", "/api/sessions/:session", ({ res, params, query }) => {
    sendJson(res, 200, info(app.manager.require(params.session!), query.getAll("expand").includes("apps")));
  });

  router.on("PUT", "/api/sessions/:session", async ({ req, res, params }) => {
    app.manager.require(params.session!);
    const { value, errors } = parseUpdateRequest(await readJson(req), strict);
    throwIfInvalid(errors);
    sendJson(res, 200, info(await app.manager.update(params.session!, value)));
  });

  router.on("DELETE", "/api/sessions/:session", async ({ res, params }) => {
    await app.manager.delete(params.session!);
    sendEmpty(res, 200);
  });

  router.on("POST", "/api/sessions/:session/start", async ({ res, params }) => {
    sendJson(res, 201, info(await app.manager.start(params.session!)));
  });

  router.on("POST", "/api/sessions/:session/stop", async ({ res, params }) => {
    const session = await app.manager.stop(params.session!);
    if (session) sendJson(res, 201, info(session));
    else sendEmpty(res, 201);
  });

  router.on("POST", "/api/sessions/:session/restart", async ({ res, params }) => {
    sendJson(res, 201, info(await app.manager.restart(params.session!)));
  });

  router.on("POST", "/api/sessions/:session/logout", async ({ res, params }) => {
    sendJson(res, 201, info(await app.manager.logout(params.session!)));
  });

  router.on("GET", "/api/sessions/:session/me", ({ res, params }) => {
    const session = app.manager.get(params.session!);
    if (!session?.isRunning) throw sessionNotRunning(params.session!);
    const me = session.me;
    if (me) sendJson(res, 200, me);
    else sendEmpty(res, 200);
  });
}
