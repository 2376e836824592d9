// The results of `npm run bench` as one Markdown table (printed to stdout and
// written to bench/results/latest.md), with the details some rows refer to
// (query plans) below it.

export type TResultRow = { benchmark: string; measure: string; value: string; notes?: string };
export type TDetail = { title: string; text: string };
export type TSection = { rows: TResultRow[]; details?: TDetail[]; ok?: boolean };

/** 1234.5 → "1,234.5": a fixed number of decimals, grouped thousands. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

export function renderReport(title: string, context: string[], sections: TSection[]): string {
  const rows = sections.flatMap((s) => s.rows);
  const details = sections.flatMap((s) => s.details ?? []);
  return [
    `# ${title}`,
    "",
    ...context.map((line) => `- ${line}`),
    "",
    "| Benchmark | Measure | Value | Notes |",
    "| --- | --- | ---: | --- |",
    ...rows.map((r) => `| ${cell(r.benchmark)} | ${cell(r.measure)} | ${cell(r.value)} | ${cell(r.notes ?? "")} |`),
    ...details.flatMap((d) => ["", `### ${d.title}`, "", "```", d.text.trimEnd(), "```"]),
    "",
  ].join("\n");
}
