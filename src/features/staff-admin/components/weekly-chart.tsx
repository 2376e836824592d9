// The dashboard's bar chart (issue #6, point 8): documents published, opened
// and deemed received per ISO week, drawn on the server as SVG (no
// JavaScript). It is an image with a text alternative; the same figures are in
// the table that follows it, for reading and for assistive technologies.
import type { WeekCounts } from "@/server/staff-admin/get-usage-statistics";

type Series = { key: "published" | "opened" | "deemed"; label: string; color: string };

type Props = { weeks: WeekCounts[]; title: string; description: string; series: Record<Series["key"], string>; weekLabel: (week: WeekCounts) => string };

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 44, left: 40 };

/** A round upper bound for the axis: 1, 2, 5 × 10^n. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= value) ?? value;
}

export function WeeklyChart({ weeks, title, description, series, weekLabel }: Props) {
  // DSFR illustrative colours with enough contrast on white (WCAG 1.4.11): blue France, green emerald, orange terre battue.
  const all: Series[] = [
    { key: "published", label: series.published, color: "#000091" },
    { key: "opened", label: series.opened, color: "#18753c" },
    { key: "deemed", label: series.deemed, color: "#b34000" },
  ];
  const max = niceMax(Math.max(0, ...weeks.flatMap((w) => [w.published, w.opened, w.deemed])));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, weeks.length);
  const bar = (slot * 0.8) / all.length;
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  return (
    <figure className="epns-chart fr-mb-4w">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby="weekly-chart-title weekly-chart-desc" data-testid="weekly-chart">
        <title id="weekly-chart-title">{title}</title>
        <desc id="weekly-chart-desc">{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#ddd" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#3a3a3a">{Number.isInteger(tick) ? tick : tick.toFixed(1)}</text>
          </g>
        ))}
        {weeks.map((week, i) => {
          const x0 = MARGIN.left + i * slot + slot * 0.1;
          return (
            <g key={week.week}>
              {all.map((s, j) => (
                <rect key={s.key} x={x0 + j * bar} y={y(week[s.key])} width={Math.max(1, bar - 1)} height={Math.max(0, MARGIN.top + plotHeight - y(week[s.key]))} fill={s.color}>
                  <title>{`${weekLabel(week)} — ${s.label} : ${week[s.key]}`}</title>
                </rect>
              ))}
              <text x={x0 + slot * 0.4} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize="11" fill="#3a3a3a">{week.week.slice(5)}</text>
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight} stroke="#3a3a3a" />
        {all.map((s, j) => (
          <g key={s.key} transform={`translate(${MARGIN.left + j * 220}, ${HEIGHT - 12})`}>
            <rect width="12" height="12" y="-10" fill={s.color} />
            <text x="18" fontSize="12" fill="#161616">{s.label}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
