// Runs once when the server starts: says what whago runs on, then starts the background loops.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logStartupSummary } = await import("~/server/startup");
  await logStartupSummary();
}
