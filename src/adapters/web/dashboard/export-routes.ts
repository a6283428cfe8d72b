import type { Router } from 'express';
import { z } from 'zod';
import { memberDataJson } from '../../../core/discussion';
import { REPORT_FORMATS, type ReportFormat } from '../../../core/discussion/report-formats';
import { localDate, zonedInstant } from '../../../core/time';
import type { DashboardContext } from './context';

/** The downloads: a year's sector report per agenda, and everything stored about the person signed in. */

const schemas = {
  export: z.object({ file: z.string().regex(/^([a-z0-9-]{1,60})\.(csv|md|html)$/) }),
  year: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
};

const TYPES = { csv: 'text/csv', md: 'text/markdown', html: 'text/html' } as const;

export function mountExports(router: Router, c: DashboardContext): void {
  const { core, config } = c;

  router.get('/dashboard/export/:file', async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    const p = schemas.export.safeParse(req.params);
    const q = schemas.year.safeParse(req.query);
    if (!p.success || !q.success) return c.badRequest(req, res, signed, 'export');
    const [, agendaId, ext] = /^(.+)\.(csv|md|html)$/.exec(p.data.file) as RegExpExecArray;
    const format = ext as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) return c.badRequest(req, res, signed, 'format');
    const v = c.viewOf(req, res, signed);
    const year = q.data.year ?? Number(localDate(core.deps.clock.now(), config.timeZone).slice(0, 4));
    try {
      const text = await core.renderReport(
        {
          agendaId: agendaId as string,
          year,
          from: zonedInstant(`${year}-01-01`, '00:00', config.timeZone),
          to: zonedInstant(`${year + 1}-01-01`, '00:00', config.timeZone),
        },
        format,
        { locale: v.locale, timeZone: config.timeZone },
      );
      res.type(`${TYPES[format]}; charset=utf-8`);
      if (format !== 'html') res.attachment(`${agendaId}-${year}.${format}`);
      res.send(text);
    } catch (err) {
      if (!c.refusal(req, res, signed, err)) throw err;
    }
  });

  // Everything stored about the person signed in (mijn-gegevens), as the chat cannot hold a long file.
  router.get('/dashboard/my-data.json', async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    const json = memberDataJson(await core.exportMemberData(signed.member.id));
    res.type('application/json; charset=utf-8').attachment('mijn-gegevens.json').send(json);
  });
}
