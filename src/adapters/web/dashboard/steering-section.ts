import type { RequestRow } from '../../../core/dashboard-views';
import type { SteeringDecision } from '../../../core/steering-model';
import { type Html, html } from './html';
import { formatDate, tr, type View } from './layout';

/**
 * The coordinators' steering decisions on an ambition, newest first: per cycle the current one in bold,
 * the ones it replaced below it as history.
 */
export function decisionsSection(
  v: View,
  decisions: readonly (SteeringDecision & { cycleName: string })[],
): Html {
  const seen = new Set<string>();
  const items = decisions.map((d) => {
    const current = !seen.has(d.cycleId);
    seen.add(d.cycleId);
    const { what, who, by } = d.change;
    const change =
      what || who || by
        ? html` ${tr(v, 'steering.posted.change', { what: what || '–', who: who || '–', by: by || '–' })}`
        : '';
    const label = tr(v, `steering.decision.${d.decision}`);
    return html`<li class="${current ? 'decision' : 'decision earlier'}">${d.cycleName} (${formatDate(v, d.decidedAt)}): ${current ? html`<strong>${label}</strong>` : html`${label} (${tr(v, 'dashboard.decisions.replaced')})`}. ${d.rationale}${change}</li>`;
  });
  return html`<section aria-labelledby="decisions"><h2 id="decisions">${tr(v, 'dashboard.decisions')}</h2>
${items.length ? html`<ul class="plain">${items}</ul>` : html`<p>${tr(v, 'dashboard.noDecisions')}</p>`}
</section>`;
}

/** Every steering request of the cycle: open, overdue (too long without an answer) or answered, with the answer. */
export function requestsSection(v: View, rows: readonly RequestRow[]): Html {
  if (rows.length === 0) return html``;
  const count = (state: string) => rows.filter((r) => r.item.state === state).length;
  return html`<section aria-labelledby="requests"><h2 id="requests">${tr(v, 'dashboard.requests', { open: count('open'), overdue: count('overdue'), answered: count('answered') })}</h2>
<ul class="plain">${rows.map(
    ({ item, boardName }) =>
      html`<li><strong>${tr(v, `dashboard.requests.${item.state}`)}</strong> <code>${item.ref}</code> ${boardName}, ${item.update.itemId}: ${item.update.steeringExplanation || '–'}${item.answer ? html`<br>${tr(v, 'dashboard.requests.answer')}: ${item.answer.answer}` : ''}</li>`,
  )}</ul></section>`;
}
