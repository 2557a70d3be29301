// Every rate limit whago applies, in one place. Counts and windows come from settings (src/env.js, "count/window").
// `whenStoreDown` says what happens when Redis/Upstash cannot answer within RATE_LIMIT_TIMEOUT_MS:
//   "open"   – allow the request and log it;
//   "closed" – refuse it (429 with Retry-After: STORE_DOWN_RETRY_AFTER_SECONDS);
//   "local"  – count in this process instead, so the limit still holds per server while Redis is away.
import { parseRate, type Rate } from "./rate-spec";

export type StoreDownPolicy = "open" | "closed" | "local";

export type LimitPolicy = {
  rate: Rate;
  /** Which caller attribute the counter is keyed by (shown in the API docs). */
  per: string;
  whenStoreDown: StoreDownPolicy;
  /** One line: why this policy for this limit. */
  why: string;
};

export const STORE_DOWN_RETRY_AFTER_SECONDS = 30;

export function limitPoliciesFrom(settings: {
  RATE_LIMIT_LOGIN_PER_IP: string;
  RATE_LIMIT_LOGIN_PER_EMAIL: string;
  RATE_LIMIT_SIGNUP_PER_IP: string;
  RATE_LIMIT_API_PER_KEY: string;
  RATE_LIMIT_CHIP_CREATE_PER_USER: string;
  RATE_LIMIT_QR_READ_PER_CHIP: string;
  RATE_LIMIT_MESSAGE_SEND_PER_CHIP: string;
}) {
  return {
    loginPerIp: {
      rate: parseRate(settings.RATE_LIMIT_LOGIN_PER_IP),
      per: "client IP",
      whenStoreDown: "local",
      why: "keeps password guessing slow without locking every user out while Redis is away",
    },
    loginPerEmail: {
      rate: parseRate(settings.RATE_LIMIT_LOGIN_PER_EMAIL),
      per: "email",
      whenStoreDown: "local",
      why: "same as per IP: protection per server beats none, and log-in stays available",
    },
    signUpPerIp: {
      rate: parseRate(settings.RATE_LIMIT_SIGNUP_PER_IP),
      per: "client IP",
      whenStoreDown: "closed",
      why: "each account can start a WAHA container; new sign-ups can wait for Redis",
    },
    apiPerKey: {
      rate: parseRate(settings.RATE_LIMIT_API_PER_KEY),
      per: "API key",
      whenStoreDown: "open",
      why: "integrations keep working; the key already identifies the caller and costly routes have their own limits",
    },
    chipCreatePerUser: {
      rate: parseRate(settings.RATE_LIMIT_CHIP_CREATE_PER_USER),
      per: "user",
      whenStoreDown: "closed",
      why: "each chip takes a proxy and a WAHA session; creating one can wait for Redis",
    },
    qrReadPerChip: {
      rate: parseRate(settings.RATE_LIMIT_QR_READ_PER_CHIP),
      per: "chip",
      whenStoreDown: "open",
      why: "a QR read is cheap and someone is waiting with a phone to scan it",
    },
    messageSendPerChip: {
      rate: parseRate(settings.RATE_LIMIT_MESSAGE_SEND_PER_CHIP),
      per: "chip",
      whenStoreDown: "local",
      why: "paces each number so WhatsApp does not flag it; bursts stay capped per server while Redis is away",
    },
  } as const satisfies Record<string, LimitPolicy>;
}

export type LimitPolicies = ReturnType<typeof limitPoliciesFrom>;
export type LimitName = keyof LimitPolicies;
