// The one DSFR table of the product: a caption, column headers, and rows whose
// first cell is the row's header (RGAA 5.6, 5.7). Server-rendered, no
// JavaScript. `className` adds the DSFR variant a page needs (bordered,
// multiline, small) and our print rules.
import type { ReactNode } from "react";

export type DataTableRow = { key: string; cells: ReactNode[] };

/** Columns (or cells) a table shows only in some cases: spread into `columns` and each row's `cells` alike. */
export function shownIf<T>(shown: boolean, ...values: T[]): T[] {
  return shown ? values : [];
}

export function DataTable({ caption, columns, rows, className = "fr-table--multiline fr-table--sm fr-mb-3w" }: { caption: string; columns: string[]; rows: DataTableRow[]; className?: string }) {
  return (
    <div className={`fr-table ${className}`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th scope="col" key={column}>{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    {row.cells.map((cell, index) => (index === 0 ? <th scope="row" key={index}>{cell}</th> : <td key={index}>{cell}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
