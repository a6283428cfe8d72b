import type { Router } from 'express';
import { z } from 'zod';
import { isCoordinator } from '../../../core/access';
import { t } from '../../../i18n/index';
import { cardPreviews, cardsPage } from './cards-page';
import type { DashboardContext } from './context';
import { decisionSection } from './decision-routes';
import { ambitionPage, cyclePage } from './detail-pages';
import { overviewPage } from './overview-page';

/**
 * The pages: the overview of an agenda, an ambition, a cycle with its reminder and close buttons, and the
 * cards the bot sends.
 */

const id = z.string().regex(/^[a-z0-9-]{1,60}$/);
const schemas = {
  overview: z.object({ agenda: id.optional() }),
  ambition: z.object({ agenda: id, ambition: z.string().regex(/^a\d{1,3}$/) }),
  cycle: z.object({ id: z.string().min(1).max(100) }),
  cycleFlash: z.object({
    done: z.enum(['reminded', 'closed']).optional(),
    queued: z.coerce.number().int().min(0).optional(),
    atMaximum: z.coerce.number().int().min(0).optional(),
    tooLate: z.coerce.number().int().min(0).optional(),
  }),
};

export function mountPages(router: Router, c: DashboardContext): void {
  const { core } = c;

  router.get('/dashboard', async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    const q = schemas.overview.safeParse(req.query);
    if (!q.success) return c.badRequest(req, res, signed, 'agenda');
    const agendas = core.agendas.agendas;
    const chosen = agendas.find((a) => a.id === q.data.agenda) ?? agendas[0];
    if (!chosen) return c.badRequest(req, res, signed, 'agenda');
    if (q.data.agenda && chosen.id !== q.data.agenda) return c.badRequest(req, res, signed, 'agenda');
    const v = c.viewOf(req, res, signed);
    const data = await core.dashboardOverview(signed.member.id, chosen.id);
    c.send(
      res,
      200,
      overviewPage(
        v,
        agendas.map((a) => ({ id: a.id, name: a.name })),
        data,
      ),
    );
  });

  router.get('/dashboard/ambitions/:agenda/:ambition', async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    const p = schemas.ambition.safeParse(req.params);
    if (!p.success) return c.badRequest(req, res, signed, 'ambition');
    const v = c.viewOf(req, res, signed);
    try {
      const now = core.deps.clock.now();
      const summary = await core.summarise(
        { memberId: signed.member.id },
        {
          agendaId: p.data.agenda,
          ambition: p.data.ambition,
          from: new Date(now.getTime() - 365 * 86_400_000),
          to: now,
          visibility: 'private',
          locale: v.locale,
        },
      );
      const decisions = await core.ambitionDecisions(summary.agenda.id, summary.ambition.id);
      const decide = await decisionSection(
        core,
        req,
        v,
        signed.member,
        summary.agenda.id,
        summary.ambition.id,
      );
      // Matches made are for the coordinators; a board member sees the page without them.
      const matches = isCoordinator(signed.member)
        ? await core.peerMatches({ memberId: signed.member.id }, summary.agenda.id, summary.ambition.id)
        : null;
      const corrected = req.query.corrected === '1';
      const ambitions = core.agendas.get(summary.agenda.id).ambitions;
      c.send(
        res,
        200,
        ambitionPage(v, summary, { decisions, decide, matches, correcting: { ambitions, corrected } }),
      );
    } catch (err) {
      if (!c.refusal(req, res, signed, err)) throw err;
    }
  });

  router.get('/dashboard/cycles/:id', async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    const p = schemas.cycle.safeParse(req.params);
    const q = schemas.cycleFlash.safeParse(req.query);
    if (!p.success || !q.success) return c.badRequest(req, res, signed, 'cycle');
    if (!c.coordinatorOnly(req, res, signed)) return;
    const v = c.viewOf(req, res, signed);
    const actor = { memberId: signed.member.id };
    try {
      const detail = await core.cycleAnswers(actor, p.data.id);
      const f = q.data;
      const flash =
        f.done === 'reminded'
          ? t(v.locale, 'dashboard.cycle.reminded', {
              queued: f.queued ?? 0,
              atMaximum: f.atMaximum ?? 0,
              tooLate: f.tooLate ?? 0,
            })
          : f.done === 'closed'
            ? t(v.locale, 'dashboard.cycle.closedNow')
            : null;
      const requests = await core.cycleSteeringRequests(actor, detail.cycle.id);
      c.send(res, 200, cyclePage(v, detail, flash, requests));
    } catch (err) {
      if (!c.refusal(req, res, signed, err)) throw err;
    }
  });

  router.post('/dashboard/cycles/:id/:action', c.form, async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    const p = schemas.cycle.safeParse(req.params);
    const action = req.params.action;
    if (!p.success || (action !== 'remind' && action !== 'close'))
      return c.badRequest(req, res, signed, 'cycle');
    if (!c.checkCsrf(req, res, signed)) return;
    const actor = { memberId: signed.member.id };
    const base = `/dashboard/cycles/${encodeURIComponent(p.data.id)}`;
    try {
      if (action === 'remind') {
        const r = await core.remindNow(actor, p.data.id);
        res.redirect(
          303,
          `${base}?done=reminded&queued=${r.queued}&atMaximum=${r.atMaximum}&tooLate=${r.tooLate}`,
        );
      } else {
        await core.closeCycle(actor, p.data.id);
        res.redirect(303, `${base}?done=closed`);
      }
    } catch (err) {
      if (!c.refusal(req, res, signed, err)) throw err;
    }
  });

  router.get('/dashboard/cards', async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    if (!c.coordinatorOnly(req, res, signed)) return;
    const v = c.viewOf(req, res, signed);
    c.send(res, 200, cardsPage(v, cardPreviews(v.locale)));
  });
}
