import { type Locale, t } from '../../i18n/index';
import type { ErrorCardData, ProfileData, ProfilePromptData, WelcomeData } from '../data';
import { memberParams, memberText } from '../member-text';
import { cardStrings, invalidStrings } from '../strings';
import { type BoundCard, bindTemplate } from '../template';

const MEMBER_COMMANDS = ['Profile', 'MyData', 'Practice', 'Summary', 'Agenda', 'Join', 'Help'] as const;
const COORDINATOR_COMMANDS = ['Community', 'Cycle'] as const;

export function renderWelcome(data: WelcomeData, locale: Locale): BoundCard {
  const strings = cardStrings(locale, 'welcome');
  const facts = (names: readonly string[]) =>
    names.map((name) => ({ title: strings[`cmd${name}`], value: strings[`cmd${name}Help`] }));
  return bindTemplate('welcome', locale, {
    strings,
    commands: facts(MEMBER_COMMANDS),
    isCoordinator: data.isCoordinator,
    coordinatorCommands: facts(COORDINATOR_COMMANDS),
    hasCommunities: data.communities.length > 0,
    communities: data.communities.map((c) => ({ title: memberText(c.theme), value: memberText(c.channel) })),
  });
}

/** The time zones offered besides the member's own: the Netherlands and the Caribbean parts of the kingdom. */
const TIME_ZONES = [
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/London',
  'America/Kralendijk',
  'America/Curacao',
  'America/Aruba',
  'America/Lower_Princes',
  'UTC',
];

const zoneChoice = (zone: string) => {
  const city = (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
  return { title: city === zone ? zone : `${city} (${zone})`, value: zone };
};

export function renderProfile(data: ProfileData, locale: Locale): BoundCard {
  const zones = TIME_ZONES.includes(data.timeZone) ? TIME_ZONES : [data.timeZone, ...TIME_ZONES];
  return bindTemplate('profile', locale, {
    strings: cardStrings(locale, 'profile'),
    invalid: invalidStrings(locale),
    boards: data.boards.map((b) => ({ title: b.name, value: b.id })),
    boardId: data.boardId,
    timeZone: data.timeZone,
    timeZones: zones.map(zoneChoice),
    locale: data.locale,
    peerContact: data.peerContact ? 'true' : 'false',
  });
}

export function renderProfilePrompt(data: ProfilePromptData, locale: Locale): BoundCard {
  const params = { cycle: data.forCycle ?? '' };
  const strings = cardStrings(locale, 'profile-prompt', params);
  return bindTemplate('profile-prompt', locale, {
    strings: { ...strings, intro: data.forCycle ? strings.introCycle : strings.intro },
  });
}

/** Inline code in the error catalogue (`mijn-gegevens`) reads as bold on a card. */
const codeAsBold = (text: string) => text.replace(/`([^`]+)`/g, '**$1**');

export function renderError(data: ErrorCardData, locale: Locale): BoundCard {
  return bindTemplate('error', locale, {
    strings: cardStrings(locale, 'error', { reference: data.reference ?? '' }),
    message: codeAsBold(t(locale, `error.${data.code}`, memberParams(data.params ?? {}))),
    hasReference: data.reference !== undefined,
  });
}
