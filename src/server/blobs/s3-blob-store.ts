// S3-compatible blob store for production (BLOB_STORE=s3, issue #5 point 3):
// PUT / GET / DELETE of objects with path-style URLs (`<endpoint>/<bucket>/<key>`,
// which every S3-compatible service accepts), signed with SigV4 by aws4fetch.
// Every request has a deadline; error messages name the operation, the key and
// the HTTP status or S3 error code, never a credential.
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { type BlobStore, BlobNotFoundError, BlobStoreError, assertBlobKey } from "./blob-store";

export type S3BlobStoreOptions = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Deadline of one request, retries included (default 60 s: a 20 MB PDF over a slow link). */
  timeoutMs?: number;
};

export class S3BlobStore implements BlobStore {
  private readonly client: AwsClient;
  private readonly base: string;
  /** Where errors say they went: scheme, host and port only (no user-info). */
  private readonly origin: string;
  private readonly timeoutMs: number;

  constructor(options: S3BlobStoreOptions) {
    const endpoint = new URL(options.endpoint);
    this.origin = endpoint.origin;
    this.base = `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}`;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    // Two retries on 5xx and 429 with aws4fetch's jittered backoff; the deadline covers them.
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      service: "s3",
      region: options.region,
      retries: 2,
      initRetryMs: 100,
    });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    // The real payload hash is signed (not UNSIGNED-PAYLOAD): the service refuses a body changed on the way.
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const response = await this.send("PUT", key, {
      body: asArrayBufferView(bytes),
      headers: { "content-type": "application/octet-stream", "x-amz-content-sha256": sha256 },
    });
    if (!response.ok) throw await failure("PUT", key, response);
    await response.body?.cancel();
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.send("GET", key);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new BlobNotFoundError(key);
    }
    if (!response.ok) throw await failure("GET", key, response);
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new BlobStoreError(`S3 GET "${key}" failed while reading the body: ${describe(error)}`, { cause: error });
    }
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    await response.body?.cancel();
    if (!response.ok && response.status !== 404) throw await failure("DELETE", key, response);
  }

  private async send(method: string, key: string, init: { body?: Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {}): Promise<Response> {
    assertBlobKey(key);
    const url = `${this.base}/${key}`; // the key syntax ([a-z0-9/-]) needs no escaping
    try {
      return await this.client.fetch(url, { method, body: init.body, headers: init.headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? `no answer within ${this.timeoutMs} ms` : describe(error);
      throw new BlobStoreError(`S3 ${method} "${key}" at ${this.origin} failed: ${reason}`, { cause: error });
    }
  }
}

/** The same bytes typed as fetch wants them (copied only if they sit in a SharedArrayBuffer). */
function asArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

async function failure(method: string, key: string, response: Response): Promise<BlobStoreError> {
  let code = "";
  try {
    const text = (await response.text()).slice(0, 4096);
    code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1] ?? "";
  } catch {
    // The status alone will do.
  }
  return new BlobStoreError(`S3 ${method} "${key}" failed: HTTP ${response.status}${code ? ` (${code})` : ""}`);
}

/** A network error's code (ECONNREFUSED, ENOTFOUND…) or its class, never its full text. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).name ?? "error";
}
