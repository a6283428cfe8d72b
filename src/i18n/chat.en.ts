import type { chatNl } from './chat.nl';

/** Replies to chat commands, in English. */
export const chatEn: Record<keyof typeof chatNl, string> = {
  'chat.help':
    '*Samenspraak* helps your board and the association work together on the strategic agenda.\n' +
    '• `help`: this explanation\n' +
    '• `agenda [theme]`: the themes, ambitions and actions\n' +
    '• `lid` / `verlaat`: join (or leave) the learning community of this channel\n' +
    '• `praktijk`: share a practice\n' +
    '• `samenvatting <ambition>`: what has been shared about an ambition\n' +
    '• `profiel`: choose your board, your time zone and your language\n' +
    '• `mijn-gegevens`: what is known about you; `mijn-gegevens export` shows everything Samenspraak keeps about you, `mijn-gegevens wis` erases the text of your messages\n' +
    '• `dashboard`: a link to the dashboard\n' +
    'For coordinators: `gemeenschap koppel <theme>`, `cyclus plan|start|status|herinner|sluit`, `bijsturing besluit [cycle]` (a decision per ambition after the cycle), `bijsturing vragen` and `bijsturing antwoord <code> <text>` (answering steering requests) and `vakantie <DUO number> <holiday> <from> <to>`.',
  'chat.unknown': 'I do not know that command: `{word}`.',
  'chat.unknownSuggest': 'I do not know that command: `{word}`. Did you mean `{suggestion}`?',
  'chat.agenda.header': '*{name}* ({association})',
  'chat.agenda.theme': '*{id}. {title}*',
  'chat.agenda.ambition': '• `{id}` {title} (#{tag})',
  'chat.agenda.action': '    – `{id}` {text}',
  'chat.coverage.all': 'All {count} people asked can be reached.',
  'chat.coverage.some': '{reachable} of the {audience} people asked can be reached; {count} not yet:',
  'chat.coverage.person': '• {name}: {reason}',
  'chat.coverage.more': '• and {count} more',
  'chat.coverage.nobody': 'This cycle reaches nobody yet: no one in its audience is known.',
  'chat.coverage.emptyBoards':
    'No one is known yet of these boards, so nobody there gets the check-in: {boards}.',
  'chat.coverage.reason.no_board': 'has not chosen a board yet',
  'chat.coverage.reason.no_chat': 'has no chat with the bot yet (add the app to their team)',
  'chat.coverage.reason.unreachable': 'removed or blocked the bot',
  'chat.coverage.reason.away': 'is away',
  'chat.holiday.usage':
    'Usage: `vakantie <DUO number> <holiday> <from> <to>`, for example `vakantie 41234 voorjaarsvakantie 2027-02-13 2027-02-21`; `vakantie wis <DUO number> <holiday> <school year>` removes it (holidays: herfstvakantie, kerstvakantie, voorjaarsvakantie, meivakantie, zomervakantie).',
  'chat.holiday.set':
    "The {name} of *{board}* is now from {from} to {to} inclusive (school year {schoolYear}); the region's no longer counts for this board.",
  'chat.holiday.removed': "The own {name} {schoolYear} of *{board}* is gone; the region's counts again.",
  'chat.holiday.none': '*{board}* had no own {name} in {schoolYear}.',
  'chat.community.usage':
    'Usage: `gemeenschap koppel <theme>`, for example `gemeenschap koppel onderwijskwaliteit`.',
  'chat.community.needsChannel': 'Link a learning community from the channel itself, not in a private chat.',
  'chat.community.imported': '{count} earlier messages of this channel were added to the discussion.',
  'chat.community.linked':
    'This channel is now the learning community of the theme *{theme}*. Welcome, everyone!',
  'chat.join.done': 'You joined the learning community *{theme}*.',
  'chat.join.already': 'You already were a member of the learning community *{theme}*.',
  'chat.leave.done': 'You left the learning community *{theme}*.',
  'chat.leave.notMember': 'You were not a member of the learning community *{theme}*.',
  'chat.summary.usage':
    'Usage: `samenvatting <ambition>`, for example `samenvatting a3` or `samenvatting #kwaliteitszorg`.',
  'chat.cycle.usage':
    'Usage: `cyclus plan <name> <opens YYYY-MM-DD> <closes YYYY-MM-DD> [kanaal]` (with `kanaal`: the people of this channel), `cyclus start <cycle>`, `cyclus status [cycle]`, `cyclus herinner <cycle>` or `cyclus sluit <cycle>`.',
  'chat.cycle.planned': 'Cycle *{name}* planned: opens {opens}, closes {closes}. It starts by itself.',
  'chat.cycle.plannedChannel':
    'Cycle *{name}* planned for the {count} people of this channel: opens {opens}, closes {closes}. It starts by itself.',
  'chat.cycle.needsChannel': 'Type `cyclus plan … kanaal` in the channel whose people get the check-in.',
  'chat.cycle.emptyChannel': 'Nobody but Samenspraak is in this channel; nothing was planned.',
  'chat.cycle.started': 'Cycle *{name}* is open; the check-ins are going out now.',
  'chat.cycle.closed': 'Cycle *{name}* is closed; the results are being shared.',
  'chat.cycle.status': '*{name}* ({status}): {answered} of {total} answered ({rate}%).',
  'chat.cycle.none': 'There are no cycles.',
  'chat.cycle.ambiguous': 'More than one cycle matches "{ref}": {names}. Name the cycle exactly.',
  'chat.cycle.reminded': 'Reminder sent to {count} board members who have not answered yet.',
  'chat.status.draft': 'draft',
  'chat.status.scheduled': 'scheduled',
  'chat.status.open': 'open',
  'chat.status.closed': 'closed',
  'chat.dashboard.unavailable':
    'The dashboard is not set up on this installation yet (PUBLIC_URL is missing).',
  'chat.myData.profile':
    'Name: {name}\nBoard: {board}\nLanguage: {locale}\nTime zone: {timeZone}\nOther boards may contact me: {peerContact}',
  'chat.myData.noBoard': 'not chosen yet',
  'chat.myData.yes': 'yes',
  'chat.myData.no': 'no',
  'chat.myData.usage':
    'Type `mijn-gegevens export` for everything Samenspraak keeps about you, or `mijn-gegevens wis` to erase the text of your messages.',
  'chat.myData.export':
    'This is everything Samenspraak keeps about you (only you see this). The text of messages is kept for {days} days.',
  'chat.myData.truncated':
    'This is shortened: {shown} of the {total} characters. The administrator of Samenspraak can make the full file for you with `samenspraak member-data {memberId}`.',
  'chat.myData.truncatedLink':
    'This is shortened: {shown} of the {total} characters. Download the full file from the dashboard ("My data"): {url} (this link works once, for 10 minutes).',
  'chat.myData.eraseAsk':
    'This erases the text of your {count} messages in the learning communities, and who wrote them. The messages then only count anonymously; your profile, answers and practices stay. This cannot be undone. Type `mijn-gegevens wis bevestig` to go ahead.',
  'chat.myData.erased': 'Erased: the text of {count} messages. They only count anonymously from now on.',
};
