"use client";
// TOTP enrolment at the first sign-in (issue #6, point 1): the QR code (an SVG
// drawn on the server), the same secret as text for people who cannot scan,
// then the first code. Success shows the 10 recovery codes, once: they come
// from the action's answer only. Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { completeEnrolmentAction, type EnrolmentState } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";

export type EnrolmentView = { email: string; secretText: string; qrDataUri: string };

export function EnrolmentForm({ enrolment }: { enrolment: EnrolmentView | null }) {
  const t = useTranslations("staffSignIn");
  const locale = useLocale() as Locale;
  const [state, action] = useActionState<EnrolmentState, FormData>(completeEnrolmentAction, INITIAL_FORM_STATE);
  if (state.recoveryCodes) {
    return (
      <>
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <h2 className="fr-alert__title">{t("enrolledTitle")}</h2>
          <p>{t("enrolledBody")}</p>
        </div>
        <h2>{t("recoveryCodesTitle")}</h2>
        <p>{t("recoveryCodesBody")}</p>
        <ol className="epns-recovery-codes fr-mb-4w" dir="ltr">
          {state.recoveryCodes.map((code) => (
            <li key={code}><code>{code}</code></li>
          ))}
        </ol>
        <a className="fr-btn" href={localePath(locale, "/agent")}>{t("continue")}</a>
      </>
    );
  }
  if (!enrolment) {
    return (
      <p>
        {t("enrolmentExpired")}{" "}
        <a className="fr-link" href={localePath(locale, "/agent/connexion")}>{t("signInAgain")}</a>
      </p>
    );
  }
  return (
    <>
      <ol className="fr-mb-4w">
        <li>{t("enrolStepApp")}</li>
        <li>
          {t("enrolStepScan")}
          <p className="fr-mt-2w">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI of an SVG drawn on the server, nothing to optimise */}
            <img src={enrolment.qrDataUri} alt={t("qrAlt", { email: enrolment.email })} width={200} height={200} />
          </p>
        </li>
        <li>
          {t("enrolStepText")}
          <p className="fr-mt-1w">
            <code className="epns-secret" dir="ltr">{enrolment.secretText}</code>
          </p>
        </li>
        <li>{t("enrolStepCode")}</li>
      </ol>
      <form action={action} noValidate>
        <FormErrorAlert state={state} namespace="staffErrors" />
        <input type="hidden" name="locale" value={locale} />
        <TextField name="code" label={t("enrolCodeLabel")} hint={t("enrolCodeHint")} state={state} secret
          input={{ autoComplete: "one-time-code", inputMode: "numeric", required: true, maxLength: 12, dir: "ltr" }} />
        <SubmitButton label={t("enrolSubmit")} pendingLabel={t("submitting")} />
      </form>
    </>
  );
}
