"use client";
// CNDA: one applicant number in, the decision's dates and its receipts'
// verification references out (issue #6, point 7). A POST, so the number never
// appears in a URL or an access log. Works without JavaScript (the page is
// rendered again with the answer).
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { lookUpDecisionAction, type DecisionLookupState } from "../actions";
import type { TokenAnswer } from "../decision-answer";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";

const DATE_TIME = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Paris" } as const;
const DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" } as const;
const INITIAL: DecisionLookupState = { submission: 0 };

export function DecisionLookupForm() {
  const t = useTranslations("staffViews");
  const format = useFormatter();
  const locale = useLocale();
  const [state, action] = useActionState(lookUpDecisionAction, INITIAL);
  const at = (iso: string) => format.dateTime(new Date(iso), DATE_TIME);
  // A 24:00 instant is shown as the day it ends (seed 000, art. 6: 24:00 on the 15th day).
  const dayEnding = (iso: string) => format.dateTime(new Date(new Date(iso).getTime() - 1), DATE);
  const token = (value: TokenAnswer | null) =>
    value?.tokenGenTime && value.tsaSerial ? t("tokenValue", { date: at(value.tokenGenTime), serial: value.tsaSerial, tsa: value.tsaName ?? "" }) : t("tokenPending");
  const answer = state.answer;
  return (
    <>
      <form action={action} noValidate className="fr-mb-6w">
        <FormErrorAlert state={state} namespace="staffErrors" />
        <input type="hidden" name="locale" value={locale} />
        <TextField name="number" label={t("numberLabel")} hint={t("numberHint")} state={state}
          input={{ required: true, maxLength: 64, dir: "ltr", autoComplete: "off" }} />
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </form>
      {answer && !answer.found ? (
        <div className="fr-alert fr-alert--info" role="status" key={state.submission}>
          <h2 className="fr-alert__title">{t("noDecisionTitle")}</h2>
          <p>{t("noDecision")}</p>
          <p>{t("noDecisionHint")}</p>
        </div>
      ) : null}
      {answer?.found ? (
        <div role="status" key={state.submission}>
          {answer.decisions.map((decision) => (
            <section key={decision.documentReference} className="fr-card fr-p-3w fr-mb-3w" aria-labelledby={`decision-${decision.documentReference}`}>
              <h2 className="fr-h4" id={`decision-${decision.documentReference}`}>{t("decisionTitle", { reference: decision.documentReference })}</h2>
              <dl className="epns-facts">
                <dt>{t("availableAtLabel")}</dt>
                <dd>{at(decision.availableAt)}</dd>
                <dt>{t("receptionLabel")}</dt>
                <dd>
                  {decision.reception
                    ? decision.reception.basis === "OPENED"
                      ? t("receptionOpened", { date: at(decision.reception.at) })
                      : t("receptionDeemed", { date: dayEnding(decision.reception.at) })
                    : decision.deadlineAt
                      ? t("receptionNone", { date: dayEnding(decision.deadlineAt) })
                      : t("none")}
                </dd>
                <dt>{t("referenceLabel")}</dt>
                <dd dir="ltr">{decision.documentReference}</dd>
                <dt>{t("sha256Label")}</dt>
                <dd dir="ltr" className="epns-hash">{decision.documentSha256}</dd>
                <dt>{t("availabilityTokenLabel")}</dt>
                <dd>{token(decision.availability)}</dd>
                {decision.reception ? (
                  <>
                    <dt>{t("receptionTokenLabel")}</dt>
                    <dd>{token(decision.reception)}</dd>
                  </>
                ) : null}
              </dl>
            </section>
          ))}
          <p className="fr-text--sm">{t("verifyHint")}</p>
        </div>
      ) : null}
    </>
  );
}
