import type { slackNl } from './slack.nl';

/** Strings only Slack shows, in English. */
export const slackEn: Record<keyof typeof slackNl, string> = {
  'slack.badRequest': 'I could not read that request. Try again; if it keeps failing, tell the coordinator.',
  'slack.home.title': 'Samenspraak',
  'slack.home.intro':
    'Working together on the strategic agenda: check-ins, learning communities and summaries per ambition.',
  'slack.home.profile': 'My details',
  'slack.home.noBoard':
    ':wave: First choose the board you answer the progress updates for; without a board you get no check-in.',
  'slack.home.checkIns': '*Your open check-ins*',
  'slack.home.noCheckIns': 'Nothing is waiting for you now.',
  'slack.home.checkIn': '• *{cycle}*, closes {closes}: {state}',
  'slack.home.answered': 'answered, you can still change it',
  'slack.home.notAnswered': 'not answered yet',
  'slack.home.communities': '*Your learning communities*',
  'slack.home.noCommunities':
    'You have not joined one yet. Type `/samenspraak lid` in the channel of a learning community.',
  'slack.home.community': '• <#{channel}>: {theme}',
  'slack.home.currentCycle': '*Current cycle*: {cycle} ({status}), {opens} to {closes}',
  'slack.home.noCycle': 'No cycle is running now.',
  'slack.home.progress': '*Response* {cycle}: {answered} of {asked} ({rate}%)',
  'slack.home.remind': 'Remind',
  'slack.home.close': 'Close cycle',
  'slack.home.closeConfirm': 'Close the cycle {cycle}? After that no answers are accepted.',
  'slack.home.confirm': 'Close',
  'slack.home.cancel': 'Cancel',
  'slack.welcome':
    'Welcome to the learning community *{theme}*! Type `/samenspraak lid` to join and `/samenspraak help` for what Samenspraak can do.',
  'slack.link.title': 'Link to ambition',
  'slack.link.label': 'Ambitions',
  'slack.link.submit': 'Link',
  'slack.link.done': 'The message is linked to {ambitions}.',
};
