import { sessionExists, sessionNotFound, validationFailed } from "../http/errors";
import { newSessionName } from "../ids";
import type { Engine } from "../settings";
import type { CreateRequest } from "./config-schema";
import { KeyedLock } from "./lock";
import { SimSession, type SessionDeps } from "./session";
import type { SessionRecord } from "./session-types";
import type { SessionStore } from "./store";

export interface ManagerOptions extends Omit<SessionDeps, "persist"> {
  store: SessionStore;
  startOnCreateDefault: boolean;
}

/** The session registry with WAHA's create/update/delete/start/stop/logout semantics. */
export class SessionManager {
  private readonly sessions = new Map<string, SimSession>();
  private readonly lock = new KeyedLock();

  constructor(private readonly options: ManagerOptions) {}

  get engine(): Engine {
    return this.options.engine;
  }

  get(name: string): SimSession | undefined {
    return this.sessions.get(name);
  }

  require(name: string): SimSession {
    const session = this.sessions.get(name);
    if (!session) throw sessionNotFound();
    return session;
  }

  list(): SimSession[] {
    return [...this.sessions.values()];
  }

  /** Loads stored sessions; those that were running start again (paired ones go WORKING without a QR). */
  restore(): void {
    for (const record of this.options.store.loadAll()) {
      const session = this.add(record);
      if (record.running) session.start();
    }
  }

  create(request: CreateRequest): Promise<SimSession> {
    const name = request.name || newSessionName();
    return this.lock.run(name, () => {
      if (this.sessions.has(name)) throw sessionExists(name);
      const session = this.add({ name, config: request.config, apps: request.apps, auth: null, running: false });
      this.options.store.save(session.record);
      if (request.start ?? this.options.startOnCreateDefault) session.start();
      return session;
    });
  }

  /** Any PUT restarts a running session; stored auth brings it back WORKING without a QR. */
  update(name: string, request: CreateRequest): Promise<SimSession> {
    return this.lock.run(name, () => {
      const session = this.require(name);
      const wasRunning = session.isRunning;
      if (wasRunning) session.stop();
      session.record = { ...session.record, config: request.config };
      if (request.apps !== undefined) session.record.apps = request.apps;
      this.options.store.save(session.record);
      if (wasRunning) session.start();
      return session;
    });
  }

  delete(name: string): Promise<void> {
    return this.lock.run(name, () => {
      const session = this.sessions.get(name);
      if (!session) return;
      session.stop();
      session.dispose();
      this.sessions.delete(name);
      this.options.store.remove(name);
    });
  }

  /** Idempotent: an already running session is returned as it is. */
  start(name: string): Promise<SimSession> {
    return this.lock.run(name, () => {
      const session = this.require(name);
      if (!session.isRunning) session.start();
      return session;
    });
  }

  stop(name: string): Promise<SimSession | undefined> {
    return this.lock.run(name, () => {
      const session = this.sessions.get(name);
      session?.stop();
      return session;
    });
  }

  restart(name: string): Promise<SimSession> {
    return this.lock.run(name, () => {
      const session = this.require(name);
      session.stop();
      session.start();
      return session;
    });
  }

  /** Unpair, stop, clear auth, start again if it was running (then a new QR). */
  logout(name: string): Promise<SimSession> {
    return this.lock.run(name, () => {
      const session = this.require(name);
      const wasRunning = session.isRunning;
      session.stop();
      session.clearAuth();
      if (wasRunning) session.start();
      return session;
    });
  }

  /** Phone numbers already used by paired sessions, so generated numbers stay unique. */
  pairedPhones(): Set<string> {
    return new Set(this.list().flatMap((s) => (s.record.auth ? [s.record.auth.me.id.split("@")[0]!] : [])));
  }

  findWorkingByPhone(phone: string): SimSession | undefined {
    return this.list().find((s) => s.status === "WORKING" && s.record.auth?.me.id === `${phone}@c.us`);
  }

  close(): void {
    for (const session of this.sessions.values()) session.dispose();
  }

  private add(record: SessionRecord): SimSession {
    const session = new SimSession(record, { ...this.options, persist: (r) => this.options.store.save(r) });
    this.sessions.set(record.name, session);
    return session;
  }
}

export function throwIfInvalid(errors: string[]): void {
  if (errors.length > 0) throw validationFailed(errors);
}
