// A short information notice at the top of a page (e.g. "you are signed out"),
// announced politely to screen readers; nothing when there is nothing to say.
export function InfoNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-4w" role="status">
      <p>{text}</p>
    </div>
  );
}
