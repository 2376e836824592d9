// The applicant sign-in form (seed 000, art. 4): one identifier field for the
// AGDREF or OFPRA number, and the password. A plain POST form: it works without
// JavaScript. Its server action arrives with the applicant-accounts issue.
import { Input } from "@codegouvfr/react-dsfr/Input";
import { getTranslations } from "next-intl/server";

export async function SignInForm() {
  const t = await getTranslations("signIn");
  return (
    <form method="post" noValidate>
      <Input
        label={t("identifierLabel")}
        hintText={t("identifierHint")}
        nativeInputProps={{ name: "identifier", autoComplete: "username", inputMode: "text", required: true, maxLength: 64, dir: "ltr" }}
      />
      <Input
        label={t("passwordLabel")}
        nativeInputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true, maxLength: 128, dir: "ltr" }}
      />
      <button className="fr-btn" type="submit">
        {t("submit")}
      </button>
    </form>
  );
}
