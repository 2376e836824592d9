"use client";
// The verdict of a verification: valid or not, then each check in words, and
// what the receipt itself says (nothing more: seed 000, art. 8).
import { useFormatter, useTranslations } from "next-intl";
import type { VerifyView } from "../verify-state";
import { kindLabel, problemLabel, sealProblemLabel, typeLabel } from "../verify-labels";

const PARIS = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Paris", timeZoneName: "short" } as const;

export function VerifyResult({ result }: { result: VerifyView }) {
  const t = useTranslations("verify");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), PARIS);
  const { facts, seal, token, document } = result;
  const kind = facts ? (facts.kind === "AVAILABILITY" ? "AVAILABILITY" : facts.basis === "DEEMED" ? "DEEMED" : "OPENED") : null;
  return (
    <div className={`fr-alert ${result.valid ? "fr-alert--success" : "fr-alert--error"} fr-mb-4w`} role="status" aria-live="polite">
      <h2 className="fr-alert__title">{result.valid ? t("resultValidTitle") : t("resultInvalidTitle")}</h2>
      <p>{result.valid ? t("resultValidText") : t("resultInvalidText")}</p>
      <ul className="fr-mt-2w">
        {seal ? <li>{seal.valid ? t("sealValid", { signer: seal.signer, date: when(seal.signedAt) }) : sealProblemLabel(t, seal.reason)}</li> : null}
        {token ? (
          <li>
            {token.valid ? t("tokenValid", { date: when(token.genTime), tsa: token.tsaName, serial: token.serial }) : t("tokenInvalid")}
            {token.valid && !token.chainChecked ? ` ${t("tokenChainNotChecked")}` : null}
          </li>
        ) : null}
        {document ? <li>{document.matches ? t("documentMatches") : t("documentMismatch")}</li> : null}
        {result.problems.filter((p) => p !== "DOCUMENT_MISMATCH").map((problem) => <li key={problem}>{problemLabel(t, problem)}</li>)}
      </ul>
      {/* What the receipt says is shown only under a valid seal: an unsealed file could say anything. */}
      {facts && kind && seal?.valid ? (
        <>
          <h3 className="fr-h6 fr-mt-3w fr-mb-1w">{kindLabel(t, kind)}</h3>
          <dl className="epns-facts">
            <dt>{t("factEvent")}</dt>
            <dd>{kind === "DEEMED" ? t("factDeadline", { date: format.dateTime(new Date(new Date(facts.eventAt).getTime() - 1), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }) }) : when(facts.eventAt)}</dd>
            <dt>{t("factType")}</dt>
            <dd>{typeLabel(t, facts.documentType)}</dd>
            <dt>{t("factReference")}</dt>
            <dd dir="ltr">{facts.documentReference}</dd>
            <dt>{t("factAgdref")}</dt>
            <dd dir="ltr">{facts.agdrefNumber}</dd>
            <dt>{t("factSha256")}</dt>
            <dd dir="ltr" className="epns-hash">{facts.documentSha256}</dd>
          </dl>
        </>
      ) : null}
      {!facts && token?.valid ? (
        <p className="fr-text--sm fr-mt-2w">
          {t("factImprint")} <span dir="ltr" className="epns-hash">{token.imprintSha256}</span>
        </p>
      ) : null}
    </div>
  );
}
