import {
  type BoundCard,
  ITEMS_PER_PAGE,
  renderCheckin,
  renderSteeringForm,
  renderUpdateForm,
  renderUpdateReceipt,
  toSlackMessage,
  toSlackModal,
} from '../../src/cards/index';
import { sampleData, sampleItems } from '../../src/cards/samples';
import type { UpdateAnswer } from '../../src/core/model';
import { slackLimitViolations } from './support/slack-limits';

const TEAMS_CARD_BYTES = 80 * 1024;

type Data = Record<string, unknown>;
const actionData = (card: BoundCard, index: number) => (card.json.actions?.[index]?.data ?? {}) as Data;

const SENTENCE =
  'Op alle scholen is het leesplan geëvalueerd met de leescoördinatoren; de resultaten zijn besproken met de ' +
  'raad van toezicht en de GMR, en de aanpak wordt na de zomer uitgebreid naar de vier kleinere scholen. ';
/** Dutch text of exactly `length` characters (its accents take two bytes in UTF-8). */
const longText = (length: number) => SENTENCE.repeat(Math.ceil(length / SENTENCE.length)).slice(0, length);

const actions = sampleItems().filter((item) => item.kind === 'action');

/** The longest answers the form accepts, for each item: what a very thorough member leaves behind. */
const fullAnswers = (itemIds: string[]): UpdateAnswer[] =>
  itemIds.map((itemId) => ({
    itemId,
    status: 'attention',
    progress: 65,
    done: longText(2000),
    steeringNeeded: true,
    steeringExplanation: longText(1000),
    link: `https://www.example.nl/${'documenten/'.repeat(40)}verslag.pdf`,
  }));

const base = sampleData('update-form');
const tenActions = actions.slice(0, 10);

describe('the largest realistic card: 10 actions with the longest answers filled in', () => {
  const card = renderUpdateForm(
    { ...base, items: tenActions, previous: fullAnswers(tenActions.map((a) => a.id)) },
    'nl',
  );
  const bytes = Buffer.byteLength(JSON.stringify(card.json));

  test('is one page', () => {
    expect(tenActions).toHaveLength(ITEMS_PER_PAGE);
    expect(card.json.actions?.map((a) => a.verb)).toEqual(['update.submit']);
  });

  test(`stays under 80 KB for Teams (${(bytes / 1024).toFixed(1)} KB)`, () => {
    expect(bytes).toBeLessThan(TEAMS_CARD_BYTES);
  });

  test('fits a Slack modal within every limit', () => {
    const modal = toSlackModal(card);
    expect(slackLimitViolations(modal)).toEqual([]);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
  });

  test('its receipt fits a Teams card and a Slack message', () => {
    const receipt = renderUpdateReceipt(
      {
        ...sampleData('update-receipt'),
        items: tenActions,
        answers: fullAnswers(tenActions.map((a) => a.id)),
      },
      'nl',
    );
    expect(Buffer.byteLength(JSON.stringify(receipt.json))).toBeLessThan(TEAMS_CARD_BYTES);
    expect(slackLimitViolations(toSlackMessage(receipt))).toEqual([]);
  });
});

describe('a scope larger than one card is paged, never cut off', () => {
  const scope = sampleItems();
  const previous = fullAnswers(scope.map((i) => i.id));
  const pages = Math.ceil(scope.length / ITEMS_PER_PAGE);
  const render = (page: number) => renderUpdateForm({ ...base, items: scope, previous, page }, 'nl');

  test('every item is on exactly one page, in order', () => {
    const shown = Array.from({ length: pages }, (_, i) => render(i + 1)).flatMap(
      (card) => actionData(card, 0).items as string[],
    );
    expect(shown).toEqual(scope.map((i) => i.id));
  });

  test.each(Array.from({ length: pages }, (_, i) => i + 1))('page %i fits Teams and Slack', (page) => {
    const card = render(page);
    expect(Buffer.byteLength(JSON.stringify(card.json))).toBeLessThan(TEAMS_CARD_BYTES);
    expect(slackLimitViolations(toSlackModal(card))).toEqual([]);
    const goTo = (card.json.actions ?? [])
      .filter((a) => a.verb === 'update.page')
      .map((a) => (a.data as Data).goTo);
    expect(goTo).toEqual([...(page > 1 ? [page - 1] : []), ...(page < pages ? [page + 1] : [])]);
  });

  test('a page beyond the last shows the last', () => {
    expect(actionData(render(99), 0)).toMatchObject({ page: pages });
  });

  test('the check-in of the whole scope fits a Slack message', () => {
    const checkin = renderCheckin({ ...sampleData('checkin'), items: scope }, 'nl');
    expect(slackLimitViolations(toSlackMessage(checkin))).toEqual([]);
  });
});

describe('the largest steering form: ten ambitions with every request and key point at full length', () => {
  const sample = sampleData('steering-form');
  const [first] = sample.ambitions;
  if (!first) throw new Error('the steering sample has no ambition');
  const ambitions = Array.from({ length: 10 }, (_, n) => ({
    ...first,
    id: `a${n + 1}`,
    number: n + 1,
    title: `Ambitie ${n + 1}: ${longText(120)}`,
    requests: Array.from({ length: 5 }, () => ({
      boardName: `Stichting ${longText(80)}`,
      explanation: longText(1000),
      answered: false,
    })),
    moreRequests: 12,
    keyPoints: [longText(600), longText(600), longText(600)],
  }));
  const card = renderSteeringForm({ ...sample, ambitions }, 'nl');

  test('stays under 80 KB for Teams', () => {
    expect(Buffer.byteLength(JSON.stringify(card.json))).toBeLessThan(TEAMS_CARD_BYTES);
  });

  test('fits a Slack modal within every limit, each ambition with its requests and key points', () => {
    const modal = toSlackModal(card);
    expect(slackLimitViolations(modal)).toEqual([]);
    const text = JSON.stringify(modal.blocks);
    expect(text).toContain('Ambitie 10');
    expect(text).toContain('en nog 12 vraag/vragen om bijsturing');
    expect(text).toContain('Uit het gesprek:');
  });
});
