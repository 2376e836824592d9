"use client";
// The invitation link, shown once after it is issued (issue #6, point 8): it
// was e-mailed too; if the mail does not arrive, the administrator hands it
// over. It is never stored readable, so this is the only time it can be seen.
import { useFormatter, useTranslations } from "next-intl";
import type { AdminFormState } from "../admin-form-state";

export function InvitationLink({ state }: { state: AdminFormState }) {
  const t = useTranslations("staffAdmin");
  const format = useFormatter();
  if (!state.invitationUrl || !state.invitationExpiresAt) return null;
  const until = format.dateTime(new Date(state.invitationExpiresAt), { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  return (
    <div className="fr-callout fr-mb-4w">
      <h3 className="fr-callout__title">{t("invitationLinkTitle")}</h3>
      <p className="fr-callout__text">{t("invitationLinkBody", { until })}</p>
      <p className="fr-mt-2w">
        <code className="epns-secret" dir="ltr" data-testid="invitation-link">{state.invitationUrl}</code>
      </p>
    </div>
  );
}
