import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config';
import { CLI } from '../../../core/access';
import { zonedInstant } from '../../../core/time';
import { MAX_IMPORT_BYTES, readImportFile } from '../../../store/import-file';
import { type CliCommand, splitList, UsageError } from '../command';
import { coverageJson } from '../coverage';
import { parseMembersCsv } from '../members-csv';

export const cycleCommand: CliCommand = {
  name: 'cycle',
  usage: [
    'cycle plan --agenda ID --name NAME --opens YYYY-MM-DD --closes YYYY-MM-DD [--ambitions a1,a2] [--boards DUO,DUO]',
    '           [--members FILE]       the audience: boards, and/or members from a CSV (platform, workspace, user_id, name)',
    'cycle list | cycle status ID | cycle remind ID | cycle close ID',
  ],
  async run(argv, { out, withCore }) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        agenda: { type: 'string' },
        name: { type: 'string' },
        opens: { type: 'string' },
        closes: { type: 'string' },
        ambitions: { type: 'string' },
        boards: { type: 'string' },
        members: { type: 'string' },
      },
    });
    const [sub, id] = positionals;
    const config = loadConfig();
    const required = (name: keyof typeof values) => {
      const v = values[name];
      if (!v) throw new UsageError(`cycle ${sub}: --${name} is required`);
      return v;
    };
    const date = (name: 'opens' | 'closes') => {
      const v = required(name);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${name}: expected a date like 2027-03-01`);
      return v;
    };
    // The file is read and checked before the database is opened: a bad row costs nothing.
    const audienceFile =
      sub === 'plan' && values.members
        ? parseMembersCsv(readImportFile(values.members, MAX_IMPORT_BYTES.csv, 'MEMBERS_CSV_INVALID'))
        : [];
    await withCore(async (core) => {
      if (sub === 'plan') {
        const boards = [];
        for (const duo of splitList(values.boards)) {
          const board = await core.deps.store.repos.boards.findByDuo(duo);
          if (!board) throw new UsageError(`--boards: no board with DUO number ${duo}`);
          boards.push(board.id);
        }
        const cycle = await core.planCycle(CLI, {
          agendaId: required('agenda'),
          name: required('name'),
          scope: splitList(values.ambitions),
          audience: {
            boards,
            members: audienceFile.length
              ? (await core.enrolAudience(CLI, audienceFile, `csv:${values.members}`)).map((m) => m.id)
              : [],
          },
          opensAt: zonedInstant(date('opens'), '00:00', config.timeZone),
          // Open through the whole closing day.
          closesAt: zonedInstant(date('closes'), '23:59', config.timeZone),
        });
        const coverage = coverageJson(await core.cycleCoverage(CLI, cycle.id));
        return out(JSON.stringify({ ...cycle, coverage }, null, 2));
      }
      if (sub === 'list') {
        for (const c of await core.listCycles())
          out(
            `${c.id}  ${c.status.padEnd(9)}  ${c.agendaId}  ${c.name}  ${c.opensAt.toISOString()} → ${c.closesAt.toISOString()}`,
          );
        return;
      }
      if (!id) throw new UsageError(`cycle ${sub ?? ''}: name the cycle ID`);
      if (sub === 'status') {
        const p = await core.cycleProgress(CLI, id);
        const summary = {
          ...p.cycle,
          checkIns: p.checkIns.length,
          answered: p.answered,
          responseRate: p.responseRate,
          coverage: coverageJson(await core.cycleCoverage(CLI, id)),
        };
        return out(JSON.stringify(summary, null, 2));
      }
      if (sub === 'close') return out(JSON.stringify(await core.closeCycle(CLI, id), null, 2));
      if (sub === 'remind') {
        const r = await core.remindNow(CLI, id);
        return out(
          `${r.queued} reminders queued; ${r.atMaximum} had the maximum already; ${r.tooLate} cannot be reached before closing`,
        );
      }
      throw new UsageError(`cycle ${sub ?? ''}: unknown`);
    });
  },
};
