import type { Core } from '../core/index';
import type { SteeringDecision } from '../core/steering-model';
import { type Locale, t } from '../i18n/index';
import { memberText } from './member-text';

/** A steering decision as chat Markdown: what the community channel reads (and the report repeats). */
export async function steeringText(core: Core, decision: SteeringDecision, locale: Locale): Promise<string> {
  const cycle = await core.deps.store.repos.cycles.get(decision.cycleId);
  const { ambition } = core.agendas.findAmbition(decision.ambitionId, decision.agendaId);
  const lines = [
    t(locale, 'steering.posted.header', {
      cycle: memberText(cycle?.name ?? decision.cycleId),
      number: ambition.number,
      title: ambition.title,
      decision: t(locale, `steering.decision.${decision.decision}`),
    }),
    t(locale, 'steering.posted.rationale', { text: memberText(decision.rationale) }),
  ];
  const { what, who, by } = decision.change;
  if (what || who || by)
    lines.push(
      t(locale, 'steering.posted.change', {
        what: memberText(what || '–'),
        who: memberText(who || '–'),
        by: memberText(by || '–'),
      }),
    );
  return lines.join('\n');
}
