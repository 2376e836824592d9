// A confirmation shown after a form that stays on the page.
export function FormSuccessAlert({ title, text }: { title: string; text?: string }) {
  return (
    <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
      <h2 className="fr-alert__title">{title}</h2>
      {text ? <p>{text}</p> : null}
    </div>
  );
}
