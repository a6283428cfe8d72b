import type { LinkSource, UpdateStatus } from '../model';
import { dateTimeFormat } from '../time';
import type { Trend } from './summary';

/** The words of summaries, digests and the sector report, in Dutch and English. */

export type Locale = 'nl' | 'en';

export interface RenderOptions {
  locale?: Locale;
  /** Dates are shown as the calendar in this zone shows them. */
  timeZone?: string;
}

const nl = {
  summary: 'Samenvatting',
  ambition: 'Ambitie',
  period: 'Periode',
  until: 't/m',
  messages: 'berichten',
  keyPoints: 'Kernpunten',
  noKeyPoints: 'Er is in deze periode nog niets gedeeld over deze ambitie.',
  openQuestions: 'Open vragen',
  practices: 'Gedeelde praktijkvoorbeelden',
  participation: 'Deelname',
  board: 'Bestuur',
  noBoard: 'zonder bestuur',
  people: 'deelnemers',
  names: 'namen',
  statusPerCycle: 'Status per cyclus',
  cycle: 'Cyclus',
  answers: 'antwoorden',
  boards: 'besturen',
  averageProgress: 'gem. voortgang',
  trend: 'Trend',
  steering: 'Bijsturing gevraagd',
  aBoard: 'een bestuur',
  alsoIn: 'ook in {n} andere berichten',
  boardsMention: '{n} besturen noemen',
  message: 'bericht',
  andMore: 'en {n} andere',
  madeBy: 'Kernpunten gemaakt door',
  byExtractive: 'de ingebouwde samenvatter',
  byLlm: 'een taalmodel (elk punt verwijst naar zijn berichten)',
  linkedBy: 'Gekoppeld via',
  digest: 'Overzicht leergemeenschap',
  digestCycle: 'Afsluiting cyclus',
  digestNothing: 'Geen berichten over ambities in deze periode.',
  report: 'Staat van de sector',
  theme: 'Thema',
  otherAmbitions: 'Sectorambities',
  themeActions: 'Acties van dit thema',
  generated: 'Gemaakt op',
  none: 'geen',
} as const;

type Labels = { [K in keyof typeof nl]: string };

const en: Labels = {
  summary: 'Summary',
  ambition: 'Ambition',
  period: 'Period',
  until: 'to',
  messages: 'messages',
  keyPoints: 'Key points',
  noKeyPoints: 'Nothing has been shared about this ambition in this period yet.',
  openQuestions: 'Open questions',
  practices: 'Practices shared',
  participation: 'Participation',
  board: 'Board',
  noBoard: 'no board',
  people: 'people',
  names: 'names',
  statusPerCycle: 'Status per cycle',
  cycle: 'Cycle',
  answers: 'answers',
  boards: 'boards',
  averageProgress: 'avg. progress',
  trend: 'Trend',
  steering: 'Steering asked for',
  aBoard: 'a board',
  alsoIn: 'also in {n} other messages',
  boardsMention: '{n} boards mention',
  message: 'message',
  andMore: 'and {n} more',
  madeBy: 'Key points made by',
  byExtractive: 'the built-in summariser',
  byLlm: 'a language model (each point refers to its messages)',
  linkedBy: 'Linked by',
  digest: 'Learning community digest',
  digestCycle: 'Cycle closed',
  digestNothing: 'No messages about ambitions in this period.',
  report: 'State of the sector',
  theme: 'Theme',
  otherAmbitions: 'Sector ambitions',
  themeActions: 'Actions of this theme',
  generated: 'Made on',
  none: 'none',
};

export const STATUS_LABELS: Record<Locale, Record<UpdateStatus, string>> = {
  nl: {
    on_track: 'op koers',
    attention: 'aandacht nodig',
    behind: 'achter',
    not_started: 'nog niet gestart',
  },
  en: { on_track: 'on track', attention: 'needs attention', behind: 'behind', not_started: 'not started' },
};

export const TREND_LABELS: Record<Locale, Record<Trend, string>> = {
  nl: { improving: 'vooruit', stable: 'gelijk', declining: 'achteruit' },
  en: { improving: 'improving', stable: 'stable', declining: 'declining' },
};

export const SOURCE_LABELS: Record<Locale, Record<LinkSource, string>> = {
  nl: { tag: 'tag', manual: 'met de hand', thread: 'draad', auto: 'automatisch' },
  en: { tag: 'tag', manual: 'by hand', thread: 'thread', auto: 'automatic' },
};

export function labels(locale: Locale = 'nl'): Labels {
  return locale === 'en' ? en : nl;
}

/** A date as people read it: "5 maart 2027". */
export function formatDate(
  at: Date,
  { locale = 'nl', timeZone = 'Europe/Amsterdam' }: RenderOptions = {},
): string {
  return dateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(at);
}

/** The last day of a period that ends (exclusively) at `to`. */
export function lastDay(to: Date): Date {
  return new Date(to.getTime() - 1);
}
