// What the process runtime knows about one instance, kept beside its data so a restarted whago finds it again.
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type ProcessInstanceRecord = {
  userId: string;
  instanceId: string;
  hostPort: number;
  pid: number | null;
  fingerprint: string;
};

const RECORD_FILE = "instance.json";
export const LOG_FILE = "waha.log";
export const SESSIONS_DIR = ".sessions";
/** Env entry that marks a process as this instance's, so a recycled pid is never mistaken for it. */
export const INSTANCE_MARKER = "WHAGO_INSTANCE_DIR";

export async function readRecord(dir: string): Promise<ProcessInstanceRecord | null> {
  try {
    return JSON.parse(await readFile(join(dir, RECORD_FILE), "utf8")) as ProcessInstanceRecord;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

export async function writeRecord(dir: string, record: ProcessInstanceRecord): Promise<void> {
  // Write then rename, so a reader never sees half a file.
  const tmp = join(dir, `${RECORD_FILE}.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(record, null, 2));
  await rename(tmp, join(dir, RECORD_FILE));
}

export const recordPath = (dir: string) => join(dir, RECORD_FILE);

/** True when `pid` is alive and was started for `dir` (checked through its environment, not just the pid). */
export async function isOurProcess(pid: number | null, dir: string): Promise<boolean> {
  if (!pid) return false;
  try {
    const [environ, stat] = await Promise.all([
      readFile(`/proc/${pid}/environ`, "latin1"),
      readFile(`/proc/${pid}/stat`, "latin1"),
    ]);
    const zombie = stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
    return !zombie && environ.split("\0").includes(`${INSTANCE_MARKER}=${dir}`);
  } catch {
    return false;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

export async function readProcessStats(pid: number): Promise<{ memoryBytes: number; cpuSeconds: number }> {
  const [status, stat] = await Promise.all([
    readFile(`/proc/${pid}/status`, "latin1"),
    readFile(`/proc/${pid}/stat`, "latin1"),
  ]);
  const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return { memoryBytes: rssKb * 1024, cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND };
}
