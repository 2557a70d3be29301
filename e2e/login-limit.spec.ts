import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures/users";

// The e2e server keeps the default of 5 log-in attempts per email in 15 minutes (scripts/test-all.sh).
test("[LIMITS]: the 6th wrong log-in for one email answers 429 with Retry-After over HTTP", async ({ request }) => {
  const { email } = newUser("limit");
  const attempt = async () => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return request.post("/api/auth/callback/credentials", {
      form: { email, password: "wrong-password", csrfToken, json: "true" },
      maxRedirects: 0,
    });
  };
  for (let i = 1; i <= 5; i++) expect((await attempt()).status(), `attempt ${i}`).toBe(401);
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);

  // Another email from the same address is unaffected.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const other = await request.post("/api/auth/callback/credentials", {
    form: { email: newUser("limit").email, password: "wrong-password", csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(other.status()).toBe(401);
});
