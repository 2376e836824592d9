// "Log out everywhere" on the staff home (issue #6, point 1): ends every
// session of the signed-in staff user, this one too. A plain form.
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { staffSignOutEverywhereAction } from "../actions";

export async function SignOutEverywhereForm({ locale }: { locale: Locale }) {
  const t = await getTranslations("staffAdmin");
  return (
    <section aria-labelledby="sign-out-everywhere-title" className="fr-mt-6w">
      <h2 id="sign-out-everywhere-title" className="fr-h5">{t("signOutEverywhereTitle")}</h2>
      <p>{t("signOutEverywhereBody")}</p>
      <form action={staffSignOutEverywhereAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="fr-btn fr-btn--secondary">{t("signOutEverywhereSubmit")}</button>
      </form>
    </section>
  );
}
