import { z } from 'zod';
import { isCoordinator } from '../../../core/access';
import type { Core } from '../../../core/index';
import type { Cycle, Member } from '../../../core/model';
import type { AmbitionContext } from '../../../core/steering-context';
import { STEERING_DECISIONS } from '../../../core/steering-model';
import { type Html, html } from './html';
import { statusLabel, tr, type View } from './layout';

/** The steering decision form on the ambition page (issue 18): the same decision as the chat's form. */

export const DECISION_FIELDS = [
  'cycleId',
  'decision',
  'rationale',
  'changeWhat',
  'changeWho',
  'changeBy',
] as const;
type Field = (typeof DECISION_FIELDS)[number];

const text = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((s) => (s ?? '').trim());

export const decisionBody = z
  .object({
    cycleId: z.string().min(1).max(100),
    decision: z.enum(STEERING_DECISIONS),
    rationale: z
      .string()
      .max(2000)
      .transform((s) => s.trim())
      .pipe(z.string().min(1)),
    changeWhat: text(1000),
    changeWho: text(200),
    changeBy: text(100),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'adjust' && d.changeWhat === '')
      ctx.addIssue({ code: 'custom', path: ['changeWhat'], message: 'required when adjusting' });
  });

export type DecisionBody = z.infer<typeof decisionBody>;
export type DecisionValues = Partial<Record<Field, string>>;

/** The form's values as typed (strings only), for showing them again next to what is wrong. */
export function typedValues(body: unknown): DecisionValues {
  const values: DecisionValues = {};
  if (body && typeof body === 'object')
    for (const field of DECISION_FIELDS) {
      const value = (body as Record<string, unknown>)[field];
      if (typeof value === 'string') values[field] = value.slice(0, 2000);
    }
  return values;
}

/** The fields that are wrong, in the form's order. */
export function wrongFields(error: z.ZodError): Field[] {
  const wrong = new Set(error.issues.map((i) => String(i.path[0])));
  return DECISION_FIELDS.filter((f) => wrong.has(f));
}

export interface DecisionFormState {
  cycle: Cycle;
  /** The other closed cycles of the ambition, newest first, to decide on instead. */
  others: Cycle[];
  context: AmbitionContext | null;
  values: DecisionValues;
  errors: Field[];
  saved: boolean;
}

/**
 * The form's state for a coordinator on an ambition page, for the chosen closed cycle or the latest;
 * null for a member or when no closed cycle asked about the ambition.
 */
export async function decisionFormState(
  core: Core,
  member: Member,
  agendaId: string,
  ambitionId: string,
  options: {
    cycleId?: string;
    values?: DecisionValues;
    errors?: Field[];
    saved?: boolean;
    locale?: 'nl' | 'en';
  },
): Promise<DecisionFormState | null> {
  if (!isCoordinator(member)) return null;
  const closed = await core.closedCyclesOfAmbition(agendaId, ambitionId);
  const cycle = closed.find((c) => c.id === options.cycleId) ?? closed[0];
  if (!cycle) return null;
  const context = await core.steeringContext({ memberId: member.id }, cycle.id, {
    locale: options.locale,
    onlyAmbition: ambitionId,
  });
  return {
    cycle,
    others: closed.filter((c) => c.id !== cycle.id),
    context: context.ambitions[0] ?? null,
    values: options.values ?? {},
    errors: options.errors ?? [],
    saved: options.saved ?? false,
  };
}

function basis(v: View, c: AmbitionContext): Html {
  const mix = (Object.keys(c.byStatus) as (keyof typeof c.byStatus)[])
    .filter((s) => c.byStatus[s] > 0)
    .map((s) => `${c.byStatus[s]} ${statusLabel(v)(s).toLowerCase()}`)
    .join(', ');
  const trend = c.trend
    ? tr(v, 'steering.context.trend', {
        trend: tr(v, `steering.trend.${c.trend.direction}`),
        previous: c.trend.previousCycle,
        from: c.trend.previousProgress,
        to: c.trend.progress,
      })
    : tr(v, 'steering.context.noTrend');
  return html`<h3>${tr(v, 'dashboard.decide.basis')}</h3><ul class="plain">
<li>${mix || tr(v, 'dashboard.noAnswers')}</li>
<li>${trend}</li>
${c.requests.map((r) => html`<li>${tr(v, r.answered ? 'steering.context.requestAnswered' : 'steering.context.request', { board: r.boardName, explanation: r.explanation || '–' })}</li>`)}
${c.moreRequests ? html`<li>${tr(v, 'steering.context.moreRequests', { count: c.moreRequests })}</li>` : ''}
${c.keyPoints.map((p) => html`<li>${tr(v, 'steering.context.keyPoint', { text: p })}</li>`)}
</ul>`;
}

const invalid = (s: DecisionFormState, f: Field) =>
  s.errors.includes(f) ? html` aria-invalid="true" aria-describedby="${f}-error"` : '';
const problem = (v: View, s: DecisionFormState, f: Field) =>
  s.errors.includes(f)
    ? html`<span class="field-error" id="${f}-error">${tr(v, `dashboard.decide.error.${f}`)}</span>`
    : '';

/** The decision form with what to decide on above it; errors (if any) listed first and at their fields. */
export function decisionForm(v: View, path: string, s: DecisionFormState): Html {
  const chosen = s.values.decision ?? 'continue';
  return html`<section aria-labelledby="decide" id="decide-section"><h2 id="decide">${tr(v, 'dashboard.decide.title', { cycle: s.cycle.name })}</h2>
${s.saved ? html`<p class="flash" role="status">${tr(v, 'dashboard.decide.saved')}</p>` : ''}
${
  s.errors.length
    ? html`<div class="problem" role="alert"><p>${tr(v, 'dashboard.decide.errors')}</p><ul>${s.errors.map((f) => html`<li><a href="#${f}">${tr(v, `dashboard.decide.error.${f}`)}</a></li>`)}</ul></div>`
    : ''
}
<p>${tr(v, 'dashboard.decide.intro', { cycle: s.cycle.name })}</p>
${s.context ? basis(v, s.context) : ''}
${
  s.others.length
    ? html`<p class="muted">${s.others.map((c, i) => html`${i ? ' · ' : ''}<a href="${`${path}?cycle=${encodeURIComponent(c.id)}#decide`}">${tr(v, 'dashboard.decide.title', { cycle: c.name })}</a>`)}</p>`
    : ''
}
<form method="post" action="${path}/decide" class="decide">
<input type="hidden" name="csrf" value="${v.csrf ?? ''}">
<input type="hidden" name="cycleId" value="${s.cycle.id}">
<fieldset id="decision"${invalid(s, 'decision')}><legend>${tr(v, 'dashboard.decide.decision')}</legend>
${STEERING_DECISIONS.map((d) => html`<label class="choice"><input type="radio" name="decision" value="${d}"${d === chosen ? html` checked` : ''}> ${tr(v, `steering.decision.${d}`)}</label>`)}
${problem(v, s, 'decision')}</fieldset>
<div class="field"><label for="rationale">${tr(v, 'dashboard.decide.rationale')}</label>${problem(v, s, 'rationale')}
<textarea id="rationale" name="rationale" rows="3" maxlength="2000" required${invalid(s, 'rationale')}>${s.values.rationale ?? ''}</textarea></div>
<div class="field"><label for="changeWhat">${tr(v, 'dashboard.decide.changeWhat')}</label>${problem(v, s, 'changeWhat')}
<textarea id="changeWhat" name="changeWhat" rows="2" maxlength="1000"${invalid(s, 'changeWhat')}>${s.values.changeWhat ?? ''}</textarea></div>
<div class="field"><label for="changeWho">${tr(v, 'dashboard.decide.changeWho')}</label>${problem(v, s, 'changeWho')}
<input id="changeWho" name="changeWho" maxlength="200" value="${s.values.changeWho ?? ''}"${invalid(s, 'changeWho')}></div>
<div class="field"><label for="changeBy">${tr(v, 'dashboard.decide.changeBy')}</label>${problem(v, s, 'changeBy')}
<input id="changeBy" name="changeBy" maxlength="100" value="${s.values.changeBy ?? ''}"${invalid(s, 'changeBy')}></div>
<button type="submit">${tr(v, 'dashboard.decide.submit')}</button>
</form></section>`;
}
