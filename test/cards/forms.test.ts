import {
  type AcCard,
  type BoundCard,
  type FormName,
  formFields,
  inputErrors,
  parseForm,
  renderCard,
  stateToSubmitData,
  toSlackModal,
  type UpdateSubmission,
} from '../../src/cards/index';
import { sampleData, sampleItems } from '../../src/cards/samples';
import { slackStateFor } from './support/slack-state';

type Data = Record<string, unknown>;

const inputIds = (json: AcCard): string[] => {
  const ids: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const { id, type } = node as Data;
      if (typeof type === 'string' && type.startsWith('Input.') && typeof id === 'string') ids.push(id);
      for (const [key, value] of Object.entries(node)) if (key !== 'data') visit(value);
    }
  };
  visit(json.body);
  return ids;
};

const actionData = (card: BoundCard, index = 0) => (card.json.actions?.[index]?.data ?? {}) as Data;

/** What Teams sends for an action: its data, then every input that has a value, as a string. */
function teamsSubmit(card: BoundCard, answers: Record<string, string>, actionIndex = 0): Data {
  const inputs = Object.entries(answers).filter(([, value]) => value !== '');
  return { ...actionData(card, actionIndex), ...Object.fromEntries(inputs) };
}

/** What the Slack adapter rebuilds from a view_submission of the same answers. */
function slackSubmit(card: BoundCard, answers: Record<string, string>): Data {
  const modal = toSlackModal(card);
  return stateToSubmitData(card, slackStateFor(modal, answers), modal.private_metadata);
}

const scope = sampleItems();
const formPage = (page: number) =>
  renderCard('update-form', { ...sampleData('update-form'), items: scope, page }, 'nl');

describe('every input id has its field in the form schema, and the other way round', () => {
  const cards: [string, BoundCard][] = [
    ['profile', renderCard('profile', sampleData('profile'), 'nl')],
    ['practice-form', renderCard('practice-form', sampleData('practice-form'), 'nl')],
    ['update-form, first page', formPage(1)],
    ['update-form, middle page', formPage(2)],
    ['update-form, last page', formPage(4)],
  ];
  test.each(cards)('%s', (_, card) => {
    const dataKeys = (card.json.actions ?? []).flatMap((a) =>
      Object.keys((a.data as Data | undefined) ?? {}),
    );
    const expected = new Set([...inputIds(card.json), ...dataKeys]);
    const name = card.name as FormName;
    const schemaKeys = Object.keys(formFields(name, actionData(card)).shape);
    expect(new Set(schemaKeys)).toEqual(expected);
  });
});

describe('a form submitted on Teams and on Slack gives the core the same object', () => {
  test('profile', () => {
    const card = renderCard('profile', sampleData('profile'), 'nl');
    const answers = { board: 'b-42110', timeZone: 'America/Kralendijk', locale: 'en', peerContact: 'true' };
    const teams = teamsSubmit(card, answers);
    const slack = slackSubmit(card, answers);
    expect(slack).toEqual(teams);
    expect(parseForm('profile', slack)).toEqual(parseForm('profile', teams));
    expect(parseForm('profile', teams).data).toEqual({
      boardId: 'b-42110',
      timeZone: 'America/Kralendijk',
      locale: 'en',
      peerContact: true,
    });
  });

  test('practice form', () => {
    const card = renderCard('practice-form', sampleData('practice-form'), 'nl');
    const answers = {
      title: 'Een gezamenlijke pool van invalkrachten',
      description:
        'Vijf besturen in de regio delen sinds 2026 een pool van invalkrachten.\nHet lesuitval daalde met een derde.',
      ambitions: 'a6,a8',
      instruments: '',
      contact: 'Jeroen Bakker, j.bakker@example.nl',
    };
    const teams = teamsSubmit(card, answers);
    const slack = slackSubmit(card, answers);
    expect(slack).toEqual(teams);
    expect(parseForm('practice-form', slack)).toEqual(parseForm('practice-form', teams));
    expect(parseForm('practice-form', teams).data).toEqual({
      agendaId: 'po-raad-2022-2026',
      title: answers.title,
      description: answers.description,
      ambitionIds: ['a6', 'a8'],
      instruments: '',
      contact: answers.contact,
    });
  });

  const updateAnswers = {
    status__a1: 'behind',
    progress__a1: '35',
    done__a1: 'Verbeterplannen op drie scholen gestart; de eerste resultaten vallen tegen.',
    steering__a1: 'true',
    explanation__a1: 'We willen graag een collega-bestuur als maatje voor deze scholen.',
    link__a1: 'https://www.example.nl/verbeterplannen',
    status__a1_1: 'on_track',
    progress__a1_1: '80',
    done__a1_1: '',
    steering__a1_1: 'false',
    explanation__a1_1: '',
    link__a1_1: '',
    status__a1_2: 'not_started',
    progress__a1_2: '0',
    done__a1_2: '',
    steering__a1_2: 'false',
    explanation__a1_2: '',
    link__a1_2: '',
    status__a1_3: 'attention',
    progress__a1_3: '50',
    done__a1_3: 'De visitatie is gepland voor mei.',
    steering__a1_3: 'false',
    explanation__a1_3: '',
    link__a1_3: '',
  };

  test('update form', () => {
    const card = renderCard('update-form', sampleData('update-form'), 'nl');
    const teams = teamsSubmit(card, updateAnswers);
    const slack = slackSubmit(card, updateAnswers);
    expect(slack).toEqual(teams);
    const fromTeams = parseForm('update-form', teams);
    expect(parseForm('update-form', slack)).toEqual(fromTeams);
    const expected: UpdateSubmission = {
      verb: 'update.submit',
      cycleId: 'cyc-voorjaar-2027',
      page: 1,
      goTo: null,
      answers: [
        {
          itemId: 'a1',
          status: 'behind',
          progress: 35,
          done: updateAnswers.done__a1,
          steeringNeeded: true,
          steeringExplanation: updateAnswers.explanation__a1,
          link: 'https://www.example.nl/verbeterplannen',
        },
        {
          itemId: 'a1.1',
          status: 'on_track',
          progress: 80,
          done: '',
          steeringNeeded: false,
          steeringExplanation: '',
          link: null,
        },
        {
          itemId: 'a1.2',
          status: 'not_started',
          progress: 0,
          done: '',
          steeringNeeded: false,
          steeringExplanation: '',
          link: null,
        },
        {
          itemId: 'a1.3',
          status: 'attention',
          progress: 50,
          done: 'De visitatie is gepland voor mei.',
          steeringNeeded: false,
          steeringExplanation: '',
          link: null,
        },
      ],
    };
    expect(fromTeams.data).toEqual(expected);
  });

  test('update form, next page pressed in the Slack modal (block_actions with the button value)', () => {
    const card = formPage(2);
    const modal = toSlackModal(card);
    const next = modal.blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .find((e) => e.text.text === 'Volgende pagina');
    const answers = Object.fromEntries(
      scope.slice(10, 20).flatMap((item) => {
        const id = item.id.replace('.', '_');
        return [
          [`status__${id}`, 'on_track'],
          [`progress__${id}`, '60'],
          [`steering__${id}`, 'false'],
        ];
      }),
    );
    const slack = stateToSubmitData(card, slackStateFor(modal, answers), next?.value ?? '');
    const nextIndex = (card.json.actions ?? []).findIndex((a) => a.title === 'Volgende pagina');
    expect(slack).toEqual(teamsSubmit(card, answers, nextIndex));
    const parsed = parseForm('update-form', slack);
    expect(parsed.data).toMatchObject({ verb: 'update.page', page: 2, goTo: 3 });
    expect(parsed.data?.answers.map((a) => a.itemId)).toEqual(scope.slice(10, 20).map((i) => i.id));
  });
});

/** The errors per input id of a submission that must fail. */
function errorsOf(name: FormName, data: Data, locale: 'nl' | 'en' = 'nl'): Record<string, string> {
  const result = parseForm(name, data);
  if (result.success) throw new Error(`${name} accepted ${JSON.stringify(data)}`);
  return inputErrors(result.error, locale);
}

describe('a bad submission gives errors keyed by input id, in the member’s language', () => {
  const card = renderCard('update-form', sampleData('update-form'), 'nl');
  const valid: Record<string, string> = {
    status__a1: 'on_track',
    progress__a1: '40',
    steering__a1: 'false',
    status__a1_1: 'on_track',
    progress__a1_1: '40',
    steering__a1_1: 'false',
    status__a1_2: 'on_track',
    progress__a1_2: '40',
    steering__a1_2: 'false',
    status__a1_3: 'on_track',
    progress__a1_3: '40',
    steering__a1_3: 'false',
  };

  test('progress 150, a missing status and steering needed without explanation, all at once', () => {
    const { status__a1_1, ...withoutStatus } = valid;
    const data = teamsSubmit(card, { ...withoutStatus, progress__a1: '150', steering__a1_2: 'true' });
    expect(errorsOf('update-form', data)).toEqual({
      progress__a1: 'Vul een heel getal van 0 tot en met 100 in.',
      status__a1_1: 'Kies een status.',
      explanation__a1_2: 'Licht toe welke bijsturing nodig is.',
    });
    expect(errorsOf('update-form', data, 'en')).toEqual({
      progress__a1: 'Enter a whole number from 0 to 100.',
      status__a1_1: 'Choose a status.',
      explanation__a1_2: 'Explain what steering is needed.',
    });
    // On Slack the keys are the block ids of the modal, for response_action: errors.
    const blockIds = toSlackModal(card).blocks.flatMap((b) => (b.type === 'input' ? [b.block_id] : []));
    for (const key of Object.keys(errorsOf('update-form', data))) expect(blockIds).toContain(key);
  });

  test.each([
    ['a word as progress', 'progress__a1', 'veertig', 'Vul een heel getal van 0 tot en met 100 in.'],
    ['a fraction as progress', 'progress__a1', '4.5', 'Vul een heel getal van 0 tot en met 100 in.'],
    ['an unknown status', 'status__a1', 'great', 'Kies een status.'],
    [
      'a link without https://',
      'link__a1',
      'www.example.nl',
      'Vul een volledige link in die begint met https://.',
    ],
    ['2,001 characters of what was done', 'done__a1', 'x'.repeat(2001), 'Deze tekst is te lang.'],
  ])('%s', (_, inputId, value, message) => {
    expect(errorsOf('update-form', teamsSubmit(card, { ...valid, [inputId]: value }))).toEqual({
      [inputId]: message,
    });
  });

  test('a missing progress is asked for', () => {
    const { progress__a1, ...rest } = valid;
    expect(errorsOf('update-form', teamsSubmit(card, rest))).toEqual({
      progress__a1: 'Dit veld is verplicht.',
    });
  });

  test('profile and practice form', () => {
    const profile = renderCard('profile', sampleData('profile'), 'nl');
    const badProfile = teamsSubmit(profile, { timeZone: 'Europe/Atlantis', locale: 'nl' });
    expect(errorsOf('profile', badProfile)).toEqual({
      board: 'Kies je bestuur uit de lijst.',
      timeZone: 'Kies een tijdzone uit de lijst.',
    });
    const practice = renderCard('practice-form', sampleData('practice-form'), 'nl');
    const badPractice = teamsSubmit(practice, { title: '  ', description: 'Iets', contact: 'Jan' });
    expect(errorsOf('practice-form', badPractice, 'en')).toEqual({
      title: 'This field is required.',
      ambitions: 'Choose at least one ambition.',
    });
  });
});
