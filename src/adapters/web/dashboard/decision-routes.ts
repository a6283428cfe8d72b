import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { Core } from '../../../core/index';
import type { Member } from '../../../core/model';
import { decisionBody, decisionForm, decisionFormState, typedValues, wrongFields } from './decision-form';
import { type Html, html } from './html';
import { page, tr, type View } from './layout';

/** The doors of the dashboard's steering decision: the form's state for the ambition page, and its POST. */

interface Signed {
  member: Member;
  csrf: string;
}

export interface DecisionRouteHelpers {
  core: Core;
  form: RequestHandler;
  signedIn(req: Request, res: Response): Promise<Signed | null>;
  viewOf(req: Request, res: Response, signed: Signed | null): View;
  send(res: Response, status: number, body: Html): void;
  badRequest(req: Request, res: Response, signed: Signed | null, detail: string): void;
  checkCsrf(req: Request, res: Response, signed: Signed): boolean;
  refusal(req: Request, res: Response, signed: Signed, err: unknown): boolean;
}

const params = z.object({
  agenda: z.string().regex(/^[a-z0-9-]{1,60}$/),
  ambition: z.string().regex(/^a\d{1,3}$/),
});
const query = z.object({
  cycle: z.string().min(1).max(100).optional(),
  done: z.literal('decided').optional(),
});

export const ambitionPath = (agendaId: string, ambitionId: string) =>
  `/dashboard/ambitions/${encodeURIComponent(agendaId)}/${encodeURIComponent(ambitionId)}`;

/** The decision section of the ambition page for a coordinator (empty for others or before any close). */
export async function decisionSection(
  core: Core,
  req: Request,
  v: View,
  member: Member,
  agendaId: string,
  ambitionId: string,
): Promise<Html> {
  const q = query.safeParse(req.query);
  const state = await decisionFormState(core, member, agendaId, ambitionId, {
    cycleId: q.success ? q.data.cycle : undefined,
    saved: q.success && q.data.done === 'decided',
    locale: v.locale,
  });
  return state ? decisionForm(v, ambitionPath(agendaId, ambitionId), state) : html``;
}

/** POST /dashboard/ambitions/:agenda/:ambition/decide: the coordinator's decision, through the core. */
export function mountDecisionRoute(router: Router, h: DecisionRouteHelpers): void {
  router.post('/dashboard/ambitions/:agenda/:ambition/decide', h.form, async (req, res) => {
    const signed = await h.signedIn(req, res);
    if (!signed) return;
    const p = params.safeParse(req.params);
    if (!p.success) return h.badRequest(req, res, signed, 'ambition');
    if (!h.checkCsrf(req, res, signed)) return;
    const { agenda, ambition } = p.data;
    const path = ambitionPath(agenda, ambition);
    const body = decisionBody.safeParse(req.body ?? {});
    try {
      if (!body.success) {
        // Nothing is written: the form again with what was typed and what is wrong.
        const v = h.viewOf(req, res, signed);
        const values = typedValues(req.body);
        const state = await decisionFormState(h.core, signed.member, agenda, ambition, {
          cycleId: values.cycleId,
          values,
          errors: wrongFields(body.error),
          locale: v.locale,
        });
        if (!state) return h.badRequest(req, res, signed, 'cycle');
        const { ambition: found } = h.core.agendas.findAmbition(ambition, agenda);
        const title = tr(v, 'dashboard.ambition', { number: found.number, title: found.title });
        return h.send(
          res,
          400,
          page(
            v,
            title,
            html`<p><a href="${path}">${tr(v, 'dashboard.back')}</a></p><h1>${title}</h1>${decisionForm(v, path, state)}`,
          ),
        );
      }
      const d = body.data;
      await h.core.decideSteering(
        { memberId: signed.member.id },
        {
          cycleId: d.cycleId,
          ambitionId: ambition,
          decision: d.decision,
          rationale: d.rationale,
          change: { what: d.changeWhat, who: d.changeWho, by: d.changeBy },
        },
      );
      res.redirect(303, `${path}?done=decided&cycle=${encodeURIComponent(d.cycleId)}#decide`);
    } catch (err) {
      if (!h.refusal(req, res, signed, err)) throw err;
    }
  });
}
