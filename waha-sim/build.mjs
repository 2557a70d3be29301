// Bundles the simulator into one self-contained ESM file runnable with plain `node`.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

await build({
  entryPoints: [here("./src/main.ts")],
  outfile: here("./dist/waha-sim.mjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Bundled CommonJS dependencies (qrcode) still call require() for builtins.
  banner: { js: "import { createRequire as __simCreateRequire } from 'node:module'; const require = __simCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
console.log("built waha-sim/dist/waha-sim.mjs");
