// The verification page's labels for coded values, one literal t() call per
// key so that tests/unit/messages.test.ts checks each exists.
// `t` is useTranslations("verify").
import type { VerifyError, VerifyView } from "./verify-state";

type Translate = (key: string, values?: Record<string, string>) => string;

export function errorLabel(t: Translate, error: VerifyError): string {
  switch (error) {
    case "FILE_MISSING": return t("error_FILE_MISSING");
    case "FILE_TOO_LARGE": return t("error_FILE_TOO_LARGE");
    case "RATE_LIMITED": return t("error_RATE_LIMITED");
    case "UNEXPECTED": return t("error_UNEXPECTED");
  }
}

export function sealProblemLabel(t: Translate, reason: string): string {
  switch (reason) {
    case "NO_SIGNATURE": return t("sealInvalid_NO_SIGNATURE");
    case "NOT_WHOLE_DOCUMENT": return t("sealInvalid_NOT_WHOLE_DOCUMENT");
    case "DIGEST_MISMATCH": return t("sealInvalid_DIGEST_MISMATCH");
    case "UNTRUSTED": return t("sealInvalid_UNTRUSTED");
    case "NO_SIGNATURE_TIMESTAMP": return t("sealInvalid_NO_SIGNATURE_TIMESTAMP");
    case "BAD_SIGNATURE_TIMESTAMP": return t("sealInvalid_BAD_SIGNATURE_TIMESTAMP");
    default: return t("sealInvalid_BAD_SIGNATURE");
  }
}

export function problemLabel(t: Translate, problem: VerifyView["problems"][number]): string {
  switch (problem) {
    case "UNRECOGNIZED_FILE": return t("problem_UNRECOGNIZED_FILE");
    case "NOT_A_RECEIPT": return t("problem_NOT_A_RECEIPT");
    case "FACTS_MISMATCH": return t("problem_FACTS_MISMATCH");
    case "DOCUMENT_MISMATCH": return t("documentMismatch");
  }
}

export function kindLabel(t: Translate, kind: "AVAILABILITY" | "OPENED" | "DEEMED"): string {
  switch (kind) {
    case "AVAILABILITY": return t("kindAVAILABILITY");
    case "OPENED": return t("kindOPENED");
    case "DEEMED": return t("kindDEEMED");
  }
}

export function typeLabel(t: Translate, type: NonNullable<VerifyView["facts"]>["documentType"]): string {
  switch (type) {
    case "CONVOCATION": return t("typeCONVOCATION");
    case "DECISION": return t("typeDECISION");
    case "INTRODUCTION_LETTER": return t("typeINTRODUCTION_LETTER");
    case "OTHER_LETTER": return t("typeOTHER_LETTER");
  }
}
