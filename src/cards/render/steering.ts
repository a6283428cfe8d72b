import { UPDATE_STATUSES } from '../../core/model';
import { STEERING_DECISIONS } from '../../core/steering-model';
import { type Locale, t } from '../../i18n/index';
import type { SteeringFormData } from '../data';
import { bulletList, cardStrings, invalidStrings } from '../strings';
import { type BoundCard, bindTemplate } from '../template';

type AmbitionResult = SteeringFormData['ambitions'][number];

function resultLine(a: AmbitionResult, locale: Locale): string {
  const counts = UPDATE_STATUSES.filter((s) => a.statusCounts[s] > 0).map(
    (s) => `${a.statusCounts[s]} ${t(locale, `card.status.${s}`).toLowerCase()}`,
  );
  if (a.steeringNeeded > 0) counts.push(t(locale, 'outbox.results.steering', { count: a.steeringNeeded }));
  counts.push(
    a.decided
      ? t(locale, 'steering.decided', { decision: t(locale, `steering.decision.${a.decided}`) })
      : t(locale, 'steering.none'),
  );
  return t(locale, 'steering.resultLine', { number: a.number, title: a.title, counts: counts.join(', ') });
}

export function renderSteeringForm(data: SteeringFormData, locale: Locale): BoundCard {
  return bindTemplate('steering-form', locale, {
    strings: cardStrings(locale, 'steering-form', { cycle: data.cycle.name }),
    invalid: invalidStrings(locale),
    cycleId: data.cycle.id,
    resultList: bulletList(data.ambitions.map((a) => resultLine(a, locale))),
    ambitions: data.ambitions.map((a) => ({ title: `${a.number}. ${a.title}`, value: a.id })),
    selectedAmbition: data.selectedAmbition ?? data.ambitions.find((a) => !a.decided)?.id ?? null,
    decisions: STEERING_DECISIONS.map((d) => ({ title: t(locale, `steering.decision.${d}`), value: d })),
  });
}
