import { cardsEn } from './cards.en';
import { cardsNl } from './cards.nl';
import { chatEn } from './chat.en';
import { chatNl } from './chat.nl';
import { cliEn } from './cli.en';
import { cliNl } from './cli.nl';
import { dashboardEn } from './dashboard.en';
import { dashboardNl } from './dashboard.nl';
import { errorsEn } from './errors.en';
import { errorsNl } from './errors.nl';
import { outboxEn } from './outbox.en';
import { outboxNl } from './outbox.nl';
import { peersEn } from './peers.en';
import { peersNl } from './peers.nl';
import { slackEn } from './slack.en';
import { slackNl } from './slack.nl';
import { steeringEn } from './steering.en';
import { steeringNl } from './steering.nl';
import { steeringLoopEn } from './steering-loop.en';
import { steeringLoopNl } from './steering-loop.nl';
import { teamsEn } from './teams.en';
import { teamsNl } from './teams.nl';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A catalogue: keys to strings with {placeholders}. Each area keeps its own file per locale, merged here. */
export type Messages = Record<string, string>;

const catalogues: Record<Locale, Messages> = {
  nl: {
    ...errorsNl,
    ...slackNl,
    ...teamsNl,
    ...chatNl,
    ...outboxNl,
    ...cardsNl,
    ...dashboardNl,
    ...cliNl,
    ...steeringNl,
    ...steeringLoopNl,
    ...peersNl,
  },
  en: {
    ...errorsEn,
    ...slackEn,
    ...teamsEn,
    ...chatEn,
    ...outboxEn,
    ...cardsEn,
    ...dashboardEn,
    ...cliEn,
    ...steeringEn,
    ...steeringLoopEn,
    ...peersEn,
  },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The string for key in locale, falling back to Dutch, with {name} placeholders filled from params. */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? catalogues.nl[key];
  if (template === undefined) throw new Error(`i18n: no string "${key}"`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function keys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}
