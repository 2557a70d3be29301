import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { SessionRecord } from "./session-types";

/** One JSON file per session in the data dir (WAHA keeps its sessions in /app/.sessions). */
export class SessionStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, "sim");
    // The files hold proxy passwords and HMAC keys, like WAHA's own session storage: owner-only access.
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  save(record: SessionRecord): void {
    const file = this.fileFor(record.name);
    const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
    // Write then rename so a crash never leaves a half-written session behind.
    writeFileSync(tmp, JSON.stringify(record), { mode: 0o600 });
    renameSync(tmp, file);
  }

  remove(name: string): void {
    rmSync(this.fileFor(name), { force: true });
  }

  loadAll(): SessionRecord[] {
    const records: SessionRecord[] = [];
    for (const entry of readdirSync(this.dir)) {
      if (!entry.endsWith(".json")) continue;
      try {
        records.push(JSON.parse(readFileSync(path.join(this.dir, entry), "utf8")) as SessionRecord);
      } catch {
        // A corrupt file is skipped rather than blocking every other session from loading.
      }
    }
    return records;
  }

  private fileFor(name: string): string {
    return path.join(this.dir, `${name}.json`);
  }
}
