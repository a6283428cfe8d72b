import {
  type AcCard,
  type BoundCard,
  type CardError,
  type CardName,
  stateToSubmitData,
  toSlackMessage,
  toSlackModal,
} from '../../src/cards/index';
import { slackLimitViolations } from './support/slack-limits';
import { slackStateFor } from './support/slack-state';

const card = (name: CardName, body: unknown[], actions: unknown[] = []): BoundCard => ({
  name,
  locale: 'nl',
  json: { type: 'AdaptiveCard', version: '1.5', body, actions } as AcCard,
});

const text = (value: string, extra: object = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

function refusal(translate: () => unknown): CardError {
  try {
    translate();
  } catch (err) {
    return err as CardError;
  }
  throw new Error('expected the translator to refuse');
}

describe('the translator refuses what it does not support, naming the element and the card', () => {
  test.each([
    ['Image', [{ type: 'Image', url: 'https://www.example.nl/logo.png' }], []],
    ['Media', [{ type: 'Container', items: [{ type: 'Media', sources: [] }] }], []],
    [
      'Table',
      [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'Table', rows: [] }] }] }],
      [],
    ],
    ['Action.ShowCard', [text('Hallo')], [{ type: 'Action.ShowCard', title: 'Meer', card: {} }]],
    ['Action.ToggleVisibility', [text('Hallo')], [{ type: 'Action.ToggleVisibility', title: 'Meer' }]],
  ])('%s', (type, body, actions) => {
    const err = refusal(() => toSlackMessage(card('summary', body, actions)));
    expect(err.code).toBe('CARD_UNSUPPORTED');
    expect(err.message).toContain(type);
    expect(err.message).toContain('summary');
  });

  test('inputs in a message (they belong in a modal)', () => {
    const input = { type: 'Input.Text', id: 'title', label: 'Titel' };
    const err = refusal(() => toSlackMessage(card('practice-form', [input])));
    expect(err.code).toBe('CARD_UNSUPPORTED');
    expect(err.message).toMatch(/practice-form.*Input\.Text.*modal/);
  });

  test('a modal with inputs but no submit action', () => {
    const input = { type: 'Input.Text', id: 'title', label: 'Titel' };
    const err = refusal(() => toSlackModal(card('practice-form', [input])));
    expect(err.message).toMatch(/practice-form.*submit action/);
  });

  test('an input without a label', () => {
    const submit = { type: 'Action.Execute', verb: 'practice.submit', title: 'Delen' };
    const err = refusal(() =>
      toSlackModal(card('practice-form', [{ type: 'Input.Text', id: 'title' }], [submit])),
    );
    expect(err.message).toContain('Input.Text title has no label');
  });
});

describe('text', () => {
  test('Markdown becomes mrkdwn; headings become headers; subtle text becomes context', () => {
    const message = toSlackMessage(
      card('summary', [
        text('Samenvatting **ambitie 1**', { style: 'heading' }),
        text('Zie [het plan](https://www.example.nl/plan?a=1&b=2) en **de cijfers** <2027>'),
        text('- eerste punt\n- tweede punt', { weight: 'Bolder' }),
        text('Bijgewerkt op 1 maart', { isSubtle: true }),
      ]),
    );
    expect(message.text).toBe('Samenvatting ambitie 1');
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Samenvatting ambitie 1', emoji: true } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            'Zie <https://www.example.nl/plan?a=1&amp;b=2|het plan> en *de cijfers* &lt;2027&gt;\n' +
            '*• eerste punt*\n*• tweede punt*',
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Bijgewerkt op 1 maart' }] },
    ]);
  });

  test('long text is split across sections, nothing cut off', () => {
    const sentence =
      'Alle scholen hebben hun resultaten op taal en rekenen besproken met de intern begeleiders. ';
    const long = sentence.repeat(80).trim();
    const { blocks } = toSlackMessage(card('practice-view', [text(long)]));
    expect(blocks.length).toBeGreaterThan(2);
    const parts = blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(3000);
    expect(parts.join(' ')).toBe(long);
  });

  test('a heading longer than a header allows becomes a bold section', () => {
    const title = `Ambitie 1: ${'lang '.repeat(40).trim()}`;
    const { blocks } = toSlackMessage(card('summary', [text(title, { style: 'heading' })]));
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } }]);
  });

  test('facts become section fields, ten at most per section', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ title: `Thema ${i + 1}`, value: `${i} van 12` }));
    const { blocks } = toSlackMessage(card('cycle-status', [{ type: 'FactSet', facts }]));
    expect(blocks.map((b) => (b.type === 'section' ? b.fields?.length : 0))).toEqual([10, 2]);
    expect(blocks[0]?.type === 'section' && blocks[0].fields?.[0]).toEqual({
      type: 'mrkdwn',
      text: '*Thema 1*\n0 van 12',
    });
  });
});

describe('actions', () => {
  const execute = (verb: string, title: string, data: object) => ({
    type: 'Action.Execute',
    verb,
    title,
    data: { verb, ...data },
    fallback: { type: 'Action.Submit', title, data: { verb, ...data } },
  });

  test('buttons carry the verb as action_id and the data as value; a repeated verb starts a new block', () => {
    const { blocks } = toSlackMessage(
      card(
        'update-receipt',
        [text('Ontvangen')],
        [
          execute('update.edit', 'Verder met pagina 2', { cycleId: 'c1', page: 2 }),
          execute('update.edit', 'Wijzigen', { cycleId: 'c1', page: 1 }),
          { type: 'Action.OpenUrl', title: 'Dashboard', url: 'https://www.example.nl/d' },
        ],
      ),
    );
    expect(blocks.slice(1)).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Verder met pagina 2', emoji: true },
            action_id: 'update.edit',
            value: '{"verb":"update.edit","cycleId":"c1","page":2}',
          },
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Wijzigen', emoji: true },
            action_id: 'update.edit',
            value: '{"verb":"update.edit","cycleId":"c1","page":1}',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Dashboard', emoji: true },
            url: 'https://www.example.nl/d',
          },
        ],
      },
    ]);
  });

  test('data longer than a button value allows is refused', () => {
    const big = execute('update.edit', 'Wijzigen', { note: 'x'.repeat(2000) });
    const err = refusal(() => toSlackMessage(card('update-receipt', [text('Ontvangen')], [big])));
    expect(err.code).toBe('CARD_TOO_LARGE');
    expect(err.message).toContain('update-receipt');
  });

  test('a message over 50 blocks is refused clearly, naming the card', () => {
    const body = Array.from({ length: 26 }, (_, i) => [
      text(`Thema ${i}`, { style: 'heading' }),
      text(`Toelichting ${i}`, { isSubtle: true }),
    ]).flat();
    const err = refusal(() => toSlackMessage(card('summary', body)));
    expect(err.code).toBe('CARD_TOO_LARGE');
    expect(err.message).toMatch(/summary.*52 blocks.*50/);
  });
});

describe('inputs in a modal, and their state back as Adaptive Card submit data', () => {
  const submit = {
    type: 'Action.Execute',
    verb: 'practice.submit',
    title: 'Delen',
    data: { verb: 'practice.submit', agendaId: 'po-raad-2022-2026' },
  };
  const ambitions = Array.from({ length: 12 }, (_, i) => ({ title: `Ambitie ${i + 1}`, value: `a${i + 1}` }));
  const form = card(
    'practice-form',
    [
      {
        type: 'Input.Text',
        id: 'title',
        label: 'Titel',
        isRequired: true,
        maxLength: 150,
        value: 'Leesplan',
      },
      { type: 'Input.Number', id: 'progress', label: 'Voortgang', min: 0, max: 100, value: 40 },
      { type: 'Input.Date', id: 'from', label: 'Vanaf', value: '2027-03-01' },
      {
        type: 'Input.Toggle',
        id: 'steering',
        label: 'Bijsturing',
        title: 'Nodig',
        valueOn: 'true',
        valueOff: 'false',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'lang',
        label: 'Taal',
        style: 'expanded',
        choices: ambitions.slice(0, 2),
        value: 'a2',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'many',
        label: 'Ambities',
        isMultiSelect: true,
        choices: ambitions,
        value: 'a3,a11',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'few',
        label: 'Ambities',
        isMultiSelect: true,
        choices: ambitions.slice(0, 3),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'board',
        label: 'Bestuur',
        style: 'filtered',
        choices: [{ title: 'Stichting Waterland', value: 'b-1' }],
        value: 'b-1',
        'choices.data': { type: 'Data.Query', dataset: 'boards' },
      },
    ],
    [submit],
  );

  test('each maps to its Block Kit element, with block_id and action_id the input id', () => {
    const modal = toSlackModal(form);
    expect(modal).toMatchObject({
      type: 'modal',
      title: { text: 'Praktijkvoorbeeld delen' },
      submit: { text: 'Delen' },
      close: { text: 'Annuleren' },
      callback_id: 'practice.submit',
      private_metadata: JSON.stringify(submit.data),
    });
    const elements = Object.fromEntries(
      modal.blocks.flatMap((b) =>
        b.type === 'input' ? [[b.block_id, { ...b.element, optional: b.optional }]] : [],
      ),
    );
    for (const [id, element] of Object.entries(elements)) expect(element.action_id).toBe(id);
    expect(elements.title).toMatchObject({
      type: 'plain_text_input',
      initial_value: 'Leesplan',
      max_length: 150,
      optional: false,
    });
    expect(elements.progress).toMatchObject({
      type: 'number_input',
      is_decimal_allowed: false,
      initial_value: '40',
      min_value: '0',
      max_value: '100',
    });
    expect(elements.from).toMatchObject({ type: 'datepicker', initial_date: '2027-03-01' });
    expect(elements.steering).toMatchObject({
      type: 'checkboxes',
      options: [{ value: 'true' }],
      optional: true,
    });
    expect(elements.lang).toMatchObject({ type: 'radio_buttons', initial_option: { value: 'a2' } });
    expect(elements.many).toMatchObject({
      type: 'multi_static_select',
      initial_options: [{ value: 'a3' }, { value: 'a11' }],
    });
    expect(elements.few).toMatchObject({ type: 'checkboxes' });
    expect(elements.board).toMatchObject({
      type: 'external_select',
      min_query_length: 2,
      initial_option: { text: { text: 'Stichting Waterland' }, value: 'b-1' },
    });
    expect(slackLimitViolations(modal)).toEqual([]);
  });

  test('view.state.values comes back as Teams would send it', () => {
    const modal = toSlackModal(form);
    const answers = {
      title: 'Leesplan 2027',
      progress: '55',
      from: '2027-04-15',
      steering: 'true',
      lang: 'a1',
      many: 'a12,a2',
      few: '',
      board: 'b-9',
    };
    expect(stateToSubmitData(form, slackStateFor(modal, answers), modal.private_metadata)).toEqual({
      ...submit.data,
      title: 'Leesplan 2027',
      progress: '55',
      from: '2027-04-15',
      steering: 'true',
      lang: 'a1',
      many: 'a2,a12',
      board: 'b-9',
    });
  });

  test('an unticked toggle is "false", as on Teams', () => {
    const modal = toSlackModal(form);
    const data = stateToSubmitData(form, slackStateFor(modal, {}), modal.private_metadata);
    expect(data).toEqual({ ...submit.data, steering: 'false' });
  });
});
