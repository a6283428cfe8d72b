import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { isCoordinator } from '../../../core/access';
import type { Ambition } from '../../../core/agenda/model';
import type { Core } from '../../../core/index';
import type { Member } from '../../../core/model';
import { type Html, html } from './html';
import { tr, type View } from './layout';

/**
 * Correcting a message's ambitions on the ambition page: under a key point or open question a
 * coordinator opens the form, chooses the ambitions the message is about and saves. The core stores
 * them as manual links (the classifier learns them) and checks the role; the form carries the session's
 * CSRF token like the dashboard's other forms.
 */

const messageId = z.string().min(1).max(100);
const ambitionId = z.string().regex(/^a\d{1,3}$/);
const schemas = {
  params: z.object({ id: messageId }),
  body: z.object({
    agenda: z.string().regex(/^[a-z0-9-]{1,60}$/),
    back: ambitionId,
    ambitions: z.union([ambitionId, z.array(ambitionId).min(1).max(20)]),
  }),
};

/** The correction form for one message, shown to coordinators only. */
export function correctionForm(
  v: View,
  target: { agendaId: string; ambitionId: string; messageId: string },
  ambitions: readonly Pick<Ambition, 'id' | 'number' | 'title'>[],
): Html {
  if (!v.member || !isCoordinator(v.member) || !v.csrf) return html``;
  const action = `/dashboard/messages/${encodeURIComponent(target.messageId)}/ambitions`;
  return html`<details class="correction"><summary>${tr(v, 'dashboard.correct.open')}</summary>
<form method="post" action="${action}"><input type="hidden" name="csrf" value="${v.csrf}"><input type="hidden" name="agenda" value="${target.agendaId}"><input type="hidden" name="back" value="${target.ambitionId}">
<label>${tr(v, 'dashboard.correct.label')} <select name="ambitions" multiple size="5">${ambitions.map(
    (a) =>
      html`<option value="${a.id}"${a.id === target.ambitionId ? html` selected` : ''}>${a.number}. ${a.title}</option>`,
  )}</select></label>
<button type="submit">${tr(v, 'dashboard.correct.save')}</button></form></details>`;
}

interface Helpers<S extends { member: Member }> {
  core: Core;
  form: RequestHandler;
  signedIn(req: Request, res: Response): Promise<S | null>;
  checkCsrf(req: Request, res: Response, signed: S): boolean;
  badRequest(req: Request, res: Response, signed: S, detail: string): void;
  refusal(req: Request, res: Response, signed: S, err: unknown): boolean;
}

/** POST /dashboard/messages/:id/ambitions: the correction, then back to the ambition page. */
export function mountCorrections<S extends { member: Member }>(router: Router, h: Helpers<S>): void {
  router.post('/dashboard/messages/:id/ambitions', h.form, async (req, res) => {
    const signed = await h.signedIn(req, res);
    if (!signed) return;
    if (!h.checkCsrf(req, res, signed)) return;
    const p = schemas.params.safeParse(req.params);
    const b = schemas.body.safeParse(req.body ?? {});
    if (!p.success || !b.success) return h.badRequest(req, res, signed, 'ambitions');
    const ambitions = typeof b.data.ambitions === 'string' ? [b.data.ambitions] : b.data.ambitions;
    try {
      await h.core.correctMessageAmbitions(signed.member.id, { messageId: p.data.id, ambitions });
      const back = `/dashboard/ambitions/${encodeURIComponent(b.data.agenda)}/${b.data.back}`;
      res.redirect(303, `${back}?corrected=1`);
    } catch (err) {
      if (!h.refusal(req, res, signed, err)) throw err;
    }
  });
}
