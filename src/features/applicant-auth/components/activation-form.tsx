// First step of the activation (seed 000, art. 3): AGDREF number and connection
// key. A plain POST form: it works without JavaScript. Its server action arrives
// with the applicant-accounts issue.
import { Input } from "@codegouvfr/react-dsfr/Input";
import { getTranslations } from "next-intl/server";

export async function ActivationForm() {
  const t = await getTranslations("activation");
  return (
    <form method="post" noValidate>
      <Input
        label={t("agdrefLabel")}
        hintText={t("agdrefHint")}
        nativeInputProps={{ name: "agdrefNumber", inputMode: "numeric", autoComplete: "username", required: true, maxLength: 20, dir: "ltr" }}
      />
      <Input
        label={t("keyLabel")}
        hintText={t("keyHint")}
        nativeInputProps={{ name: "connectionKey", autoComplete: "off", autoCapitalize: "characters", spellCheck: false, required: true, maxLength: 40, dir: "ltr" }}
      />
      <button className="fr-btn" type="submit">
        {t("submit")}
      </button>
    </form>
  );
}
