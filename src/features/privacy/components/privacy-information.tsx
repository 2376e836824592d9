// Information on the processing (GDPR arts. 13 and 14; seed 002: information
// that is effective and given in several languages; issue #7, point 3), from
// seed 000 (arts. 1, 5, 6, 8, 9, 10), seed 003 (connection logs kept one year,
// rights, no e-mail asking for personal data) and ../shared/DESIGN.md
// (retention, recipients by role). Texts: messages/<locale>/privacy.json.
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

type Block = { p: string } | { list: string[] };

/** Sections and their blocks: each key is written out so tests/unit/messages.test.ts finds it. */
const SECTIONS: Array<{ id: string; blocks: Block[] }> = [
  { id: "controller", blocks: [{ p: "controller.p1" }, { p: "controller.p2" }] },
  { id: "purposes", blocks: [{ p: "purposes.p1" }, { list: ["purposes.l1", "purposes.l2", "purposes.l3", "purposes.l4"] }, { p: "purposes.p2" }] },
  { id: "legalBasis", blocks: [{ p: "legalBasis.p1" }] },
  { id: "data", blocks: [{ p: "data.p1" }, { list: ["data.l1", "data.l2", "data.l3", "data.l4"] }, { p: "data.p2" }] },
  { id: "recipients", blocks: [{ p: "recipients.p1" }, { list: ["recipients.l1", "recipients.l2", "recipients.l3", "recipients.l4"] }, { p: "recipients.p2" }] },
  { id: "retention", blocks: [{ list: ["retention.l1", "retention.l2", "retention.l3", "retention.l4"] }] },
  { id: "rights", blocks: [{ p: "rights.p1" }, { list: ["rights.l1", "rights.l2", "rights.l3"] }, { p: "rights.p2" }] },
  { id: "complaint", blocks: [{ p: "complaint.p1" }] },
  { id: "security", blocks: [{ p: "security.p1" }, { p: "security.p2" }] },
];

const TITLES: Record<string, string> = {
  controller: "controller.title",
  purposes: "purposes.title",
  legalBasis: "legalBasis.title",
  data: "data.title",
  recipients: "recipients.title",
  retention: "retention.title",
  rights: "rights.title",
  complaint: "complaint.title",
  security: "security.title",
};

export async function PrivacyInformation({ locale }: { locale: Locale }) {
  const t = await getTranslations("privacy");
  return (
    <>
      <nav className="fr-summary fr-mb-6w" aria-labelledby="privacy-summary-title">
        <p className="fr-summary__title" id="privacy-summary-title">{t("summaryTitle")}</p>
        <ol>
          {SECTIONS.map(({ id }) => (
            <li key={id}><a className="fr-summary__link" href={`#${id}`}>{t(TITLES[id]!)}</a></li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map(({ id, blocks }) => (
        <section key={id} id={id} aria-labelledby={`${id}-title`} className="fr-mb-5w">
          <h2 id={`${id}-title`}>{t(TITLES[id]!)}</h2>
          {blocks.map((block, index) =>
            "p" in block ? <p key={index}>{t(block.p)}</p> : (
              <ul key={index}>
                {block.list.map((key) => <li key={key}>{t(key)}</li>)}
              </ul>
            ),
          )}
          {id === "rights" ? (
            <p>
              <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={localePath(locale, "/compte/mes-donnees")}>{t("rights.myData")}</a>
            </p>
          ) : null}
          {id === "security" ? (
            <p>
              <a className="fr-link" href={localePath(locale, "/cookies")}>{t("cookiesLink")}</a>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
