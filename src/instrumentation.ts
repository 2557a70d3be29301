// Runs once when the server starts: says what whago runs on, then starts the background loops.
// NEXT_RUNTIME is set by Next itself (not a setting), so it is read here rather than through src/env.js.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logStartupSummary, startBackgroundLoops } = await import("~/server/startup");
  await logStartupSummary();
  startBackgroundLoops();
}
