// "Log out everywhere" (issue #4): ends every session of the applicant, this
// one included, for a phone lent, lost or shared. Posts to the sign-out action.
import { getLocale, getTranslations } from "next-intl/server";
import { signOutAction } from "../../applicant-auth/actions";

export async function LogOutEverywhereForm() {
  const t = await getTranslations("account");
  const locale = await getLocale();
  return (
    <form action={signOutAction}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="scope" value="everywhere" />
      <p>{t("logOutEverywhereText")}</p>
      <button type="submit" className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-logout-box-r-line">
        {t("logOutEverywhereButton")}
      </button>
    </form>
  );
}
