// Sticky session ids: the gateway keeps one residential exit per id, so each chip needs its own unguessable one.
import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export const SESSION_ID_LENGTH = 12;
export const SESSION_ID_PATTERN = /^[a-z0-9]{12}$/;

/** 12 characters of [a-z0-9] (≈62 bits); randomInt avoids the modulo bias of mapping raw bytes. */
export function newStickySessionId(): string {
  let id = "";
  for (let i = 0; i < SESSION_ID_LENGTH; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** The old system's format, kept exactly: the provider reads the session from the username. */
export function gatewayUsername(baseUsername: string, sessionId: string): string {
  return `${baseUsername}_session-${sessionId}`;
}
