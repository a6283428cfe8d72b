import type { teamsNl } from './teams.nl';

/** Strings only Teams shows (install greetings, message actions, notices), in English. */
export const teamsEn: Record<keyof typeof teamsNl, string> = {
  'teams.badRequest':
    'I could not read that request. Please try again; if it keeps failing, tell the coordinator.',
  'teams.tooLong': 'That message is too long for a command. Type `help` to see what Samenspraak can do.',
  'teams.slow': 'This is taking longer than usual. Your action was received and is being completed.',
  'teams.repeated': 'This action was received already and is being processed.',
  'teams.welcome.personal':
    'Hello {name}! I am *Samenspraak*. In this chat you receive the association’s check-ins and share your progress. Type `help` to see what I can do.',
  'teams.welcome.team':
    'Samenspraak was added to this team. A coordinator links a channel to a theme with `@Samenspraak community link <theme>`; from then on the conversations in that channel are summarised per ambition.',
  'teams.welcome.community':
    'This channel is the learning community of the theme *{theme}*. Type `@Samenspraak join` to join and `@Samenspraak help` to see what Samenspraak can do.',
  'teams.unreachable':
    '{name} can no longer be reached in Teams: Samenspraak was removed or blocked. Check-ins and reminders no longer go to this person; contact them yourself if needed.',
  'teams.unreachableBoard':
    '{name} ({board}) can no longer be reached in Teams: Samenspraak was removed or blocked. Check-ins and reminders no longer go to this person; contact them yourself if needed.',
  'teams.form.invalid': 'Not everything is filled in right; see the notes below.',
  'teams.link.title': 'Link to ambition',
  'teams.link.intro': 'Which ambitions of *{theme}* is this message about?',
  'teams.link.label': 'Ambitions',
  'teams.link.submit': 'Link',
  'teams.link.done': 'The message is linked to {ambitions}.',
  'teams.profile.saved': 'Your details were saved.',
  'teams.practice.shared': 'Your practice *{title}* was shared.',
  'teams.unknownAction': 'I do not know this button (any more). Type `help` to see what Samenspraak can do.',
};
