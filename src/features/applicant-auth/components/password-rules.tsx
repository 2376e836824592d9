"use client";
// The password rule, shown before the applicant types (seed 003; issue #4: explain the rule before the user fails it).
import { useTranslations } from "next-intl";

export function PasswordRules({ id }: { id: string }) {
  const t = useTranslations("password");
  return (
    <div id={id} className="fr-mb-2w">
      <p className="fr-text--sm fr-mb-1v">{t("rulesIntro")}</p>
      <ul className="fr-text--sm">
        <li>{t("ruleLength")}</li>
        <li>{t("ruleCases")}</li>
        <li>{t("ruleDigit")}</li>
        <li>{t("ruleNotCommon")}</li>
      </ul>
    </div>
  );
}
