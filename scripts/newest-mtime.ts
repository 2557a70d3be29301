import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Newest modification time (ms) among the given files and everything below the given folders, minus `skip` names. */
export function newestMtime(paths: string[], skip: string[] = []): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path) || skip.some((name) => path.endsWith(`/${name}`))) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}
