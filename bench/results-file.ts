// Each bench owns one marked section of bench/RESULTS.md and rewrites only that, leaving the others as they are.
import { readFile, writeFile } from "node:fs/promises";

const RESULTS = new URL("./RESULTS.md", import.meta.url);

/** Replaces (or appends) the section between `<!-- name:start -->` and `<!-- name:end -->`; returns the section. */
export async function writeResultsSection(name: string, lines: string[]): Promise<string> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = [start, ...lines, end].join("\n");
  const current = await readFile(RESULTS, "utf8").catch(() => "# Benchmarks\n");
  const next = current.includes(start)
    ? current.slice(0, current.indexOf(start)) + section + current.slice(current.indexOf(end) + end.length)
    : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(RESULTS, next);
  return section;
}
