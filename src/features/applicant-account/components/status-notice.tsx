// A short confirmation inside a section of the account page (a small DSFR
// alert: no heading, so the page's outline stays h1 > h2 > h3).
export function StatusNotice({ text }: { text: string }) {
  return (
    <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
      <p>{text}</p>
    </div>
  );
}
