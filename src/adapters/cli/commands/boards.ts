import { CLI } from '../../../core/access';
import { MAX_IMPORT_BYTES, readImportFile } from '../../../store/import-file';
import { parseBoardsCsv } from '../boards-csv';
import { type CliCommand, UsageError } from '../command';

export const boardsCommand: CliCommand = {
  name: 'boards',
  usage: ['boards import FILE                    register boards from a CSV (naam, bestuursnummer, regio)'],
  async run([sub, file], { out, withCore }) {
    if (sub !== 'import') throw new UsageError(`boards ${sub ?? ''}: unknown`);
    if (!file) throw new UsageError('boards import: name the FILE');
    const boards = parseBoardsCsv(readImportFile(file, MAX_IMPORT_BYTES.csv, 'BOARDS_CSV_INVALID'));
    const counts = await withCore((core) => core.registerBoards(CLI, boards));
    out(`${counts.inserted} boards added, ${counts.updated} updated`);
  },
};
