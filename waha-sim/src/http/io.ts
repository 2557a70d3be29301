import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, stringError } from "./errors";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw stringError(413, "request entity too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body like body-parser: empty → {}, malformed → 400 with the parser's message. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = (await readBody(req)).toString("utf8");
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw stringError(400, (error as Error).message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** NestJS answers a handler's null/undefined with an empty body. */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { "Content-Length": 0 });
  res.end();
}

export function sendBinary(res: ServerResponse, status: number, contentType: string, data: Buffer): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": data.length });
  res.end(data);
}

export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) return sendJson(res, error.status, error.body);
  const err = error instanceof Error ? error : new Error(String(error));
  sendJson(res, 500, {
    statusCode: 500,
    timestamp: new Date().toISOString(),
    exception: { message: err.message, name: err.name, stack: err.stack },
  });
}
