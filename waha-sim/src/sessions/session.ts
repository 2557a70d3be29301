import { newQrValue } from "../ids";
import { Scheduler } from "../scheduler";
import type { Engine } from "../settings";
import type { MeInfo, ProxyCheck, QrState, SessionRecord, SessionStatus } from "./session-types";
import { TIMINGS, qrLifetimeMs } from "./timings";

export interface SessionDeps {
  engine: Engine;
  timeScale: number;
  emit: (session: SimSession, event: string, payload: unknown) => void;
  persist: (record: SessionRecord) => void;
  checkProxy: (session: SimSession) => Promise<ProxyCheck>;
}

const HISTORY_LENGTH = 3;

/** One WAHA session: its stored record plus the running engine's status machine. */
export class SimSession {
  status: SessionStatus = "STOPPED";
  qr: QrState | null = null;
  proxyCheck: ProxyCheck | null = null;
  failureReason: string | null = null;
  pairingCode: { code: string; phoneNumber: string; requestedAt: number } | null = null;
  activity: number | null = null;
  private history: { status: SessionStatus; timestamp: number }[] = [];
  private scheduler: Scheduler;
  // Bumped on every start/stop/reconnect so continuations of an older run (timers, proxy checks) are dropped.
  private runId = 0;
  private qrGeneration = 0;
  private readonly statusListeners = new Set<() => void>();

  constructor(
    public record: SessionRecord,
    private readonly deps: SessionDeps,
  ) {
    this.scheduler = new Scheduler(deps.timeScale);
    this.history.push({ status: "STOPPED", timestamp: Date.now() });
  }

  get name(): string {
    return this.record.name;
  }

  /** WAHA counts a session as running from start until stop, FAILED included. */
  get isRunning(): boolean {
    return this.status !== "STOPPED";
  }

  get me(): MeInfo | null {
    return this.isRunning ? (this.record.auth?.me ?? null) : null;
  }

  get statuses() {
    return [...this.history];
  }

  start(): void {
    this.resetRun();
    this.record.running = true;
    this.deps.persist(this.record);
    this.failureReason = null;
    this.setStatus("STARTING");
    this.connectAfter(TIMINGS.startingMs);
  }

  stop(): void {
    this.resetRun();
    this.record.running = false;
    this.deps.persist(this.record);
    if (this.status !== "STOPPED") this.setStatus("STOPPED");
  }

  /** The phone scanned the QR (or typed the pairing code): store auth and go WORKING. */
  pair(me: MeInfo): void {
    this.record.auth = { me, pairedAt: Date.now() };
    this.deps.persist(this.record);
    this.qr = null;
    this.qrGeneration++;
    this.pairingCode = null;
    this.setStatus("WORKING");
  }

  clearAuth(): void {
    this.record.auth = null;
    this.deps.persist(this.record);
  }

  /** A dropped websocket: STARTING, then back to WORKING through the same connect path as a start. */
  flap(): void {
    this.resetRun();
    this.setStatus("STARTING");
    this.connectAfter(TIMINGS.reconnectMs);
  }

  /** The phone removed this linked device. */
  unlinkedByPhone(): void {
    this.resetRun();
    this.clearAuth();
    this.fail("Logged out from the phone (linked device removed)");
  }

  /** Expire the current QR now: next code, or FAILED after the last one. */
  rotateQr(): void {
    if (this.status !== "SCAN_QR_CODE" || !this.qr) return;
    this.showQr(this.qr.index + 1, this.runId);
  }

  touch(): void {
    this.activity = Date.now();
  }

  onStatusChange(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Runs fn later unless the session stops or restarts first. */
  later(ms: number, fn: () => void): void {
    this.scheduler.after(ms, fn);
  }

  /** Called when the simulator closes: no timers may outlive it. */
  dispose(): void {
    this.resetRun();
  }

  private resetRun(): void {
    this.runId++;
    this.qrGeneration++;
    this.scheduler.cancelAll();
    this.scheduler = new Scheduler(this.deps.timeScale);
    this.qr = null;
  }

  private connectAfter(delayMs: number): void {
    const run = this.runId;
    this.scheduler.after(delayMs, () => void this.connect(run));
  }

  private async connect(run: number): Promise<void> {
    if (this.record.config?.proxy) {
      const check = await this.deps.checkProxy(this);
      if (run !== this.runId) return;
      this.proxyCheck = check;
      if (!check.ok) return this.fail(check.reason ?? "Proxy check failed");
    }
    if (this.record.auth) return this.setStatus("WORKING");
    this.showQr(1, run);
  }

  private showQr(index: number, run: number): void {
    const lifetime = qrLifetimeMs(index);
    if (lifetime === null) return this.fail("QR refs attempts ended");
    const generation = ++this.qrGeneration;
    this.qr = { index, value: newQrValue(), expiresAt: Date.now() + this.scheduler.scaled(lifetime) };
    this.setStatus("SCAN_QR_CODE");
    this.scheduler.after(lifetime, () => {
      if (run === this.runId && generation === this.qrGeneration) this.showQr(index + 1, run);
    });
  }

  private fail(reason: string): void {
    this.resetRun();
    this.failureReason = reason;
    this.setStatus("FAILED", { reason });
  }

  private setStatus(status: SessionStatus, data: Record<string, unknown> | null = null): void {
    // WAHA collapses repeated WORKING; every other assignment (e.g. each QR rotation) is an event.
    if (status === "WORKING" && this.status === "WORKING") return;
    this.status = status;
    this.touch();
    this.history = [...this.history, { status, timestamp: Date.now() }].slice(-HISTORY_LENGTH);
    this.deps.emit(this, "session.status", { name: this.name, status, statuses: this.statuses, data });
    for (const listener of this.statusListeners) listener();
  }
}
