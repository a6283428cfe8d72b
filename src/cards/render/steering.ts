import { UPDATE_STATUSES } from '../../core/model';
import { STEERING_DECISIONS } from '../../core/steering-model';
import { type Locale, t } from '../../i18n/index';
import type { SteeringFormData } from '../data';
import { memberText } from '../member-text';
import { bulletList, cardStrings, invalidStrings } from '../strings';
import { type BoundCard, bindTemplate } from '../template';

type AmbitionResult = SteeringFormData['ambitions'][number];

/** Member text in the form is cut here, so ten ambitions stay within Slack's and Teams' limits. */
const CLIP = 180;
const clip = (text: string) => (text.length > CLIP ? `${text.slice(0, CLIP - 1).trimEnd()}…` : text);

function statusMix(a: AmbitionResult, locale: Locale): string {
  const counts = UPDATE_STATUSES.filter((s) => a.statusCounts[s] > 0).map(
    (s) => `${a.statusCounts[s]} ${t(locale, `card.status.${s}`).toLowerCase()}`,
  );
  if (a.steeringNeeded > 0) counts.push(t(locale, 'outbox.results.steering', { count: a.steeringNeeded }));
  counts.push(
    a.decided
      ? t(locale, 'steering.decided', { decision: t(locale, `steering.decision.${a.decided}`) })
      : t(locale, 'steering.none'),
  );
  return counts.join(', ');
}

/** What to decide on for one ambition: status mix, trend, requests and key points, as Markdown lines. */
export function contextLines(a: AmbitionResult, locale: Locale): string[] {
  const lines = [statusMix(a, locale)];
  lines.push(
    a.trend
      ? t(locale, 'steering.context.trend', {
          trend: t(locale, `steering.trend.${a.trend.direction}`),
          previous: memberText(a.trend.previousCycle),
          from: a.trend.previousProgress,
          to: a.trend.progress,
        })
      : t(locale, 'steering.context.noTrend'),
  );
  for (const r of a.requests ?? [])
    lines.push(
      t(locale, r.answered ? 'steering.context.requestAnswered' : 'steering.context.request', {
        board: memberText(r.boardName),
        explanation: memberText(clip(r.explanation || '–')),
      }),
    );
  if (a.moreRequests) lines.push(t(locale, 'steering.context.moreRequests', { count: a.moreRequests }));
  for (const point of a.keyPoints ?? [])
    lines.push(t(locale, 'steering.context.keyPoint', { text: memberText(clip(point)) }));
  return lines;
}

export function renderSteeringForm(data: SteeringFormData, locale: Locale): BoundCard {
  return bindTemplate('steering-form', locale, {
    strings: cardStrings(locale, 'steering-form', { cycle: data.cycle.name }),
    invalid: invalidStrings(locale),
    cycleId: data.cycle.id,
    details: data.ambitions.map((a) => ({
      heading: `${a.number}. ${a.title}`,
      text: bulletList(contextLines(a, locale)),
    })),
    ambitions: data.ambitions.map((a) => ({ title: `${a.number}. ${a.title}`, value: a.id })),
    selectedAmbition: data.selectedAmbition ?? data.ambitions.find((a) => !a.decided)?.id ?? null,
    decisions: STEERING_DECISIONS.map((d) => ({ title: t(locale, `steering.decision.${d}`), value: d })),
  });
}
