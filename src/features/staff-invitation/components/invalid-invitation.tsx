// One message for a used, expired, superseded or unknown invitation link
// (issue #6, point 8): nothing tells which, and the way out is the same.
import { useTranslations } from "next-intl";

export function InvalidInvitation() {
  const t = useTranslations("staffAdmin");
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" role="alert">
      <h2 className="fr-alert__title">{t("invitationInvalidTitle")}</h2>
      <p>{t("invitationInvalidBody")}</p>
    </div>
  );
}
