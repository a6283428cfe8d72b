import type { ErrorCode } from '../core/errors';

export const errorsEn: Record<`error.${ErrorCode}`, string> = {
  'error.CONFIG_INVALID': 'The configuration is wrong: {detail}',
  'error.DATA_DIR_IN_USE': 'The data directory {dir} is in use by another Samenspraak process.',
  'error.DB_UNAVAILABLE': 'The database cannot be reached. Try again in a few minutes.',
  'error.MIGRATION_FAILED': 'The database could not be updated ({migration}).',
  'error.AGENDA_INVALID': 'The agenda file {file} is not valid.',
  'error.AGENDA_FILE_UNREADABLE': 'The agenda file {file} cannot be read.',
  'error.BOARDS_CSV_INVALID': 'The boards file is not valid: {detail}',
  'error.MEMBERS_CSV_INVALID': 'The members file is not valid: {detail}',
  'error.HOLIDAYS_INVALID': 'The school holidays file {file} is not valid.',
  'error.TEAMS_SDK_CHANGED':
    'Teams cannot start: the installed botbuilder version is not the one Samenspraak was built for ({detail}).',
  'error.DELIVERY_FAILED': 'A message could not be delivered after several attempts.',
  'error.DELIVERY_REFUSED': 'The platform refused a message; the recipient may have removed Samenspraak.',
  'error.NOT_COORDINATOR':
    'Only a coordinator of the association can do this. Ask a coordinator to do it for you.',
  'error.NOT_OWN_BOARD': 'You can only give a progress update for your own board.',
  'error.PEER_NOT_OFFERED':
    'You cannot ask this board for contact about this ambition: it was not offered to you or no longer wants to be contacted.',
  'error.NOT_YOUR_CONTACT_REQUEST': 'This contact request is meant for someone else.',
  'error.UNKNOWN_CONTACT_REQUEST': 'This contact request does not exist (any more).',
  'error.NOT_IN_AUDIENCE': 'This cycle was not sent to you or your board.',
  'error.UNKNOWN_AGENDA': 'There is no agenda "{agenda}". Type `agenda` for the list.',
  'error.UNKNOWN_THEME': 'There is no theme "{theme}". Type `agenda` to see the themes.',
  'error.UNKNOWN_AMBITION': 'There is no ambition "{ambition}". Type `agenda` to see the ambitions.',
  'error.UNKNOWN_SCOPE_ITEM': '"{item}" is not part of this cycle.',
  'error.UNKNOWN_BOARD': 'The board "{board}" is not known. Choose a board from the list.',
  'error.UNKNOWN_MEMBER': 'This person is not known to Samenspraak.',
  'error.UNKNOWN_CYCLE': 'There is no cycle "{cycle}". Type `cycle status` for the running cycles.',
  'error.UNKNOWN_COMMUNITY': 'This learning community does not exist.',
  'error.AMBIGUOUS_ID': '"{id}" is the start of {count} ids. Type more of it.',
  'error.AGENDA_PROTECTED':
    'The agenda "{agenda}" ships with Samenspraak. Replace it only with --replace (the previous version is kept).',
  'error.AGENDA_IN_USE': 'The agenda "{agenda}" is still used by open cycles ({items}).',
  'error.NO_BOARD_CHOSEN': 'First choose your board with `mijn-gegevens`; then you can share your progress.',
  'error.CYCLE_NOT_OPEN': 'The cycle "{cycle}" has not opened yet.',
  'error.CYCLE_CLOSED':
    'The cycle "{cycle}" is closed; answers are no longer accepted. Contact the coordinator if you still want to share something.',
  'error.CYCLE_NOT_CLOSED':
    'The cycle "{cycle}" has not closed yet; a steering decision follows its results.',
  'error.CYCLE_BAD_STATE': 'The cycle "{cycle}" is {status}; that is not possible now.',
  'error.CYCLE_BAD_DATES': 'The closing date must be after the opening date.',
  'error.CYCLE_EMPTY_SCOPE': 'A cycle asks about at least one ambition or action.',
  'error.COMMUNITY_EXISTS': 'This channel is already linked to the theme "{theme}".',
  'error.NOT_A_COMMUNITY_CHANNEL':
    'This channel is not a learning community. A coordinator links it with `gemeenschap koppel <theme>`.',
  'error.INPUT_INVALID': 'Not every field is filled in correctly: {detail}',
  'error.UNKNOWN_PRACTICE':
    'There is no practice "{practice}". Use the start of the title or of the number of a shared practice.',
  'error.UNKNOWN_STEERING_REQUEST':
    'No unanswered steering request is open under "{ref}". Type `bijsturing vragen` for the open requests.',
  'error.UNKNOWN_MESSAGE':
    'Samenspraak has not stored this message; only messages of a learning community can be linked.',
  'error.SUMMARY_LLM_FAILED': 'The summary service gave no usable answer; the summary was made without it.',
  'error.CARD_INVALID': 'The card {card} is not a valid Adaptive Card: {detail}',
  'error.INTERNAL': 'Something went wrong on our side. Try again; the coordinator has been told.',
};
