import { CLI } from '../../../core/access';
import { t } from '../../../i18n/index';
import { parseHolidayRemove, parseHolidaySet } from '../../chat/board-holiday';
import { type CliContext, CliRefusal, UsageError } from '../command';

/** `boards holiday set|remove …`: a board's own school holiday, replacing its region's of that name. */
export async function boardHoliday([action, ...words]: string[], ctx: CliContext) {
  const { out, locale } = ctx;
  if (action !== 'set' && action !== 'remove')
    throw new UsageError('cli.usage.unknownSub', {
      command: 'boards holiday',
      word: action ?? '',
      known: 'set, remove',
    });
  const what = action === 'set' ? parseHolidaySet(words) : parseHolidayRemove(words);
  if (!what) throw new UsageError(`cli.holiday.usage.${action}`);
  await ctx.withCore(async (core) => {
    const board = await core.findBoardByDuo(what.duo);
    if (!board) throw new CliRefusal('cli.holiday.noBoard', { duo: what.duo });
    if ('holiday' in what) {
      await core.setBoardHoliday(CLI, board.id, what.holiday);
      const h = what.holiday;
      return out(t(locale, 'cli.holiday.set', { board: board.name, ...h }));
    }
    const removed = await core.removeBoardHoliday(CLI, board.id, what.schoolYear, what.name);
    const params = { board: board.name, name: what.name, schoolYear: what.schoolYear };
    out(t(locale, removed ? 'cli.holiday.removed' : 'cli.holiday.notFound', params));
  });
}
