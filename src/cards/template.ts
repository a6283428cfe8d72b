import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { Locale } from '../i18n/index';
import { CARDS_DIR } from '../paths';
import type { AcCard } from './adaptive-card';
import type { CardName } from './names';

/** A card bound to its data, ready for Teams (`json`) or for the Slack translator. */
export interface BoundCard {
  name: CardName;
  locale: Locale;
  json: AcCard;
}

const templates = new Map<CardName, Template>();

/**
 * The template of a card, read and parsed once from cards/<name>.json. Parsing is what costs (every
 * `${…}` goes through the expression parser: tens of milliseconds a card); `expand` is synchronous and
 * keeps no state between calls, so one parsed template serves every binding.
 */
function loadTemplate(name: CardName): Template {
  let template = templates.get(name);
  if (template === undefined) {
    template = new Template(JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, template);
  }
  return template;
}

/** Drops null properties and array entries: an optional value the data leaves out (`${progress}`) binds to null. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  return value;
}

/**
 * Expands the template of `name` with `root` as `$root`. The library reports every false `$when` as a
 * warning, so its warnings say nothing; the tests check that no `${...}` is left unbound.
 */
export function bindTemplate(name: CardName, locale: Locale, root: object): BoundCard {
  const expanded = loadTemplate(name).expand({ $root: root });
  const card: BoundCard = { name, locale, json: withoutNulls(expanded) as AcCard };
  check?.(card);
  return card;
}

let check: ((card: BoundCard) => void) | undefined;

/** Runs `fn` on every card bound from now on (the server in development: validate.ts); undefined stops it. */
export function checkEveryCard(fn: ((card: BoundCard) => void) | undefined): void {
  check = fn;
}
