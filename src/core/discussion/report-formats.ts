import { UPDATE_STATUSES } from '../model';
import { decisionOf, decisionsHtml, decisionsMarkdown } from '../steering-report';
import { localDate } from '../time';
import { formatDate, labels, lastDay, type RenderOptions, STATUS_LABELS, TREND_LABELS } from './labels';
import { cyclesMarkdown, keyPointSources, keyPointText, md, summarySections } from './markdown';
import type { ReportTheme, SectorReport } from './report';
import type { AmbitionSummary, CycleStatusSummary } from './summary';

/** The sector report as Markdown, as HTML that prints cleanly to PDF, and as CSV (one row per result). */

export const REPORT_FORMATS = ['md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

function themeTitle(t: ReportTheme, options: RenderOptions): string {
  const l = labels(options.locale);
  return t.title ? `${l.theme} ${t.id}: ${t.title}` : l.otherAmbitions;
}

function period(r: SectorReport, options: RenderOptions): string {
  const l = labels(options.locale);
  return `${formatDate(r.period.from, options)} ${l.until} ${formatDate(lastDay(r.period.to), options)}`;
}

export function reportMarkdown(r: SectorReport, options: RenderOptions = {}): string {
  const l = labels(options.locale);
  const out = [
    `# ${l.report} ${r.year}: ${md(r.agenda.association)}`,
    '',
    `${md(r.agenda.name)} · ${period(r, options)}`,
    '',
  ];
  for (const t of r.themes) {
    out.push(`## ${md(themeTitle(t, options))}`, '');
    for (const a of t.ambitions)
      out.push(
        `### ${l.ambition} ${a.ambition.number}: ${md(a.ambition.title)}`,
        '',
        ...summarySections(a, options, 4),
        '',
      );
    if (t.actionResults.length)
      out.push(`### ${l.themeActions}`, '', ...cyclesMarkdown(t.actionResults, t.actionTrend, options), '');
  }
  out.push(...decisionsMarkdown(r.decisions, options.locale));
  out.push(`_${l.generated} ${formatDate(r.generatedAt, options)}._`, '');
  return out.join('\n');
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const PRINT_CSS = `
  body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; line-height: 1.45; }
  h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
  h2 { font-size: 1.4rem; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2rem; margin-top: 2.5rem; }
  h3 { font-size: 1.15rem; margin-top: 1.6rem; }
  h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
  .meta { color: #555; }
  table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; font-size: 0.9rem; }
  th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
  th { background: #e8eef5; }
  td.n { text-align: right; }
  .source { color: #666; font-size: 0.85em; }
  .trend { font-weight: bold; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5pt; }
    h2 { break-before: page; }
    h2:first-of-type { break-before: auto; }
    h2, h3, h4 { break-after: avoid; }
    table, li { break-inside: avoid; }
    th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }`;

function cyclesTable(cycles: readonly CycleStatusSummary[], options: RenderOptions): string {
  const locale = options.locale ?? 'nl';
  const l = labels(locale);
  const head = [
    l.cycle,
    l.boards,
    ...UPDATE_STATUSES.map((s) => STATUS_LABELS[locale][s]),
    l.averageProgress,
  ];
  const rows = cycles.map(
    (c) =>
      `<tr><td>${escapeHtml(c.name)} <span class="source">(${escapeHtml(formatDate(c.closesAt, options))})</span></td><td class="n">${c.boards}</td>${UPDATE_STATUSES.map((s) => `<td class="n">${c.counts[s]}</td>`).join('')}<td class="n">${c.averageProgress === null ? '–' : `${c.averageProgress}%`}</td></tr>`,
  );
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function ambitionHtml(a: AmbitionSummary, options: RenderOptions): string {
  const locale = options.locale ?? 'nl';
  const l = labels(locale);
  const parts = [
    `<section class="ambition"><h3>${l.ambition} ${a.ambition.number}: ${escapeHtml(a.ambition.title)}</h3>`,
  ];
  parts.push(`<p class="meta">${a.messages.total} ${l.messages}</p>`);
  parts.push(`<h4>${l.keyPoints}</h4>`);
  parts.push(
    a.keyPoints.length
      ? `<ul>${a.keyPoints.map((p) => `<li>${escapeHtml(keyPointText(p, options))} <span class="source">(${keyPointSources(p, options, false, escapeHtml)})</span></li>`).join('')}</ul>`
      : `<p>${escapeHtml(l.noKeyPoints)}</p>`,
  );
  if (a.openQuestions.length)
    parts.push(
      `<h4>${l.openQuestions}</h4><ul>${a.openQuestions.map((q) => `<li>${escapeHtml(q.text)}</li>`).join('')}</ul>`,
    );
  if (a.practices.length)
    parts.push(
      `<h4>${l.practices}</h4><ul>${a.practices.map((p) => `<li><strong>${escapeHtml(p.title)}</strong>${p.boardName ? ` (${escapeHtml(p.boardName)})` : ''}: ${escapeHtml(p.description)}${p.instruments ? ` <em>${escapeHtml(p.instruments)}</em>` : ''}</li>`).join('')}</ul>`,
    );
  if (a.participation.messages)
    parts.push(
      `<h4>${l.participation}</h4><table><thead><tr><th>${l.board}</th><th>${l.messages}</th><th>${l.people}</th></tr></thead><tbody>${a.participation.boards.map((b) => `<tr><td>${escapeHtml(b.boardName ?? l.noBoard)}</td><td class="n">${b.messages}</td><td class="n">${b.members}</td></tr>`).join('')}</tbody></table>`,
    );
  if (a.cycles.length) {
    parts.push(`<h4>${l.statusPerCycle}</h4>${cyclesTable(a.cycles, options)}`);
    if (a.trend) parts.push(`<p>${l.trend}: <span class="trend">${TREND_LABELS[locale][a.trend]}</span></p>`);
  }
  if (a.steering.length)
    parts.push(
      `<h4>${l.steering}</h4><ul>${a.steering.map((s) => `<li><strong>${escapeHtml(s.itemId)}</strong> ${escapeHtml(s.itemTitle)} (${STATUS_LABELS[locale][s.status]}): ${escapeHtml(s.explanation || '–')}</li>`).join('')}</ul>`,
    );
  parts.push('</section>');
  return parts.join('\n');
}

export function reportHtml(r: SectorReport, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'nl';
  const l = labels(locale);
  const title = `${l.report} ${r.year}: ${r.agenda.association}`;
  const body = r.themes.map((t) => {
    const actions = t.actionResults.length
      ? `<section class="ambition"><h3>${l.themeActions}</h3>${cyclesTable(t.actionResults, options)}${t.actionTrend ? `<p>${l.trend}: <span class="trend">${TREND_LABELS[locale][t.actionTrend]}</span></p>` : ''}</section>`
      : '';
    return `<h2>${escapeHtml(themeTitle(t, options))}</h2>\n${t.ambitions.map((a) => ambitionHtml(a, options)).join('\n')}\n${actions}`;
  });
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(r.agenda.name)} · ${escapeHtml(period(r, options))}</p>
${body.join('\n')}
${decisionsHtml(r.decisions, locale, escapeHtml)}
<p class="meta">${l.generated} ${escapeHtml(formatDate(r.generatedAt, options))}.</p>
</body>
</html>
`;
}

const CSV_HEAD = [
  'agenda',
  'theme_id',
  'theme',
  'item_id',
  'item',
  'cycle',
  'cycle_closes',
  'boards',
  ...UPDATE_STATUSES,
  'average_progress',
  'trend',
  'messages',
  'practices',
  'steering_signals',
  'steering_decision',
];

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a spreadsheet would
 * read as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe (OWASP's advice).
 */
export function csvField(v: string | number | null): string {
  const raw = v === null ? '' : String(v);
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(r: SectorReport, { timeZone = 'Europe/Amsterdam' }: RenderOptions = {}): string {
  const rows: (string | number | null)[][] = [CSV_HEAD];
  const resultRows = (
    t: ReportTheme,
    item: { id: string; title: string },
    cycles: readonly CycleStatusSummary[],
    extra: {
      trend: string | null;
      messages: number | null;
      practices: number | null;
      steering: number | null;
    },
  ) => {
    const base = [r.agenda.id, t.id, t.title, item.id, item.title];
    const tail = [extra.trend, extra.messages, extra.practices, extra.steering];
    if (cycles.length === 0)
      rows.push([...base, null, null, null, ...UPDATE_STATUSES.map(() => null), null, ...tail, null]);
    for (const c of cycles)
      rows.push([
        ...base,
        c.name,
        localDate(c.closesAt, timeZone),
        c.boards,
        ...UPDATE_STATUSES.map((s) => c.counts[s]),
        c.averageProgress,
        ...tail,
        decisionOf(r.decisions, c.cycleId, item.id),
      ]);
  };
  for (const t of r.themes) {
    for (const a of t.ambitions)
      resultRows(t, { id: a.ambition.id, title: a.ambition.title }, a.cycles, {
        trend: a.trend,
        messages: a.messages.total,
        practices: a.practices.length,
        steering: a.steering.length,
      });
    if (t.actionResults.length && t.id)
      resultRows(t, { id: t.id, title: t.title ?? '' }, t.actionResults, {
        trend: t.actionTrend,
        messages: null,
        practices: null,
        steering: null,
      });
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function renderReport(r: SectorReport, format: ReportFormat, options: RenderOptions = {}): string {
  if (format === 'html') return reportHtml(r, options);
  if (format === 'csv') return reportCsv(r, options);
  return reportMarkdown(r, options);
}
