"use client";
// A live test of the time-stamping authority (issue #6, point 8): one test
// request, then OK (time and TSA name) or the kind of failure.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "../../forms/components/submit-button";
import { checkTimestampAuthorityAction } from "../actions";
import { INITIAL_ADMIN_FORM_STATE } from "../admin-form-state";
import { AdminFormAlert } from "./admin-form-alert";

export function TsaCheckForm() {
  const t = useTranslations("staffAdmin");
  const format = useFormatter();
  const locale = useLocale();
  const [state, action] = useActionState(checkTimestampAuthorityAction, INITIAL_ADMIN_FORM_STATE);
  const check = state.tsaCheck;
  const failures: Record<string, string> = {
    network: t("tsaFailureNetwork"),
    timeout: t("tsaFailureTimeout"),
    http: t("tsaFailureHttp"),
    rejected: t("tsaFailureRejected"),
    invalid: t("tsaFailureInvalid"),
    unexpected: t("tsaFailureUnexpected"),
  };
  return (
    <form action={action}>
      <AdminFormAlert state={state} />
      {check ? (
        <div className={`fr-alert ${check.ok ? "fr-alert--success" : "fr-alert--error"} fr-mb-4w`} role="status" key={state.submission} data-testid="tsa-check">
          <h3 className="fr-alert__title">{check.ok ? t("tsaCheckOk") : t("tsaCheckFailed")}</h3>
          <p>
            {check.ok
              ? t("tsaCheckOkBody", { time: format.dateTime(new Date(check.genTime), { dateStyle: "long", timeStyle: "medium", timeZone: "Europe/Paris" }), name: check.tsaName || "—", ms: check.elapsedMs })
              : failures[check.failure]}
          </p>
        </div>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <SubmitButton label={t("tsaCheckSubmit")} pendingLabel={t("tsaChecking")} secondary />
    </form>
  );
}
