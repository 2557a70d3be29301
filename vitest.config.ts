import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./src", import.meta.url)) };

// Unit tests (*.test.ts) do no I/O; integration tests (*.int.test.ts) use the real PostgreSQL, Redis and Docker
// that scripts/start-services.sh brings up.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "waha-sim/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts", "scripts/**/*.int.test.ts", "waha-sim/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          environment: "node",
          globalSetup: ["./src/test/global-setup.ts"],
          setupFiles: ["./src/test/setup-integration.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
