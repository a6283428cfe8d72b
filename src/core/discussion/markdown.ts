import { UPDATE_STATUSES } from '../model';
import {
  formatDate,
  labels,
  lastDay,
  type RenderOptions,
  SOURCE_LABELS,
  STATUS_LABELS,
  TREND_LABELS,
} from './labels';
import {
  type AmbitionSummary,
  type CycleStatusSummary,
  KEY_POINT_SOURCES,
  type KeyPoint,
  type Trend,
} from './summary';

/** The first sentence of a text, at most about a line long. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = /^.+?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return first.length <= max ? first : `${first.slice(0, max - 1).trimEnd()}…`;
}

/** "3 besturen noemen: …" when more than one board said it, else the point itself. */
export function keyPointText(p: KeyPoint, options: RenderOptions = {}): string {
  const l = labels(options.locale);
  return p.boards > 1 ? `${l.boardsMention.replace('{n}', String(p.boards))}: ${p.text}` : p.text;
}

/** A key point on one plain line, for a card: "3 besturen noemen: … (Stichting A, 5 maart 2027; …)". */
export function keyPointLine(p: KeyPoint, options: RenderOptions = {}): string {
  return `${keyPointText(p, options)} (${keyPointSources(p, options, false, (t) => t)})`;
}

/** Where a key point was said: board and date of the first sources, the rest counted. */
export function keyPointSources(
  p: KeyPoint,
  options: RenderOptions = {},
  withLinks = false,
  quote: (text: string) => string = md,
): string {
  const l = labels(options.locale);
  const shown = p.sources
    .slice(0, KEY_POINT_SOURCES)
    .map((s) =>
      [
        s.boardName ? quote(s.boardName) : null,
        formatDate(s.postedAt, options),
        withLinks ? `[${l.message}](${s.link})` : null,
      ]
        .filter(Boolean)
        .join(', '),
    );
  const more = p.messages - shown.length;
  return [...shown, ...(more > 0 ? [l.andMore.replace('{n}', String(more))] : [])].join('; ');
}

/** People's words inside Markdown: on one line, with the characters that would format escaped. */
export function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

function table(head: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** The status per cycle as a table, with the trend under it. */
export function cyclesMarkdown(
  cycles: readonly CycleStatusSummary[],
  trend: Trend | null,
  options: RenderOptions = {},
): string[] {
  const locale = options.locale ?? 'nl';
  const l = labels(locale);
  return [
    ...table(
      [l.cycle, l.boards, ...UPDATE_STATUSES.map((st) => STATUS_LABELS[locale][st]), l.averageProgress],
      cycles.map((c) => [
        `${md(c.name)} (${formatDate(c.closesAt, options)})`,
        c.boards,
        ...UPDATE_STATUSES.map((st) => c.counts[st]),
        c.averageProgress === null ? '–' : `${c.averageProgress}%`,
      ]),
    ),
    ...(trend ? ['', `${l.trend}: **${TREND_LABELS[locale][trend]}**`] : []),
  ];
}

/** The body of a summary (everything below its title), for the summary itself, digests and the report. */
export function summarySections(s: AmbitionSummary, options: RenderOptions = {}, headingLevel = 2): string[] {
  const locale = options.locale ?? 'nl';
  const l = labels(locale);
  const h = '#'.repeat(headingLevel);
  const date = (d: Date) => formatDate(d, options);
  const out: string[] = [];

  out.push(`${h} ${l.keyPoints}`, '');
  if (s.keyPoints.length === 0) out.push(l.noKeyPoints);
  for (const p of s.keyPoints)
    out.push(`- ${md(keyPointText(p, options))} _(${keyPointSources(p, options, true)})_`);

  if (s.openQuestions.length) {
    out.push('', `${h} ${l.openQuestions}`, '');
    for (const q of s.openQuestions) out.push(`- ${md(q.text)} _(${date(q.source.postedAt)})_`);
  }

  if (s.practices.length) {
    out.push('', `${h} ${l.practices}`, '');
    for (const p of s.practices)
      out.push(
        `- **${md(p.title)}**${p.boardName ? ` (${md(p.boardName)})` : ''}: ${md(oneLine(p.description))}`,
      );
  }

  if (s.participation.messages) {
    out.push('', `${h} ${l.participation}`, '');
    const head = [l.board, l.messages, l.people, ...(s.participation.namesShown ? [l.names] : [])];
    out.push(
      ...table(
        head,
        s.participation.boards.map((b) => [
          md(b.boardName ?? l.noBoard),
          b.messages,
          b.members,
          ...(s.participation.namesShown ? [(b.names ?? []).map(md).join(', ')] : []),
        ]),
      ),
    );
  }

  if (s.cycles.length)
    out.push('', `${h} ${l.statusPerCycle}`, '', ...cyclesMarkdown(s.cycles, s.trend, options));

  if (s.steering.length) {
    out.push('', `${h} ${l.steering}`, '');
    for (const sig of s.steering)
      out.push(
        `- **${md(sig.itemId)}** ${md(sig.itemTitle)} (${STATUS_LABELS[locale][sig.status]}, ${md(sig.boardName ?? l.aBoard)}): ${md(sig.explanation || '–')}`,
      );
  }
  return out;
}

/** A summary as a Markdown document (the dashboard's download; the card shows the same object). */
export function summaryMarkdown(s: AmbitionSummary, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'nl';
  const l = labels(locale);
  const sources = Object.entries(s.messages.bySource)
    .filter(([, n]) => n > 0)
    .map(([source, n]) => `${SOURCE_LABELS[locale][source as keyof typeof s.messages.bySource]} ${n}`)
    .join(', ');
  return [
    `# ${l.summary} ${l.ambition.toLowerCase()} ${s.ambition.number}: ${md(s.ambition.title)}`,
    '',
    [
      md(s.agenda.association),
      s.theme ? md(s.theme.title) : null,
      `${formatDate(s.period.from, options)} ${l.until} ${formatDate(lastDay(s.period.to), options)}`,
      `${s.messages.total} ${l.messages}`,
    ]
      .filter(Boolean)
      .join(' · '),
    '',
    ...summarySections(s, options),
    '',
    `_${l.madeBy} ${s.keyPointsBy === 'llm' ? l.byLlm : l.byExtractive}.${sources ? ` ${l.linkedBy}: ${sources}.` : ''}_`,
    '',
  ].join('\n');
}
