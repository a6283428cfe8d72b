import { type Locale, t } from '../../i18n/index';
import type { PeerOfferData, PeerRequestData } from '../data';
import { memberText } from '../member-text';
import { bulletList, cardStrings, formatDate } from '../strings';
import { type BoundCard, bindTemplate } from '../template';
import { shorten } from './items';

/** The practices shared on the ambition and the consenting boards on track with it, each with a button. */
export function renderPeerOffer(data: PeerOfferData, locale: Locale): BoundCard {
  const { ambition } = data;
  return bindTemplate('peer-offer', locale, {
    strings: cardStrings(locale, 'peer-offer', { number: ambition.number, title: ambition.title }),
    agendaId: data.agendaId,
    ambitionId: ambition.id,
    cycleId: data.cycleId ?? '',
    hasPractices: data.practices.length > 0,
    practiceList: bulletList(
      data.practices.map((p) =>
        t(locale, 'peer.offer.practice', {
          title: memberText(p.title),
          board: memberText(p.boardName ?? '–'),
          line: memberText(shorten(p.line, 200)),
        }),
      ),
    ),
    hasBoards: data.boards.length > 0,
    noBoards: data.boards.length === 0,
    boards: data.boards.map((b) => ({
      boardId: b.boardId,
      text: t(locale, b.sameRegion ? 'peer.offer.boardSameRegion' : 'peer.offer.board', {
        name: memberText(b.name),
        region: t(locale, `dashboard.region.${b.region}`),
        date: formatDate(b.reportedAt, locale, data.timeZone),
      }),
    })),
  });
}

/** The request for contact, with the button to accept it while it is open. */
export function renderPeerRequest(data: PeerRequestData, locale: Locale): BoundCard {
  return bindTemplate('peer-request', locale, {
    strings: cardStrings(locale, 'peer-request', {
      board: memberText(data.fromBoard),
      number: data.ambition.number,
      title: data.ambition.title,
    }),
    contactId: data.contactId,
    open: data.open,
  });
}
