// What the verification form gets back (useActionState): the verdict as plain
// values (no Date objects cross the boundary), or why nothing was checked.
import type { VerificationResult } from "@/server/verification/verify-receipt";

export type VerifyError = "FILE_MISSING" | "FILE_TOO_LARGE" | "RATE_LIMITED" | "UNEXPECTED";

export type VerifyView = {
  input: VerificationResult["input"];
  valid: boolean;
  seal?: { valid: true; signer: string; signedAt: string } | { valid: false; reason: string };
  token?: { valid: true; genTime: string; tsaName: string; serial: string; imprintSha256: string; chainChecked: boolean } | { valid: false };
  facts?: VerificationResult["facts"];
  document?: { sha256: string; matches: boolean };
  problems: VerificationResult["problems"];
};

export type VerifyState = { submission: number; error?: VerifyError; result?: VerifyView };

export const INITIAL_VERIFY_STATE: VerifyState = { submission: 0 };

export function toVerifyView(result: VerificationResult): VerifyView {
  const { seal, token } = result;
  return {
    input: result.input,
    valid: result.valid,
    ...(seal ? { seal: seal.valid ? { valid: true, signer: seal.signer, signedAt: seal.signedAt.toISOString() } : { valid: false, reason: seal.reason } } : {}),
    ...(token ? { token: token.valid ? { valid: true, genTime: token.genTime.toISOString(), tsaName: token.tsaName, serial: token.serial, imprintSha256: token.imprintSha256, chainChecked: token.chainChecked } : { valid: false } } : {}),
    ...(result.facts ? { facts: result.facts } : {}),
    ...(result.document ? { document: result.document } : {}),
    problems: result.problems,
  };
}
