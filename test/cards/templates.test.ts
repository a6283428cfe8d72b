import fs from 'node:fs';
import path from 'node:path';
import {
  CARD_NAMES,
  CARD_VERBS,
  isFormName,
  renderCard,
  toSlackMessage,
  toSlackModal,
} from '../../src/cards/index';
import { previewCard } from '../../src/cards/preview';
import { sampleData } from '../../src/cards/samples';
import { cardProblems } from '../../src/cards/validate';
import { cardsEn } from '../../src/i18n/cards.en';
import { cardsNl } from '../../src/i18n/cards.nl';
import { LOCALES, t } from '../../src/i18n/index';
import { CARDS_DIR } from '../../src/paths';
import { slackLimitViolations } from './support/slack-limits';

const cases = CARD_NAMES.flatMap((name) => LOCALES.map((locale) => [name, locale] as const));

describe.each(cases)('card %s (%s), bound with sample data', (name, locale) => {
  const card = renderCard(name, sampleData(name), locale);
  const text = JSON.stringify(card.json);

  test('parses and validates with the Adaptive Cards SDK against schema 1.5 without errors or warnings', () => {
    expect(card.json.version).toBe('1.5');
    expect(cardProblems(card.json)).toEqual([]);
  });

  test('has every binding filled in', () => {
    expect(text).not.toContain('${');
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  test('has only Action.Execute actions with a known verb and an Action.Submit fallback with the same data', () => {
    for (const action of card.json.actions ?? []) {
      if (action.type === 'Action.OpenUrl') continue;
      expect(action.type).toBe('Action.Execute');
      expect(CARD_VERBS).toContain(action.verb);
      expect(action.data).toMatchObject({ verb: action.verb });
      expect(action.fallback).toEqual({ type: 'Action.Submit', title: action.title, data: action.data });
    }
  });

  test('translates to Block Kit within Slack limits', () => {
    const slack = isFormName(name) ? toSlackModal(card) : toSlackMessage(card);
    expect(slackLimitViolations(slack)).toEqual([]);
  });

  test('opens as a modal too, with a title that fits', () => {
    expect(t(locale, `card.${name}.modalTitle`).length).toBeLessThanOrEqual(24);
  });
});

/** The other side of every `$when`: sample data with the optional parts left out. */
const variants = [
  renderCard('welcome', { isCoordinator: false, communities: [] }, 'nl'),
  renderCard('profile', { ...sampleData('profile'), boardId: null, timeZone: 'Asia/Tokyo' }, 'en'),
  renderCard('checkin', { ...sampleData('checkin'), boardName: null, answered: true }, 'nl'),
  renderCard('update-form', { ...sampleData('update-form'), previous: [] }, 'nl'),
  renderCard('update-receipt', { ...sampleData('update-receipt'), cycleOpen: false }, 'nl'),
  renderCard('practice-form', { ...sampleData('practice-form'), draft: {} }, 'en'),
  renderCard('practice-view', { ...sampleData('practice-view'), instruments: '' }, 'nl'),
  renderCard(
    'summary',
    {
      ...sampleData('summary'),
      cycleName: null,
      keyPoints: [],
      statusCounts: { on_track: 0, attention: 0, behind: 0, not_started: 0 },
      practices: [],
      participation: null,
      dashboardUrl: null,
    },
    'nl',
  ),
  renderCard(
    'cycle-status',
    {
      ...sampleData('cycle-status'),
      cycle: { ...sampleData('cycle-status').cycle, status: 'closed' },
      byTheme: [],
      byGroup: [],
      dashboardUrl: null,
    },
    'en',
  ),
  renderCard('error', { code: 'INTERNAL' }, 'nl'),
];

test.each(variants.map((card) => [card.name, card] as const))(
  'card %s without its optional parts is valid, fully bound and fits Slack',
  (name, card) => {
    expect(cardProblems(card.json)).toEqual([]);
    expect(JSON.stringify(card.json)).not.toMatch(/\$\{|\{[a-zA-Z]+\}/);
    expect(slackLimitViolations(isFormName(name) ? toSlackModal(card) : toSlackMessage(card))).toEqual([]);
  },
);

test.each(CARD_NAMES)('previewCard(%s) gives the Teams card and the Slack message or modal', (name) => {
  for (const locale of LOCALES) {
    expect(previewCard(name, 'teams', locale)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const slack = previewCard(name, 'slack', locale);
    expect(slack).toHaveProperty('blocks');
    expect('type' in slack && slack.type === 'modal').toBe(isFormName(name));
  }
});

test('the English card strings have the same placeholders as the Dutch ones', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(cardsNl) as (keyof typeof cardsNl)[])
    expect([key, placeholders(cardsEn[key])]).toEqual([key, placeholders(cardsNl[key])]);
});

describe('templates', () => {
  test('are parsed once and bind each time afresh: one binding leaves nothing behind for the next', () => {
    const sample = sampleData('checkin');
    const fresh = renderCard('checkin', sample, 'nl').json;
    const other = { ...sample, answered: true, boardName: null, cycle: { ...sample.cycle, name: 'Anders' } };
    expect(renderCard('checkin', other, 'nl').json).not.toEqual(fresh);
    expect(renderCard('checkin', other, 'en').json).not.toEqual(fresh);
    expect(renderCard('checkin', sample, 'nl').json).toEqual(fresh);
  });

  test('there is one per card, and nothing else in cards/', () => {
    const files = fs.readdirSync(CARDS_DIR).sort();
    expect(files).toEqual(CARD_NAMES.map((n) => `${n}.json`).sort());
  });

  test.each(CARD_NAMES)('%s takes every visible string from the data (the i18n catalogue)', (name) => {
    const visible = ['text', 'title', 'label', 'placeholder', 'errorMessage', 'value'];
    const literal: string[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object')
        for (const [key, value] of Object.entries(node)) {
          const words = typeof value === 'string' ? value.replace(/\$\{[^}]*\}/g, '') : '';
          if (visible.includes(key) && /\p{L}/u.test(words)) literal.push(`${key}: ${value}`);
          if (key !== 'data') visit(value);
        }
    };
    const template = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
    visit(template.body);
    visit(template.actions);
    // Values of choices are codes, not text.
    expect(literal.filter((l) => !/^value: [a-z_]+$/.test(l))).toEqual([]);
  });
});
