import { startSimulator } from "./server";

// The process entry: every setting comes from the environment, with WAHA's variable names.
const simulator = await startSimulator({ env: process.env, log: true });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
