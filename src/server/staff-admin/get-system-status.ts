// The configuration state the administrator sees (issue #6, point 8): the seal
// certificate (seed 000, art. 5: documents sealed with OFPRA's certificate),
// the time-stamping authority (art. 6), the blob store and the master key.
// Only public facts: certificate names and dates, the TSA's address without
// its credentials, "configured" for keys. Never a secret, a password or a path.
import { X509Certificate } from "node:crypto";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { env } from "../env";
import { configuredSealSigner } from "../sealing/configured-seal-signer";

export type SealStatus =
  | { ok: true; source: "configured" | "development"; subject: string; issuer: string; validFrom: Date; validTo: Date; expired: boolean }
  | { ok: false; source: "configured" | "development"; problem: string };

export type SystemStatus = {
  seal: SealStatus;
  tsa: { source: "configured" | "built-in"; url: string | null; caConfigured: boolean };
  blobStore: "fs" | "s3";
  masterKeyConfigured: boolean;
};

/** The TSA address as shown: scheme, host and path; user, password and query left out. */
export function displayedTsaUrl(raw: string): string {
  const url = new URL(raw);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

async function sealStatus(now: Date): Promise<SealStatus> {
  const source = env().SEAL_P12_PATH ? "configured" : "development";
  try {
    const signer = await configuredSealSigner();
    const cert = new X509Certificate(signer.certDer);
    const validTo = new Date(cert.validTo);
    return { ok: true, source, subject: cert.subject.replace(/\n/g, ", "), issuer: cert.issuer.replace(/\n/g, ", "), validFrom: new Date(cert.validFrom), validTo, expired: validTo <= now };
  } catch (error) {
    // SealSignerError messages name the problem and never the password.
    return { ok: false, source, problem: error instanceof Error && error.name === "SealSignerError" ? error.message : "The seal certificate cannot be loaded." };
  }
}

export async function getSystemStatus(actor: StaffActor, now = new Date()): Promise<SystemStatus> {
  assertCan(actor, "system.status");
  const config = env();
  return {
    seal: await sealStatus(now),
    tsa: { source: config.TSA_URL ? "configured" : "built-in", url: config.TSA_URL ? displayedTsaUrl(config.TSA_URL) : null, caConfigured: Boolean(config.TSA_CA_PEM_PATH) },
    blobStore: config.BLOB_STORE,
    masterKeyConfigured: config.BLOB_MASTER_KEY.length >= 32,
  };
}
