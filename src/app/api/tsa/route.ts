// The built-in time-stamping authority over HTTP (RFC 3161, 3.4): a DER
// TimeStampReq in, a DER TimeStampResp out. It lets outsiders check the TSA the
// app uses in process for the accusé de mise à disposition (seed 000, art. 6).
// A bad request still gets 200 with a rejection TimeStampResp (RFC 3161, 2.4.2).
import { env } from "@/server/env";
import { builtInTsaSigner } from "@/server/timestamping/built-in-tsa";
import { createTimestampResponse } from "@/server/timestamping/create-timestamp-response";

export const dynamic = "force-dynamic";

/** A TimeStampReq is ~100 bytes; 16 KiB leaves room for extensions and stops abuse. */
const MAX_REQUEST_BYTES = 16 * 1024;

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/** The body, or undefined once it exceeds `limit` bytes (Content-Length may be absent or wrong). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) return undefined;
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

export async function POST(request: Request): Promise<Response> {
  // With TSA_URL set, the app's receipts come from that TSA: no development TSA is exposed.
  if (env().TSA_URL) return plain(404, "Not found.");
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/timestamp-query") {
    return plain(415, "Content-Type must be application/timestamp-query (RFC 3161, 3.4).", { Accept: "application/timestamp-query" });
  }
  const body = await readLimited(request, MAX_REQUEST_BYTES);
  if (!body) return plain(413, `A TimeStampReq is at most ${MAX_REQUEST_BYTES} bytes here.`);

  const response = await createTimestampResponse(body, await builtInTsaSigner());
  return new Response(new Uint8Array(response), {
    status: 200,
    headers: { "Content-Type": "application/timestamp-reply", "Content-Length": String(response.byteLength), "Cache-Control": "no-store" },
  });
}
