import type { AppContext } from "../app-context";
import { sessionDoesNotExist, statusMismatch } from "../http/errors";
import type { SimSession } from "./session";
import type { SessionStatus } from "./session-types";
import { TIMINGS } from "./timings";

async function pollUntil(app: AppContext, totalMs: number, done: () => boolean): Promise<boolean> {
  const polls = Math.ceil(totalMs / TIMINGS.waitPollMs);
  for (let i = 0; i < polls && !done(); i++) await app.scheduler.sleep(TIMINGS.waitPollMs);
  return done();
}

/**
 * WAHA's status pipe: wait up to 5 s for the session to run, then up to 10 s for an expected status, answering
 * with its raw-object 422s otherwise. All waits follow WAHA_SIM_TIME_SCALE.
 */
export async function waitForStatus(app: AppContext, name: string, expected: SessionStatus[]): Promise<SimSession> {
  const running = () => app.manager.get(name)?.isRunning === true;
  if (!(await pollUntil(app, TIMINGS.waitRunningMs, running))) {
    if (!app.manager.get(name)) throw sessionDoesNotExist(name);
    throw statusMismatch(name, "STOPPED", expected);
  }
  const inExpected = () => expected.includes(app.manager.get(name)?.status ?? "STOPPED");
  await pollUntil(app, TIMINGS.waitStatusMs, inExpected);
  const session = app.manager.get(name);
  if (!session) throw sessionDoesNotExist(name);
  if (!expected.includes(session.status)) throw statusMismatch(name, session.status, expected);
  return session;
}
