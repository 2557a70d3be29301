/** Remembers which remote address this simulator's /ping saw for each probe token (i.e. the proxy's exit). */
export class ProbeRegistry {
  private readonly seen = new Map<string, string>();

  record(token: string, remoteAddress: string): void {
    if (this.seen.size > 1_000) this.seen.clear();
    this.seen.set(token, remoteAddress);
  }

  take(token: string): string | null {
    const address = this.seen.get(token) ?? null;
    this.seen.delete(token);
    return address;
  }
}
