import fs from 'node:fs';
import { loadConfig } from '../../../config';
import { scopeItems } from '../../../core/agenda/model';
import { t } from '../../../i18n/index';
import { loadAgendaFile, loadAgendas } from '../../../store/agenda-files';
import {
  bundledAgenda,
  importedAgendaFile,
  keepVersion,
  listVersions,
  writeImported,
} from '../../../store/agenda-versions';
import { agendaLines } from '../agenda-output';
import { noExtra, parseFlags, subCommand } from '../args';
import { type CliCommand, CliRefusal, UsageError } from '../command';
import { localDateTime, plural, table } from '../format';

const SUBS = ['list', 'validate', 'import', 'remove', 'versions'] as const;

export const agendaCommand: CliCommand = {
  name: 'agenda',
  usage: [
    'agenda list [--json]                  the agendas with their themes, ambitions and actions',
    'agenda validate FILE                  check an agenda file',
    'agenda import FILE [--replace]        check an agenda file and add it (--replace: an existing id, kept as a version)',
    'agenda remove ID                      remove an imported agenda (kept as a version)',
    'agenda versions ID                    the kept versions of an agenda',
  ],
  async run(argv, ctx) {
    const { values, positionals } = parseFlags('agenda', argv, { replace: { type: 'boolean' } });
    const [word, arg, ...extra] = positionals;
    const sub = subCommand('agenda', word, SUBS);
    const { out, locale } = ctx;
    const config = loadConfig();
    if (values.replace && sub !== 'import')
      throw new UsageError('cli.usage.flagNotHere', { command: `agenda ${sub}`, flag: '--replace' });
    if (sub === 'list') {
      noExtra(
        'agenda list',
        [arg, ...extra].filter((x): x is string => Boolean(x)),
      );
      // Agendas are files: listing needs no database, so it also works while the server runs.
      const agendas = loadAgendas(config.agendaFiles, config.dataDir);
      if (values.json) return out(JSON.stringify(agendas, null, 2));
      agendas.forEach((a, i) => {
        if (i) out('');
        for (const line of agendaLines(a, locale)) out(line);
      });
      return;
    }
    if (!arg)
      throw new UsageError(
        sub === 'validate' || sub === 'import' ? 'cli.usage.needsFile' : 'cli.usage.required',
        { command: `agenda ${sub}`, flag: 'ID' },
      );
    noExtra(`agenda ${sub}`, extra);
    if (sub === 'validate') {
      const a = loadAgendaFile(arg);
      const counts = {
        themes: plural(locale, 'cli.n.themes', a.themes.length),
        ambitions: plural(locale, 'cli.n.ambitions', a.ambitions.length),
      };
      return out(
        values.json
          ? JSON.stringify({ file: arg, id: a.id, ok: true })
          : t(locale, 'cli.agenda.validated', { file: arg, id: a.id, ...counts }),
      );
    }
    if (sub === 'versions') {
      const versions = listVersions(config.dataDir, arg);
      if (values.json)
        return out(
          JSON.stringify(
            versions.map((v) => ({
              version: v.version,
              ambitions: v.agenda.ambitions.length,
              items: scopeItems(v.agenda).length,
            })),
            null,
            2,
          ),
        );
      if (!versions.length) return out(t(locale, 'cli.agenda.noVersions', { id: arg }));
      const col = (k: string) => t(locale, `cli.col.${k}`);
      for (const line of table(
        [col('version'), col('saved'), col('items')],
        versions.map((v) => [
          v.version,
          localDateTime(fs.statSync(v.file).mtime, config.timeZone),
          String(scopeItems(v.agenda).length),
        ]),
      ))
        out(line);
      return;
    }
    if (!fs.existsSync(arg) && sub === 'import')
      throw new UsageError('cli.file.missing', { file: arg, dir: process.cwd() });
    const current = loadAgendas(config.agendaFiles, config.dataDir);
    if (sub === 'import') {
      const agenda = loadAgendaFile(arg);
      const previous = current.find((a) => a.id === agenda.id);
      if (previous && !values.replace) throw new CliRefusal('error.AGENDA_PROTECTED', { agenda: agenda.id });
      // Only a replacement needs the database: to look at the cycles that use the agenda.
      const version = previous
        ? await ctx.withCore(async (core) => {
            await core.refuseIfAgendaInUse(agenda.id, agenda);
            return keepVersion(config.dataDir, previous, core.deps.clock.now());
          })
        : null;
      writeImported(config.dataDir, agenda);
      if (values.json) return out(JSON.stringify({ id: agenda.id, imported: true, keptVersion: version }));
      const ambitions = plural(locale, 'cli.n.ambitions', agenda.ambitions.length);
      return out(
        version
          ? t(locale, 'cli.agenda.replaced', { id: agenda.id, ambitions, version })
          : t(locale, 'cli.agenda.imported', { id: agenda.id, ambitions }),
      );
    }
    // remove: only an imported agenda; a bundled one of the same id comes back in its place.
    const file = importedAgendaFile(config.dataDir, arg);
    const agenda = current.find((a) => a.id === arg);
    if (!file || !agenda) throw new CliRefusal('cli.agenda.notImported', { id: arg });
    const version = await ctx.withCore(async (core) => {
      await core.refuseIfAgendaInUse(arg, bundledAgenda(arg));
      return keepVersion(config.dataDir, agenda, core.deps.clock.now());
    });
    fs.rmSync(file);
    out(
      values.json
        ? JSON.stringify({ id: arg, removed: true, keptVersion: version })
        : t(locale, 'cli.agenda.removed', { id: arg, version }),
    );
  },
};
