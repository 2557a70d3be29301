import { z } from "zod";
import { asChatId } from "~/lib/chips/chat-id";
import { createWahaRequester, segment, type WahaConnection } from "./request";
import {
  healthSchema,
  meSchema,
  pairingCodeSchema,
  pingSchema,
  qrImageSchema,
  qrRawSchema,
  sentMessageSchema,
  serverVersionSchema,
  sessionInfoSchema,
  type SentMessage,
  type SessionConfig,
} from "./schemas";

export type WahaClientOptions = WahaConnection;

export type CreateSessionOptions = {
  name: string;
  /** Required: WAHA's code treats an omitted `start` as false while its docs say true (CONTRACT.md §1.2). */
  start: boolean;
  config?: SessionConfig;
};

export type SendTextOptions = { session: string; chatId: string; text: string };

const emptySchema = z.null();
const sessionPath = (session: string) => `/api/sessions/${segment(session)}`;
const authPath = (session: string) => `/api/${segment(session)}/auth`;

/** A typed client for one WAHA instance (each whago user has their own base URL and key). */
export function createWahaClient(options: WahaClientOptions) {
  const request = createWahaRequester(options);

  const sessionAction = (session: string, action: "start" | "restart" | "logout") =>
    request({ method: "POST", path: `${sessionPath(session)}/${action}`, schema: sessionInfoSchema });

  return {
    createSession: ({ name, start, config }: CreateSessionOptions) =>
      request({ method: "POST", path: "/api/sessions", body: { name, start, config }, schema: sessionInfoSchema }),

    getSession: (session: string) => request({ method: "GET", path: sessionPath(session), schema: sessionInfoSchema }),

    /** WAHA hides STOPPED sessions unless `all` is set. */
    listSessions: ({ all = false }: { all?: boolean } = {}) =>
      request({
        method: "GET",
        path: "/api/sessions",
        query: { all: String(all) },
        schema: z.array(sessionInfoSchema),
      }),

    /** Replaces the config; WAHA restarts a running session to apply it. */
    updateSession: (session: string, { config }: { config: SessionConfig }) =>
      request({ method: "PUT", path: sessionPath(session), body: { config }, schema: sessionInfoSchema }),

    /** Idempotent: deleting a missing session succeeds. */
    deleteSession: async (session: string): Promise<void> => {
      await request({ method: "DELETE", path: sessionPath(session), schema: z.unknown() });
    },

    startSession: (session: string) => sessionAction(session, "start"),

    /** Idempotent; answers null for a session WAHA does not know. */
    stopSession: (session: string) =>
      request({
        method: "POST",
        path: `${sessionPath(session)}/stop`,
        idempotent: true,
        schema: sessionInfoSchema.or(emptySchema),
      }),

    restartSession: (session: string) => sessionAction(session, "restart"),

    /** Unpairs the phone and clears auth, keeping the config; a running session comes back with a new QR. */
    logoutSession: (session: string) => sessionAction(session, "logout"),

    /** null until the session is paired. */
    getMe: (session: string) => request({ method: "GET", path: `${sessionPath(session)}/me`, schema: meSchema.or(emptySchema) }),

    /** WAHA sends JSON instead of PNG bytes only when Accept is exactly application/json. */
    getQrImage: (session: string) =>
      request({
        method: "GET",
        path: `${authPath(session)}/qr`,
        query: { format: "image" },
        accept: "application/json",
        schema: qrImageSchema,
      }),

    getQrRaw: (session: string) =>
      request({ method: "GET", path: `${authPath(session)}/qr`, query: { format: "raw" }, schema: qrRawSchema }),

    /** Digits only, international format; no `method` field (that is for registration, not web pairing). */
    requestPairingCode: (session: string, phoneNumber: string) =>
      request({
        method: "POST",
        path: `${authPath(session)}/request-code`,
        body: { phoneNumber },
        schema: pairingCodeSchema,
      }),

    sendText: async ({ session, chatId, text }: SendTextOptions): Promise<SentMessage> => {
      const sent = await request({ method: "POST", path: "/api/sendText", body: { session, chatId, text }, schema: sentMessageSchema });
      return { id: "serializedId" in sent ? sent.serializedId : `true_${asChatId(chatId)}_${sent.keyId}` };
    },

    getServerVersion: () => request({ method: "GET", path: "/api/server/version", schema: serverVersionSchema }),

    ping: () => request({ method: "GET", path: "/ping", schema: pingSchema }),

    /** A 503 is an answer here ("status": "error" with the failing indicators), not an outage. */
    health: () => request({ method: "GET", path: "/health", schema: healthSchema, extraOkStatuses: [503] }),
  };
}

export type WahaClient = ReturnType<typeof createWahaClient>;
