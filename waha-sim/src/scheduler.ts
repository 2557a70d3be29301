/** Timers that all scale by WAHA_SIM_TIME_SCALE and can be cancelled together (on stop or on close). */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly timeScale: number) {}

  scaled(ms: number): number {
    return Math.max(0, Math.round(ms * this.timeScale));
  }

  /** Runs fn after `ms` simulated milliseconds. */
  after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, this.scaled(ms));
    this.timers.add(timer);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
