// Log-in and sign-up limits against the real Redis and PostgreSQL, with the numbers taken from settings.
import { vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_BACKEND = "redis";
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  process.env.RATE_LIMIT_LOGIN_PER_EMAIL = "5/15m";
  process.env.RATE_LIMIT_LOGIN_PER_IP = "8/15m";
  process.env.RATE_LIMIT_SIGNUP_PER_IP = "2/1h";
});

import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "~/server/accounts/authenticate";
import { createAccount } from "~/server/accounts/create-account";
import { createCaller } from "~/server/api/root";
import { AppError, toHttpStatus } from "~/server/errors";
import { getRateLimiter } from ".";

afterAll(() => getRateLimiter().close());

const email = () => `limits.${randomUUID()}@example.com`;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
const attempt = (address: string, from: string, password = "wrong-password") =>
  authenticate({ email: address, password }, { ip: from }).then(
    (user) => (user ? "ok" : "wrong"),
    (err: unknown) => err,
  );

describe("log-in limits (5 per email, 8 per IP, per 15 min)", () => {
  it("refuses the 6th wrong log-in for an email with 429 and Retry-After; other emails and IPs are unaffected", async () => {
    const victim = email();
    await createAccount({ name: "Victim", email: victim, password: "the-right-password" });
    const attacker = ip();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt(victim, attacker));
    expect(results.slice(0, 5)).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong"]);
    const refused = results[5];
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    expect(toHttpStatus((refused as AppError).code)).toBe(429);
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as AppError).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // Even the right password waits: the limit is checked before the password.
    expect(await attempt(victim, ip(), "the-right-password")).toBeInstanceOf(AppError);
    expect(await attempt(email(), attacker)).toBe("wrong");
    expect(await attempt(email(), ip())).toBe("wrong");
  });

  it("refuses the 9th attempt from one IP across different emails; other IPs are unaffected", async () => {
    const from = ip();
    const results = [];
    for (let i = 0; i < 9; i++) results.push(await attempt(email(), from));
    expect(results.slice(0, 8).every((r) => r === "wrong")).toBe(true);
    expect(results[8]).toMatchObject({ code: "RATE_LIMITED" });
    expect(await attempt(email(), ip())).toBe("wrong");
  });

  it("lets the right password in below the limit", async () => {
    const address = email();
    await createAccount({ name: "Owner", email: address, password: "the-right-password" });
    expect(await attempt(address, ip(), "the-right-password")).toBe("ok");
  });
});

describe("sign-up limit (2 per IP per hour)", () => {
  it("answers TOO_MANY_REQUESTS with the seconds to wait on the 3rd sign-up from one IP", async () => {
    const from = ip();
    const caller = createCaller({ session: null, headers: new Headers({ "x-forwarded-for": from }) });
    const signUp = () => caller.account.signUp({ name: "New", email: email(), password: "long-enough-password" });
    await signUp();
    await signUp();
    const err = await signUp().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "rate_limited" });
    const other = createCaller({ session: null, headers: new Headers({ "x-forwarded-for": ip() }) });
    await expect(other.account.signUp({ name: "New", email: email(), password: "long-enough-password" })).resolves.toBeTruthy();
  });
});
