// One contact of the applicant (e-mail or mobile, both optional: seed 000,
// art. 9): the confirmed value, masked; a button to remove it; the forms to set
// or replace it with a code (contact-change-forms.tsx).
import { getTranslations } from "next-intl/server";
import { maskEmail, maskPhone } from "@/lib/contact-formats";
import { ContactChangeForms } from "./contact-change-forms";
import { RemoveContactForm } from "./remove-contact-form";

type Props = { kind: "email" | "phone"; value: string | null; pending: boolean };

export async function ContactSection({ kind, value, pending }: Props) {
  const t = await getTranslations("account");
  const email = kind === "email";
  const titleId = `contact-${kind}-title`;
  return (
    <section aria-labelledby={titleId} className="fr-mb-6w">
      <h3 id={titleId}>{email ? t("emailTitle") : t("phoneTitle")}</h3>
      {value ? (
        <>
          <p className="fr-mb-2w">
            {email ? t("emailCurrent") : t("phoneCurrent")}{" "}
            <strong dir="ltr">{email ? maskEmail(value) : maskPhone(value)}</strong>
          </p>
          <RemoveContactForm kind={kind} />
        </>
      ) : (
        <p>{email ? t("emailNone") : t("phoneNone")}</p>
      )}
      <ContactChangeForms kind={kind} hasValue={value !== null} pending={pending} />
    </section>
  );
}
