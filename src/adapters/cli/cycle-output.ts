import type { CycleReport } from '../../core/cycle-admin';
import type { Cycle } from '../../core/model';
import { type Locale, t } from '../../i18n/index';
import { localDateTime, percent, plural, shortId, table } from './format';

/** A cycle as scripts see it (`--json`): stable names, no internal ids of boards or people. */
export function cycleJson(c: Cycle) {
  return {
    id: c.id,
    name: c.name,
    agenda: c.agendaId,
    status: c.status,
    scope: c.scope,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    openedAt: c.openedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    audience: { boards: c.audience.boards.length, people: c.audience.members.length },
  };
}

export function reportJson(r: CycleReport) {
  return {
    ...cycleJson(r.cycle),
    asked: r.asked,
    answered: r.answered,
    responseRate: Math.round(r.responseRate * 1000) / 1000,
    byBoard: r.byBoard.map((b) => ({ board: b.board || null, asked: b.asked, answered: b.answered })),
    notAnswered: r.notAnswered,
  };
}

const when = (c: Cycle, tz: string): [string, string] => [
  localDateTime(c.opensAt, tz),
  localDateTime(c.closesAt, tz),
];

export function cycleListLines(cycles: readonly Cycle[], locale: Locale, tz: string): string[] {
  if (!cycles.length) return [t(locale, 'cli.cycle.none')];
  const h = (k: string) => t(locale, `cli.cycle.col.${k}`);
  return table(
    [h('id'), h('status'), h('agenda'), h('name'), h('opens'), h('closes')],
    cycles.map((c) => [
      shortId(c.id),
      t(locale, `cli.status.${c.status}`),
      c.agendaId,
      c.name,
      ...when(c, tz),
    ]),
  );
}

/** One cycle in a few lines: what `cycle plan` and `cycle close` answer. */
export function cycleLines(c: Cycle, locale: Locale, tz: string): string[] {
  const [opens, closes] = when(c, tz);
  return [
    t(locale, 'cli.cycle.title', { name: c.name, id: shortId(c.id), agenda: c.agendaId }),
    t(locale, 'cli.cycle.when', { status: t(locale, `cli.status.${c.status}`), opens, closes, tz }),
    t(locale, 'cli.cycle.scope', {
      items: plural(locale, 'cli.n.items', c.scope.length),
      boards: plural(locale, 'cli.n.boards', c.audience.boards.length),
      people: plural(locale, 'cli.n.people', c.audience.members.length),
    }),
  ];
}

/**
 * `cycle status`: the cycle, the response per board, then who has not answered. Each section is a block
 * of lines separated by an empty line; a new section (such as who cannot be reached) is one more entry.
 */
export function reportSections(r: CycleReport, locale: Locale, tz: string): string[][] {
  const sections: string[][] = [
    [
      ...cycleLines(r.cycle, locale, tz),
      t(locale, 'cli.report.response', {
        answered: r.answered,
        asked: r.asked,
        rate: percent(r.responseRate, locale),
      }),
    ],
  ];
  if (r.byBoard.length)
    sections.push(
      table(
        [
          t(locale, 'cli.col.board'),
          t(locale, 'cli.col.asked'),
          t(locale, 'cli.col.answered'),
          t(locale, 'cli.col.rate'),
        ],
        r.byBoard.map((b) => [
          b.board || t(locale, 'cli.report.noBoard'),
          String(b.asked),
          String(b.answered),
          percent(b.asked ? b.answered / b.asked : 0, locale),
        ]),
      ),
    );
  if (r.asked === 0) sections.push([t(locale, 'cli.report.nobodyAsked')]);
  else if (!r.notAnswered.length) sections.push([t(locale, 'cli.report.allAnswered')]);
  else
    sections.push([
      t(locale, 'cli.report.waiting', { n: r.notAnswered.length }),
      ...table(
        [t(locale, 'cli.col.name'), t(locale, 'cli.col.board'), t(locale, 'cli.col.reminders')],
        r.notAnswered.map((p) => [
          p.unreachable ? `${p.name} (${t(locale, 'cli.report.unreachable')})` : p.name,
          p.board ?? t(locale, 'cli.report.noBoard'),
          String(p.reminders),
        ]),
      ),
    ]);
  return sections;
}

export const joinSections = (sections: readonly string[][]) => sections.map((s) => s.join('\n')).join('\n\n');
