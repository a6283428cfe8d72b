import { UPDATE_STATUSES } from '../../core/model';
import { type Locale, t } from '../../i18n/index';
import type { CycleStatusData, ResponseRate, SummaryData } from '../data';
import { memberText } from '../member-text';
import { bulletList, cardStrings, formatDate, formatDateTime, percent } from '../strings';
import { type BoundCard, bindTemplate } from '../template';
import { itemCode } from './items';

export function renderSummary(data: SummaryData, locale: Locale): BoundCard {
  const total = UPDATE_STATUSES.reduce((sum, status) => sum + data.statusCounts[status], 0);
  const { answered = 0, asked = 0 } = data.participation ?? {};
  const strings = cardStrings(locale, 'summary', {
    code: itemCode(data.ambition.id),
    title: data.ambition.title,
    cycle: data.cycleName ?? '',
    count: data.steeringNeeded,
    total,
    answered,
    asked,
    percent: percent(answered, asked),
    from: formatDate(data.period.from, locale, data.period.timeZone),
    // The period runs up to (not including) its end: the card names the last day in it.
    to: formatDate(new Date(data.period.to.getTime() - 1), locale, data.period.timeZone),
    messages: data.messages,
  });
  const practices = data.practices.map((p) =>
    memberText(p.boardName ? `${p.title} (${p.boardName})` : p.title),
  );
  return bindTemplate('summary', locale, {
    strings,
    basedOn: data.cycleName ? strings.basedOn : strings.basedOnDiscussion,
    period: data.messages === 1 ? strings.periodOne : strings.period,
    ambitionText: data.ambition.text,
    keyPoints: data.keyPoints.length ? bulletList(data.keyPoints.map(memberText)) : strings.noKeyPoints,
    hasUpdates: total > 0,
    statusCounts: UPDATE_STATUSES.map((status) => ({
      title: t(locale, `card.status.${status}`),
      value: t(locale, 'card.summary.statusCount', {
        count: data.statusCounts[status],
        percent: percent(data.statusCounts[status], total),
      }),
    })),
    practices: practices.length ? bulletList(practices) : strings.noPractices,
    hasParticipation: data.participation !== null,
    hasDashboard: data.dashboardUrl !== null,
    dashboardUrl: data.dashboardUrl,
  });
}

export function renderCycleStatus(data: CycleStatusData, locale: Locale): BoundCard {
  const rate = (r: { answered: number; asked: number }) =>
    t(locale, 'card.cycle-status.rate', {
      answered: r.answered,
      asked: r.asked,
      percent: percent(r.answered, r.asked),
    });
  const facts = (rates: ResponseRate[]) => rates.map((r) => ({ title: memberText(r.name), value: rate(r) }));
  const { cycle } = data;
  return bindTemplate('cycle-status', locale, {
    strings: cardStrings(locale, 'cycle-status', { cycle: cycle.name }),
    cycleId: cycle.id,
    status: t(locale, `card.cycleStatus.${cycle.status}`),
    opens: formatDateTime(cycle.opensAt, locale, data.timeZone),
    closes: formatDateTime(cycle.closesAt, locale, data.timeZone),
    overall: rate(data.overall),
    hasThemes: data.byTheme.length > 0,
    byTheme: facts(data.byTheme),
    hasGroups: data.byGroup.length > 0,
    byGroup: facts(data.byGroup),
    isOpen: cycle.status === 'open',
    hasDashboard: data.dashboardUrl !== null,
    dashboardUrl: data.dashboardUrl,
  });
}
