import { CLI } from '../../../core/access';
import { REGIONS, type Region } from '../../../core/model';
import { t } from '../../../i18n/index';
import { noExtra, parseFlags, subCommand } from '../args';
import { parseBoardsCsv } from '../boards-csv';
import { type CliCommand, UsageError } from '../command';
import { plural, progressReporter, table } from '../format';
import { readCsvFile } from '../read-file';
import { boardHoliday } from './board-holiday';

const FLAGS = { region: { type: 'string' }, 'without-members': { type: 'boolean' } } as const;

export const boardsCommand: CliCommand = {
  name: 'boards',
  usage: [
    'boards import FILE                    register boards from a CSV (naam, bestuursnummer, regio)',
    'boards list [--region R] [--without-members]   the boards with their number of members',
    "boards holiday set DUO NAME FROM TO   a board's own school holiday (e.g. voorjaarsvakantie 2027-02-13 2027-02-21)",
    'boards holiday remove DUO NAME SCHOOLYEAR   removes it again (e.g. voorjaarsvakantie 2026-2027)',
  ],
  async run(argv, ctx) {
    const { values, positionals } = parseFlags('boards', argv, FLAGS);
    const [word, file, ...extra] = positionals;
    const sub = subCommand('boards', word, ['import', 'list', 'holiday'] as const);
    if (sub === 'holiday') return boardHoliday(positionals.slice(1), ctx);
    const { out, locale } = ctx;
    if (sub === 'import') {
      if (values.region !== undefined || values['without-members'])
        throw new UsageError('cli.usage.flagNotHere', {
          command: 'boards import',
          flag: values.region !== undefined ? '--region' : '--without-members',
        });
      if (!file) throw new UsageError('cli.usage.needsFile', { command: 'boards import' });
      noExtra('boards import', extra);
      const boards = parseBoardsCsv(readCsvFile(file, ctx), locale);
      const counts = await ctx.withCore((core) =>
        core.registerBoards(CLI, boards, progressReporter(ctx.note, locale)),
      );
      if (values.json) return out(JSON.stringify({ added: counts.inserted, updated: counts.updated }));
      return out(
        t(locale, 'cli.boards.imported', {
          added: plural(locale, 'cli.n.boards', counts.inserted),
          updated: counts.updated,
        }),
      );
    }
    noExtra(
      'boards list',
      [file, ...extra].filter((x): x is string => Boolean(x)),
    );
    const region = values.region?.trim().toLowerCase();
    if (region !== undefined && !(REGIONS as readonly string[]).includes(region))
      throw new UsageError('cli.usage.region', { value: values.region ?? '' });
    const boards = await ctx.withCore((core) =>
      core.listBoards({ region: region as Region | undefined, withoutMembers: values['without-members'] }),
    );
    if (values.json)
      return out(
        JSON.stringify(
          boards.map((b) => ({ duoNumber: b.duoNumber, name: b.name, region: b.region, members: b.members })),
          null,
          2,
        ),
      );
    if (!boards.length) return out(t(locale, 'cli.boards.none'));
    const col = (k: string) => t(locale, `cli.col.${k}`);
    for (const line of table(
      [col('duo'), col('name'), col('region'), col('members')],
      boards.map((b) => [b.duoNumber, b.name, b.region, String(b.members)]),
    ))
      out(line);
    out('');
    out(plural(locale, 'cli.n.boards', boards.length));
  },
};
