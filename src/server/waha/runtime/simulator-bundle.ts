/** The simulator bundle `node waha-sim/build.mjs` produces; the process runtime runs it with this Node. */
export const SIMULATOR_BUNDLE = "waha-sim/dist/waha-sim.mjs";
