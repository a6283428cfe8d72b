import { loadConfig } from '../../../config';
import { CLI } from '../../../core/access';
import { zonedInstant } from '../../../core/time';
import { t } from '../../../i18n/index';
import { coverageText } from '../../chat/coverage-text';
import { parseFlags, subCommand } from '../args';
import { type CliCommand, type CliContext, splitList, UsageError } from '../command';
import { coverageJson } from '../coverage';
import {
  cycleJson,
  cycleLines,
  cycleListLines,
  joinSections,
  reportJson,
  reportSections,
} from '../cycle-output';
import { calendarDate, isPast } from '../dates';
import { plural } from '../format';
import { parseMembersCsv } from '../members-csv';
import { readCsvFile } from '../read-file';

const FLAGS = {
  agenda: { type: 'string' },
  name: { type: 'string' },
  opens: { type: 'string' },
  closes: { type: 'string' },
  ambitions: { type: 'string' },
  boards: { type: 'string' },
  members: { type: 'string' },
} as const;

const SUBS = ['plan', 'list', 'status', 'remind', 'close'] as const;

export const cycleCommand: CliCommand = {
  name: 'cycle',
  usage: [
    'cycle plan --agenda ID --name NAME --opens YYYY-MM-DD --closes YYYY-MM-DD [--ambitions a1,a2] [--boards DUO,DUO]',
    '           [--members FILE]       the audience: boards, and/or members from a CSV (platform, workspace, user_id, name)',
    'cycle list | cycle status ID | cycle remind ID | cycle close ID   (ID: the first characters are enough)',
  ],
  async run(argv, ctx) {
    const { values, positionals } = parseFlags('cycle', argv, FLAGS);
    const [word, id, ...extra] = positionals;
    const sub = subCommand('cycle', word, SUBS);
    const planOnly = Object.keys(FLAGS).filter((f) => values[f as keyof typeof FLAGS] !== undefined);
    if (sub !== 'plan' && planOnly.length)
      throw new UsageError('cli.usage.flagNotHere', { command: `cycle ${sub}`, flag: `--${planOnly[0]}` });
    if (sub === 'plan') return plan(values, [id, ...extra].filter(Boolean) as string[], ctx);
    const json = Boolean(values.json);
    const tz = loadConfig().timeZone;
    const { out, locale } = ctx;
    if (sub === 'list') {
      if (id) throw new UsageError('cli.usage.extra', { command: 'cycle list', extra: id });
      const cycles = await ctx.withCore((core) => core.listCycles());
      if (json) return out(JSON.stringify(cycles.map(cycleJson), null, 2));
      for (const line of cycleListLines(cycles, locale, tz)) out(line);
      return;
    }
    if (!id) throw new UsageError('cli.usage.needsId', { command: `cycle ${sub}` });
    if (extra.length)
      throw new UsageError('cli.usage.extra', { command: `cycle ${sub}`, extra: extra.join(' ') });
    await ctx.withCore(async (core) => {
      if (sub === 'status') {
        const report = await core.cycleReport(CLI, id);
        const coverage = await core.cycleCoverage(CLI, report.cycle.id);
        return out(
          json
            ? JSON.stringify({ ...reportJson(report), coverage: coverageJson(coverage) }, null, 2)
            : joinSections([
                ...reportSections(report, locale, tz),
                [coverageText(coverage, locale, (name) => name).trimEnd()],
              ]),
        );
      }
      const cycle = await core.findCycle(id);
      if (sub === 'close') {
        const closed = await core.closeCycle(CLI, cycle.id);
        return out(
          json ? JSON.stringify(cycleJson(closed), null, 2) : cycleLines(closed, locale, tz).join('\n'),
        );
      }
      const r = await core.remindNow(CLI, cycle.id);
      out(
        json
          ? JSON.stringify(r)
          : t(locale, 'cli.remind.done', { ...r, queued: plural(locale, 'cli.n.reminders', r.queued) }),
      );
    });
  },
};

async function plan(values: Record<string, string | boolean | undefined>, extra: string[], ctx: CliContext) {
  if (extra.length)
    throw new UsageError('cli.usage.extra', { command: 'cycle plan', extra: extra.join(' ') });
  const required = (name: string) => {
    const v = values[name];
    if (typeof v !== 'string' || !v.trim())
      throw new UsageError('cli.usage.required', { command: 'cycle plan', flag: `--${name}` });
    return v;
  };
  const agendaId = required('agenda');
  const name = required('name');
  const opens = calendarDate('opens', required('opens'));
  const closes = calendarDate('closes', required('closes'));
  if (closes < opens) throw new UsageError('cli.date.order', { opens, closes });
  const tz = loadConfig().timeZone;
  // The file is read and checked before the database is opened: a bad row costs nothing.
  const membersFile = values.members as string | undefined;
  const people = membersFile ? parseMembersCsv(readCsvFile(membersFile, ctx), ctx.locale) : [];
  const { cycle, coverage } = await ctx.withCore(async (core) => {
    if (isPast(opens, core.deps.clock.now(), tz)) ctx.note(t(ctx.locale, 'cli.date.past', { date: opens }));
    const planned = await core.planCycleWithAudience(CLI, {
      agendaId,
      name,
      scope: splitList(values.ambitions as string | undefined),
      boardDuos: splitList(values.boards as string | undefined),
      people,
      source: `csv:${membersFile ?? ''}`,
      opensAt: zonedInstant(opens, '00:00', tz),
      // Open through the whole closing day.
      closesAt: zonedInstant(closes, '23:59', tz),
    });
    return { cycle: planned, coverage: await core.cycleCoverage(CLI, planned.id) };
  });
  if (values.json)
    return ctx.out(JSON.stringify({ ...cycleJson(cycle), coverage: coverageJson(coverage) }, null, 2));
  ctx.out(
    joinSections([
      cycleLines(cycle, ctx.locale, tz),
      [coverageText(coverage, ctx.locale, (name) => name).trimEnd()],
    ]),
  );
}
