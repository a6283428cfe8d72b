import { type Agenda, scopeItems } from '../core/agenda/model';
import type { UpdateAnswer } from '../core/model';
import { loadAgendas } from '../store/agenda-files';
import type { AmbitionChoice, CardDataMap, CardItem, CycleRef } from './data';
import type { CardName } from './names';

/** Realistic sample data for every card: for previews and tests. */

const AGENDA_ID = 'po-raad-2022-2026';

/** Used when the PO-Raad agenda file is not there. */
const INLINE_ITEMS: CardItem[] = [
  {
    id: 'a1',
    kind: 'ambition',
    title: 'Trend van achterblijvende onderwijsresultaten kenteren',
    text: 'We kenteren de trend van achterblijvende onderwijsresultaten.',
  },
  {
    id: 'a1.2',
    kind: 'action',
    title: 'We werken aan een kwaliteitscultuur binnen de hele vereniging.',
    text: 'We werken aan een kwaliteitscultuur binnen de hele vereniging.',
  },
  {
    id: 'a2',
    kind: 'ambition',
    title: 'Kwaliteitszorg op orde bij alle besturen',
    text: 'We zorgen er gezamenlijk voor dat de kwaliteitszorg op orde is bij alle besturen.',
  },
];

function poRaad(): Agenda | undefined {
  try {
    return loadAgendas().find((a) => a.id === AGENDA_ID);
  } catch {
    return undefined;
  }
}

/** The PO-Raad agenda's ambitions and actions, or a few inline ones. */
export function sampleItems(): CardItem[] {
  const agenda = poRaad();
  return agenda
    ? scopeItems(agenda).map(({ id, kind, title, text }) => ({ id, kind, title, text }))
    : INLINE_ITEMS;
}

export function sampleAmbitions(): AmbitionChoice[] {
  const agenda = poRaad();
  if (agenda) return agenda.ambitions.map(({ id, number, title }) => ({ id, number, title }));
  return INLINE_ITEMS.filter((i) => i.kind === 'ambition').map((i, n) => ({
    id: i.id,
    number: n + 1,
    title: i.title,
  }));
}

const TIME_ZONE = 'Europe/Amsterdam';
const BOARD = 'Stichting Openbaar Primair Onderwijs Waterland';

const cycle: CycleRef = {
  id: 'cyc-voorjaar-2027',
  name: 'Voorjaar 2027',
  closesAt: new Date('2027-03-26T16:00:00Z'),
};

/** Ambition 1 and its actions: the scope of the sample cycle. */
function cycleItems(): CardItem[] {
  return sampleItems().filter((item) => item.id === 'a1' || item.id.startsWith('a1.'));
}

export const sampleAnswers: UpdateAnswer[] = [
  {
    itemId: 'a1',
    status: 'attention',
    progress: 40,
    done:
      'Alle scholen hebben hun resultaten op taal en rekenen besproken met de intern begeleiders. ' +
      'Op drie scholen blijven de resultaten achter; daar is een verbeterplan opgesteld.',
    steeringNeeded: true,
    steeringExplanation: 'We hebben hulp nodig bij het vinden van goede begeleiding voor de drie scholen.',
    link: 'https://www.example.nl/verbeterplan-taal-rekenen',
  },
  {
    itemId: 'a1.1',
    status: 'on_track',
    progress: 70,
    done: 'De Code Goed Bestuur staat twee keer per jaar op de agenda van het bestuur en de raad van toezicht.',
    steeringNeeded: false,
    steeringExplanation: '',
    link: null,
  },
];

export function sampleData<N extends CardName>(name: N): CardDataMap[N] {
  const all: CardDataMap = {
    welcome: {
      isCoordinator: true,
      communities: [
        { theme: 'Onderwijskwaliteit', channel: '#lg-onderwijskwaliteit' },
        { theme: 'Onderwijsarbeidsmarkt', channel: '#lg-arbeidsmarkt' },
      ],
    },
    profile: {
      boards: [
        { id: 'b-41234', name: BOARD },
        { id: 'b-40987', name: 'Stichting Katholiek Onderwijs Zuid-Limburg' },
        { id: 'b-42110', name: 'Vereniging voor Christelijk Primair Onderwijs De Kempen' },
      ],
      boardId: 'b-41234',
      timeZone: TIME_ZONE,
      locale: 'nl',
    },
    'profile-prompt': { forCycle: cycle.name },
    checkin: { cycle, boardName: BOARD, timeZone: TIME_ZONE, items: cycleItems(), answered: false },
    'update-form': {
      cycle,
      boardName: BOARD,
      timeZone: TIME_ZONE,
      items: cycleItems(),
      previous: sampleAnswers,
      page: 1,
    },
    'update-receipt': {
      cycle,
      boardName: BOARD,
      timeZone: TIME_ZONE,
      items: cycleItems(),
      answers: sampleAnswers,
      page: 1,
      cycleOpen: true,
      submittedAt: new Date('2027-03-10T14:32:00Z'),
    },
    'practice-form': {
      agendaId: AGENDA_ID,
      ambitions: sampleAmbitions(),
      draft: { ambitionIds: ['a1'], contact: 'Marieke de Vries' },
    },
    'practice-view': {
      title: 'Samen leesonderwijs verbeteren met de bibliotheek',
      description:
        'Onze twaalf scholen werken sinds 2025 samen met de openbare bibliotheek. Elke school heeft een ' +
        'leescoördinator en een vaste leesconsulent; samen maken zij een leesplan. Het leesplezier steeg ' +
        'en op acht scholen verbeterden de resultaten op begrijpend lezen.',
      ambitions: sampleAmbitions().slice(0, 1),
      instruments: 'Het leesplan, de monitor van de bibliotheek en een jaarlijkse leesplezierpeiling.',
      contact: 'Marieke de Vries, m.devries@example.nl',
      sharedBy: `Marieke de Vries (${BOARD})`,
      sharedAt: new Date('2027-02-14T09:00:00Z'),
      timeZone: TIME_ZONE,
    },
    'steering-form': {
      cycle: { id: 'c-voorjaar', name: cycle.name },
      ambitions: sampleAmbitions()
        .slice(0, 2)
        .map((a, n) => ({
          ...a,
          statusCounts: { on_track: 14 - n * 5, attention: 9, behind: 4 + n, not_started: 2 },
          steeringNeeded: 6 - n,
          decided: n === 0 ? ('adjust' as const) : null,
          trend:
            n === 0
              ? {
                  direction: 'declining' as const,
                  previousCycle: 'Najaar 2026',
                  previousProgress: 62,
                  progress: 54,
                }
              : null,
          requests: [
            {
              boardName: BOARD,
              explanation: 'We hebben hulp nodig bij het vinden van goede begeleiding voor de drie scholen.',
              answered: n === 0,
            },
            {
              boardName: 'Stichting Katholiek Onderwijs Zuid',
              explanation:
                'De leesresultaten blijven achter; we zoeken een bestuur dat dit al heeft aangepakt.',
              answered: false,
            },
          ],
          moreRequests: 4 - n,
          keyPoints: [
            'Besturen met achterblijvende scholen vragen om begeleiding van collega-besturen.',
            'Samenwerking met de bibliotheek wordt vaak genoemd als werkzame aanpak.',
          ],
        })),
      selectedAmbition: null,
    },
    'peer-offer': {
      agendaId: AGENDA_ID,
      ambition: sampleAmbitions()[0] as AmbitionChoice,
      cycleId: cycle.id,
      practices: [
        {
          title: 'Samen leesonderwijs verbeteren met de bibliotheek',
          boardName: BOARD,
          line: 'Onze twaalf scholen werken sinds 2025 samen met de openbare bibliotheek.',
        },
      ],
      boards: [
        {
          boardId: 'b-40987',
          name: 'Stichting Katholiek Onderwijs Zuid-Limburg',
          region: 'zuid',
          sameRegion: true,
          reportedAt: new Date('2027-03-12T10:00:00Z'),
        },
        {
          boardId: 'b-42110',
          name: 'Vereniging voor Christelijk Primair Onderwijs De Kempen',
          region: 'midden',
          sameRegion: false,
          reportedAt: new Date('2027-03-11T10:00:00Z'),
        },
      ],
      timeZone: TIME_ZONE,
    },
    'peer-request': {
      contactId: 'pc-7f3a2c',
      fromBoard: BOARD,
      ambition: sampleAmbitions()[0] as AmbitionChoice,
      open: true,
    },
    summary: {
      ambition: {
        ...(sampleAmbitions()[0] as AmbitionChoice),
        text: 'We kenteren de trend van achterblijvende onderwijsresultaten.',
      },
      cycleName: cycle.name,
      period: {
        from: new Date('2027-01-01T00:00:00Z'),
        to: new Date('2027-03-31T12:00:00Z'),
        timeZone: TIME_ZONE,
      },
      messages: 214,
      keyPoints: [
        'De meeste besturen zien de resultaten op taal en rekenen stabiliseren.',
        'Besturen met achterblijvende scholen vragen om begeleiding van collega-besturen.',
        'Samenwerking met de bibliotheek wordt vaak genoemd als werkzame aanpak.',
      ],
      statusCounts: { on_track: 14, attention: 9, behind: 4, not_started: 2 },
      steeringNeeded: 6,
      practices: [{ title: 'Samen leesonderwijs verbeteren met de bibliotheek', boardName: BOARD }],
      participation: { answered: 29, asked: 41 },
      dashboardUrl: 'https://samenspraak.example.nl/dashboard/ambities/a1',
    },
    'cycle-status': {
      cycle: { ...cycle, status: 'open', opensAt: new Date('2027-03-01T07:00:00Z') },
      timeZone: TIME_ZONE,
      overall: { answered: 29, asked: 41 },
      byTheme: [
        { name: 'Onderwijskwaliteit', answered: 12, asked: 15 },
        { name: 'Onderwijskansen', answered: 7, asked: 11 },
        { name: 'Onderwijsarbeidsmarkt', answered: 6, asked: 9 },
        { name: 'Bestuur en vereniging', answered: 4, asked: 6 },
      ],
      byGroup: [
        { name: 'Noord', answered: 9, asked: 12 },
        { name: 'Midden', answered: 11, asked: 16 },
        { name: 'Zuid', answered: 9, asked: 13 },
      ],
      dashboardUrl: 'https://samenspraak.example.nl/dashboard/cycli/cyc-voorjaar-2027',
    },
    error: { code: 'CYCLE_CLOSED', params: { cycle: cycle.name }, reference: 'req-7f3a2c' },
  };
  return all[name];
}
