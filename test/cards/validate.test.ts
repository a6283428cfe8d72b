import { type BoundCard, renderCard } from '../../src/cards/index';
import { sampleData } from '../../src/cards/samples';
import { checkEveryCard } from '../../src/cards/template';
import { cardProblems, reportInvalidCards } from '../../src/cards/validate';
import type { Logger } from '../../src/core/ports';

const card = (body: unknown[], version = '1.5') =>
  ({ type: 'AdaptiveCard', version, body }) as BoundCard['json'];

describe('the Adaptive Cards SDK check', () => {
  it('finds what Teams would not show: an unknown element, an input without id, another version, a 1.6 property', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'Goedemorgen' }]))).toEqual([]);
    expect(cardProblems(card([{ type: 'Fancy' }]))).toEqual([
      'parse: Unknown element type "Fancy". Fallback will be used if present.',
    ]);
    expect(cardProblems(card([{ type: 'Input.Text' }]))).toEqual([
      'validate: All inputs must have a unique Id.',
    ]);
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x' }], '1.6'))).toEqual([
      'version: 1.6, Teams renders 1.5',
    ]);
    // The SDK's own default is its latest schema (1.6), which would let this through.
    expect(
      cardProblems(card([{ type: 'Input.Text', id: 't', label: 'Naam', labelPosition: 'inline' }])),
    ).toEqual([
      'parse: Property "labelPosition" is supported in version 1.6, but you are using version 1.5.',
    ]);
  });

  it('takes Teams typeahead (choices.data) as Teams renders it in 1.5 cards, and only as Teams defines it', () => {
    const choiceSet = { type: 'Input.ChoiceSet', id: 'board', choices: [{ title: 'A', value: 'a' }] };
    const query = { type: 'Data.Query', dataset: 'boards' };
    expect(cardProblems(card([{ ...choiceSet, 'choices.data': query }]))).toEqual([]);
    expect(cardProblems(card([{ ...choiceSet, 'choices.data': { type: 'Data.Query' } }]))).toEqual([
      'teams: choices.data must be a Data.Query with a dataset on an Input.ChoiceSet (board)',
    ]);
    expect(cardProblems(card([{ type: 'Input.Text', id: 'q', 'choices.data': query }]))).toEqual([
      'teams: choices.data must be a Data.Query with a dataset on an Input.ChoiceSet (q)',
    ]);
  });

  it('reports an invalid card through the error sink with CARD_INVALID, and says nothing of a valid one', () => {
    const lines: Record<string, unknown>[] = [];
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (fields) => lines.push({ ...fields }) };
    const report = reportInvalidCards(logger);
    report(renderCard('checkin', sampleData('checkin'), 'nl'));
    expect(lines).toEqual([]);
    report({ name: 'profile', locale: 'en', json: card([{ type: 'Input.Text', placeholder: 'Name' }]) });
    // The same shape with other words is not checked again; another shape is.
    report({ name: 'profile', locale: 'nl', json: card([{ type: 'Input.Text', placeholder: 'Naam' }]) });
    report({ name: 'profile', locale: 'nl', json: card([{ type: 'Input.Text' }, { type: 'Input.Text' }]) });
    expect(lines).toHaveLength(2);
    expect(lines.slice(0, 1)).toEqual([
      expect.objectContaining({
        code: 'CARD_INVALID',
        err: expect.objectContaining({
          params: { card: 'profile', detail: 'validate: All inputs must have a unique Id.' },
        }),
      }),
    ]);
  });

  it('runs the installed check on every card bound, until it is taken away', () => {
    const seen: string[] = [];
    checkEveryCard((bound) => seen.push(`${bound.name}:${bound.locale}`));
    try {
      renderCard('welcome', sampleData('welcome'), 'nl');
      renderCard('summary', sampleData('summary'), 'en');
    } finally {
      checkEveryCard(undefined);
    }
    renderCard('error', sampleData('error'), 'nl');
    expect(seen).toEqual(['welcome:nl', 'summary:en']);
  });
});
