import { UPDATE_STATUSES, type UpdateStatus } from '../../../core/model';
import { escapeHtml, type Html, raw } from './html';

/**
 * Charts as inline SVG drawn on the server: no script, no CDN. Each is an image with a text alternative
 * (role="img" and aria-label); the numbers are also in the page as text for screen readers and printing.
 * Colours reach 4.5:1 against white text and are told apart by a pattern-free legend with numbers.
 */

export const STATUS_CLASS: Record<UpdateStatus, string> = {
  on_track: 's-on-track',
  attention: 's-attention',
  behind: 's-behind',
  not_started: 's-not-started',
};

/** One horizontal bar split by status; empty when no board answered. */
export function stackedBar(
  counts: Record<UpdateStatus, number>,
  label: (s: UpdateStatus) => string,
  alt: string,
): Html {
  const total = UPDATE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const width = 300;
  const height = 22;
  let x = 0;
  const parts: string[] = [];
  for (const s of UPDATE_STATUSES) {
    if (!counts[s]) continue;
    const w = (counts[s] / total) * width;
    parts.push(
      `<rect class="${STATUS_CLASS[s]}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="${height}"><title>${escapeHtml(`${label(s)}: ${counts[s]}`)}</title></rect>`,
    );
    if (w >= 18)
      parts.push(
        `<text x="${(x + w / 2).toFixed(2)}" y="15" text-anchor="middle" class="bar-num">${counts[s]}</text>`,
      );
    x += w;
  }
  if (total === 0) parts.push(`<rect class="s-empty" x="0" y="0" width="${width}" height="${height}"/>`);
  return raw(
    `<svg class="chart bar" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(alt)}">${parts.join('')}</svg>`,
  );
}

/** The average progress per cycle as a line (0–100 %), with a dot and value per cycle. */
export function trendLine(points: readonly { label: string; value: number | null }[], alt: string): Html {
  const width = 300;
  const height = 90;
  const pad = 18;
  const measured = points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null);
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const xOf = (i: number) => (points.length > 1 ? pad + i * step : width / 2);
  const yOf = (v: number) => height - pad - (v / 100) * (height - 2 * pad);
  const line = measured.map((p) => `${xOf(p.i).toFixed(1)},${yOf(p.value as number).toFixed(1)}`).join(' ');
  const dots = measured
    .map(
      (p) =>
        `<circle cx="${xOf(p.i).toFixed(1)}" cy="${yOf(p.value as number).toFixed(1)}" r="4"><title>${escapeHtml(`${p.label}: ${p.value}%`)}</title></circle><text x="${xOf(p.i).toFixed(1)}" y="${(yOf(p.value as number) - 8).toFixed(1)}" text-anchor="middle" class="pt-num">${p.value}%</text>`,
    )
    .join('');
  return raw(
    `<svg class="chart trend" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(alt)}"><line class="axis" x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}"/>${measured.length > 1 ? `<polyline class="trend-line" points="${line}"/>` : ''}${dots}</svg>`,
  );
}

/** Response rates as horizontal bars, one per row, with the numbers beside them. */
export function rateBars(
  rows: readonly { label: string; answered: number; asked: number }[],
  alt: string,
): Html {
  const width = 320;
  const labelW = 120;
  const barW = 140;
  const rowH = 24;
  const height = Math.max(rowH, rows.length * rowH);
  const body = rows
    .map((r, i) => {
      const rate = r.asked ? r.answered / r.asked : 0;
      const y = i * rowH;
      const name = r.label.length > 18 ? `${r.label.slice(0, 17)}…` : r.label;
      return `<g><title>${escapeHtml(`${r.label}: ${r.answered}/${r.asked}`)}</title><text x="0" y="${y + 16}" class="rate-label">${escapeHtml(name)}</text><rect class="rate-bg" x="${labelW}" y="${y + 4}" width="${barW}" height="14"/><rect class="rate-fg" x="${labelW}" y="${y + 4}" width="${(rate * barW).toFixed(1)}" height="14"/><text x="${labelW + barW + 6}" y="${y + 16}" class="rate-num">${Math.round(rate * 100)}%</text></g>`;
    })
    .join('');
  return raw(
    `<svg class="chart rates" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(alt)}">${body}</svg>`,
  );
}
