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
