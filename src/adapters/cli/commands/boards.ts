import { CLI } from '../../../core/access';
import { MAX_IMPORT_BYTES, readImportFile } from '../../../store/import-file';
import { parseHolidayRemove, parseHolidaySet } from '../../chat/board-holiday';
import { parseBoardsCsv } from '../boards-csv';
import { type CliCommand, type CliContext, UsageError } from '../command';

const HOLIDAY_USAGE = 'boards holiday set DUO NAME FROM TO | boards holiday remove DUO NAME SCHOOLYEAR';

/** `boards holiday set|remove …`: a board's own school holiday, replacing its region's of that name. */
async function holiday([action, ...words]: string[], { out, withCore }: CliContext) {
  if (action === 'set') {
    const what = parseHolidaySet(words);
    if (!what) throw new UsageError(`boards holiday set: expected DUO NAME FROM TO (${HOLIDAY_USAGE})`);
    await withCore(async (core) => {
      const board = await core.findBoardByDuo(what.duo);
      if (!board) throw new UsageError(`boards holiday: no board with DUO number ${what.duo}`);
      await core.setBoardHoliday(CLI, board.id, what.holiday);
      const h = what.holiday;
      out(`${board.name}: ${h.name} ${h.schoolYear} from ${h.from} to ${h.to}`);
    });
    return;
  }
  if (action === 'remove') {
    const what = parseHolidayRemove(words);
    if (!what) throw new UsageError(`boards holiday remove: expected DUO NAME SCHOOLYEAR (${HOLIDAY_USAGE})`);
    await withCore(async (core) => {
      const board = await core.findBoardByDuo(what.duo);
      if (!board) throw new UsageError(`boards holiday: no board with DUO number ${what.duo}`);
      const removed = await core.removeBoardHoliday(CLI, board.id, what.schoolYear, what.name);
      out(
        removed
          ? `${board.name}: ${what.name} ${what.schoolYear} removed`
          : `${board.name}: no own ${what.name} in ${what.schoolYear}`,
      );
    });
    return;
  }
  throw new UsageError(`boards holiday ${action ?? ''}: unknown (${HOLIDAY_USAGE})`);
}

export const boardsCommand: CliCommand = {
  name: 'boards',
  usage: [
    'boards import FILE                    register boards from a CSV (naam, bestuursnummer, regio)',
    "boards holiday set DUO NAME FROM TO   a board's own school holiday (e.g. voorjaarsvakantie 2027-02-13 2027-02-21)",
    'boards holiday remove DUO NAME SCHOOLYEAR',
  ],
  async run([sub, ...rest], ctx) {
    if (sub === 'holiday') return holiday(rest, ctx);
    const [file] = rest;
    if (sub !== 'import') throw new UsageError(`boards ${sub ?? ''}: unknown`);
    if (!file) throw new UsageError('boards import: name the FILE');
    const boards = parseBoardsCsv(readImportFile(file, MAX_IMPORT_BYTES.csv, 'BOARDS_CSV_INVALID'));
    const counts = await ctx.withCore((core) => core.registerBoards(CLI, boards));
    ctx.out(`${counts.inserted} boards added, ${counts.updated} updated`);
  },
};
