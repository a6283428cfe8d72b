import type * as AdaptiveCards from 'adaptivecards';
import { AppError } from '../core/errors';
import type { Logger } from '../core/ports';
import { reportError } from '../error-sink';
import type { AcCard } from './adaptive-card';
import type { BoundCard } from './template';

/** The schema version Teams renders, and the one every template declares. */
export const CARD_VERSION = '1.5';

let sdk: typeof AdaptiveCards | undefined;

/**
 * The Adaptive Cards SDK, loaded at first use. Its lib/ build does not load in Node; its browser bundle
 * does, with the same API, and parsing and validating need no DOM.
 */
function adaptiveCards(): typeof AdaptiveCards {
  sdk ??= require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;
  return sdk;
}

/**
 * What the SDK reports parsing and validating a card against schema 1.5 (its default would be its own
 * latest, 1.6, which Teams does not render): every parse event and validation event, empty when valid.
 */
export function cardProblems(json: AcCard): string[] {
  const { AdaptiveCard, SerializationContext, Versions } = adaptiveCards();
  const problems: string[] = [];
  if (json.version !== CARD_VERSION) problems.push(`version: ${json.version}, Teams renders ${CARD_VERSION}`);
  const context = new SerializationContext(Versions.v1_5);
  const card = new AdaptiveCard();
  card.parse(withoutTeamsExtensions(json, problems), context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

/**
 * Teams renders dynamic typeahead (`choices.data`: a `Data.Query` on an Input.ChoiceSet) in its 1.5 cards
 * (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search); the SDK knows it
 * only from schema 1.6. So it is checked here and taken out of what the SDK sees.
 */
function withoutTeamsExtensions(value: unknown, problems: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutTeamsExtensions(v, problems));
  if (!value || typeof value !== 'object') return value;
  const { 'choices.data': query, ...rest } = value as Record<string, unknown>;
  if (query !== undefined) {
    const q = query as { type?: unknown; dataset?: unknown };
    if (
      rest.type !== 'Input.ChoiceSet' ||
      q?.type !== 'Data.Query' ||
      typeof q.dataset !== 'string' ||
      !q.dataset
    )
      problems.push(
        `teams: choices.data must be a Data.Query with a dataset on an Input.ChoiceSet (${rest.id})`,
      );
  }
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutTeamsExtensions(v, problems)]));
}

/** A card's shape: its structure with the words taken out; what the SDK's verdict depends on. */
const shapeOf = (card: AcCard) =>
  JSON.stringify(card, (key, value: unknown) =>
    typeof value === 'string' && !['type', 'id', 'version', 'style', 'verb'].includes(key) ? '' : value,
  );

/** Shapes remembered; past this the memory starts afresh (a handful of shapes per card in practice). */
const MAX_SHAPES = 1000;

/**
 * For development: a bound card the SDK finds fault with is reported through the error sink
 * (CARD_INVALID). Each shape is checked once: the SDK costs milliseconds a card, which a server
 * answering in one should not pay for every binding of the same form with other words.
 */
export function reportInvalidCards(logger: Logger): (card: BoundCard) => void {
  const checked = new Set<string>();
  return (card) => {
    const shape = `${card.name}:${shapeOf(card.json)}`;
    if (checked.has(shape)) return;
    if (checked.size >= MAX_SHAPES) checked.clear();
    checked.add(shape);
    const problems = cardProblems(card.json);
    if (problems.length === 0) return;
    const detail = problems.join('; ');
    reportError(
      logger,
      new AppError(
        'CARD_INVALID',
        `card ${card.name} (${card.locale}) is not a valid Adaptive Card 1.5: ${detail}`,
        {
          card: card.name,
          detail,
        },
      ),
    );
  };
}
