// What a user reads when setting up a chip fails. The diagnostic (runtime errors, container log lines) stays on the
// WahaInstance row and in the server log: it means nothing to the user and may show infrastructure details.

export type SetupPhase = "instance" | "session";

const REASONS: Record<SetupPhase, string> = {
  instance: "Could not set up the chip: the WhatsApp instance did not start in time. Try again.",
  session: "Could not set up the chip: WhatsApp did not accept its session. Try again.",
};

export function setupFailureReason(phase: SetupPhase): string {
  return REASONS[phase];
}
