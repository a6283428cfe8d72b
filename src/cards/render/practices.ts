import type { Locale } from '../../i18n/index';
import type { AmbitionChoice, PracticeFormData, PracticeViewData } from '../data';
import { memberText } from '../member-text';
import { bulletList, cardStrings, formatDate, invalidStrings } from '../strings';
import { type BoundCard, bindTemplate } from '../template';
import { itemHeading } from './items';

export function renderPracticeForm(data: PracticeFormData, locale: Locale): BoundCard {
  const { draft } = data;
  return bindTemplate('practice-form', locale, {
    strings: cardStrings(locale, 'practice-form'),
    invalid: invalidStrings(locale),
    agendaId: data.agendaId,
    ambitions: data.ambitions.map((a) => ({ title: `${a.number}. ${a.title}`, value: a.id })),
    selectedAmbitions: draft.ambitionIds?.length ? draft.ambitionIds.join(',') : null,
    title: draft.title ?? '',
    description: draft.description ?? '',
    instruments: draft.instruments ?? '',
    contact: draft.contact ?? '',
  });
}

const ambitionLine = (a: AmbitionChoice, locale: Locale) =>
  itemHeading({ id: a.id, kind: 'ambition', title: a.title, text: '' }, locale);

export function renderPracticeView(data: PracticeViewData, locale: Locale): BoundCard {
  return bindTemplate('practice-view', locale, {
    strings: cardStrings(locale, 'practice-view', {
      who: memberText(data.sharedBy),
      date: formatDate(data.sharedAt, locale, data.timeZone),
    }),
    title: memberText(data.title),
    description: memberText(data.description),
    ambitionList: bulletList(data.ambitions.map((a) => ambitionLine(a, locale))),
    hasInstruments: data.instruments !== '',
    instruments: memberText(data.instruments),
    contact: memberText(data.contact),
  });
}
