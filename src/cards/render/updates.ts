import { UPDATE_STATUSES, type UpdateAnswer } from '../../core/model';
import { type Locale, t } from '../../i18n/index';
import type { CardItem, CheckinData, UpdateFormData, UpdateReceiptData } from '../data';
import { updateInputId } from '../forms/fields';
import { memberText } from '../member-text';
import { pageOf } from '../paging';
import { bulletList, cardStrings, formatDateTime, invalidStrings } from '../strings';
import { type BoundCard, bindTemplate } from '../template';
import { itemHeading, shorten } from './items';

export function renderCheckin(data: CheckinData, locale: Locale): BoundCard {
  const strings = cardStrings(locale, 'checkin', { cycle: data.cycle.name, count: data.items.length });
  const asked = data.items.map((item) =>
    item.kind === 'ambition'
      ? itemHeading(item, locale)
      : `${itemHeading(item, locale)}: ${shorten(item.text, 100)}`,
  );
  return bindTemplate('checkin', locale, {
    strings,
    cycleId: data.cycle.id,
    cycleName: memberText(data.cycle.name),
    hasBoard: data.boardName !== null,
    boardName: memberText(data.boardName ?? ''),
    deadline: formatDateTime(data.cycle.closesAt, locale, data.timeZone),
    askedList: bulletList(asked),
    answered: data.answered,
    hasEarlierAnswers: Boolean(data.earlierAnswers?.lines.length),
    earlierTitle: data.earlierAnswers
      ? t(locale, 'steering.checkin.answers', { cycle: memberText(data.earlierAnswers.cycleName) })
      : '',
    earlierList: bulletList(data.earlierAnswers?.lines ?? []),
    openLabel: data.answered ? strings.edit : strings.open,
  });
}

const statusLabel = (locale: Locale, status: UpdateAnswer['status']) => t(locale, `card.status.${status}`);

function formItem(item: CardItem, answer: UpdateAnswer | undefined, locale: Locale) {
  const id = (field: Parameters<typeof updateInputId>[0]) => updateInputId(field, item.id);
  return {
    heading: itemHeading(item, locale),
    text: item.text,
    ids: {
      status: id('status'),
      progress: id('progress'),
      done: id('done'),
      steering: id('steering'),
      explanation: id('explanation'),
      link: id('link'),
    },
    status: answer?.status ?? null,
    progress: answer?.progress ?? null,
    done: answer?.done ?? '',
    steering: answer?.steeringNeeded ? 'true' : 'false',
    explanation: answer?.steeringExplanation ?? '',
    link: answer?.link ?? '',
  };
}

/** One page of the update form, pre-filled with the board's current answers. */
export function renderUpdateForm(data: UpdateFormData, locale: Locale): BoundCard {
  const { items, page, pages } = pageOf(data.items, data.page);
  const previous = new Map(data.previous.map((a) => [a.itemId, a]));
  return bindTemplate('update-form', locale, {
    strings: cardStrings(locale, 'update-form', {
      cycle: data.cycle.name,
      board: data.boardName,
      deadline: formatDateTime(data.cycle.closesAt, locale, data.timeZone),
      page,
      pages,
    }),
    invalid: invalidStrings(locale),
    statuses: UPDATE_STATUSES.map((status) => ({ title: statusLabel(locale, status), value: status })),
    cycleId: data.cycle.id,
    page,
    itemIds: items.map((item) => item.id),
    paged: pages > 1,
    hasPrevious: page > 1,
    hasNext: page < pages,
    previousPage: page - 1,
    nextPage: page + 1,
    items: items.map((item) => formItem(item, previous.get(item.id), locale)),
  });
}

/** What was submitted on one page of the form, read-only. */
export function renderUpdateReceipt(data: UpdateReceiptData, locale: Locale): BoundCard {
  const { items, page, pages } = pageOf(data.items, data.page);
  const answers = new Map(data.answers.map((a) => [a.itemId, a]));
  const deadline = formatDateTime(data.cycle.closesAt, locale, data.timeZone);
  const strings = cardStrings(locale, 'update-receipt', {
    cycle: data.cycle.name,
    board: data.boardName,
    submittedAt: formatDateTime(data.submittedAt, locale, data.timeZone),
    deadline,
    page,
    pages,
    next: page + 1,
  });
  const answered = items.flatMap((item) => {
    const answer = answers.get(item.id);
    if (!answer) return [];
    const yesNo = answer.steeringNeeded ? strings.yes : strings.no;
    return [
      {
        heading: itemHeading(item, locale),
        status: statusLabel(locale, answer.status),
        progress: `${answer.progress}%`,
        steering: answer.steeringNeeded ? `${yesNo}: ${memberText(answer.steeringExplanation)}` : yesNo,
        hasLink: answer.link !== null,
        link: answer.link ?? '',
        hasDone: answer.done !== '',
        done: memberText(answer.done),
      },
    ];
  });
  return bindTemplate('update-receipt', locale, {
    strings,
    cycleId: data.cycle.id,
    page,
    nextPage: page + 1,
    paged: pages > 1,
    cycleOpen: data.cycleOpen,
    hasContinue: data.cycleOpen && page < pages,
    note: data.cycleOpen ? strings.openNote : strings.closedNote,
    items: answered,
  });
}
