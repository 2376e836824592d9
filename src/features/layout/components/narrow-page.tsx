import type { ReactNode } from "react";

/** A centred, form-width page: title, introduction, then the content. */
export function NarrowPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{title}</h1>
          <p>{intro}</p>
          {children}
        </div>
      </div>
    </div>
  );
}
