import { loadConfig } from '../../../config';
import { REPORT_FORMATS, type ReportFormat } from '../../../core/discussion/report-formats';
import { zonedInstant } from '../../../core/time';
import { noExtra, parseFlags } from '../args';
import { type CliCommand, UsageError } from '../command';

export const reportCommand: CliCommand = {
  name: 'report',
  usage: [
    'report --agenda ID --year YYYY [--format md|html|csv] [--lang nl|en]   the sector report of a year, on stdout',
  ],
  async run(argv, ctx) {
    const { out, withCore } = ctx;
    const { values, positionals } = parseFlags('report', argv, {
      agenda: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'md' },
    });
    if (!values.agenda) throw new UsageError('report: --agenda is required');
    if (!values.year || !/^\d{4}$/.test(values.year))
      throw new UsageError('report: --year expects a year like 2027');
    const format = values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(`report: --format expects ${REPORT_FORMATS.join(', ')}`);
    noExtra('report', positionals);
    const config = loadConfig();
    const year = Number(values.year);
    const input = {
      agendaId: values.agenda,
      year,
      // The association's calendar year.
      from: zonedInstant(`${year}-01-01`, '00:00', config.timeZone),
      to: zonedInstant(`${year + 1}-01-01`, '00:00', config.timeZone),
    };
    const text = await withCore((core) =>
      core.renderReport(input, format, { locale: ctx.locale, timeZone: config.timeZone }),
    );
    out(text.replace(/\s+$/, ''));
  },
};
