import type { ErrorCode } from '../core/errors';

/** What a person reads when something is refused or goes wrong, and what to do about it. */
export const errorsNl: Record<`error.${ErrorCode}`, string> = {
  'error.CONFIG_INVALID': 'De configuratie klopt niet: {detail}',
  'error.DATA_DIR_IN_USE': 'De datamap {dir} is al in gebruik door een ander Samenspraak-proces.',
  'error.DB_UNAVAILABLE': 'De database is niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  'error.MIGRATION_FAILED': 'De database kon niet worden bijgewerkt ({migration}).',
  'error.AGENDA_INVALID': 'Het agendabestand {file} klopt niet.',
  'error.AGENDA_FILE_UNREADABLE': 'Het agendabestand {file} kan niet worden gelezen.',
  'error.BOARDS_CSV_INVALID': 'Het bestand met besturen klopt niet: {detail}',
  'error.MEMBERS_CSV_INVALID': 'Het ledenbestand klopt niet: {detail}',
  'error.HOLIDAYS_INVALID': 'Het bestand met schoolvakanties {file} klopt niet.',
  'error.TEAMS_SDK_CHANGED':
    'Teams kan niet starten: de geïnstalleerde botbuilder-versie is niet die waarvoor Samenspraak gebouwd is ({detail}).',
  'error.DELIVERY_FAILED': 'Een bericht kon na meerdere pogingen niet worden bezorgd.',
  'error.DELIVERY_REFUSED':
    'Het platform weigerde een bericht; de ontvanger heeft Samenspraak mogelijk verwijderd.',
  'error.NOT_COORDINATOR':
    'Dit kan alleen een coördinator van de vereniging. Vraag een coördinator om het voor je te doen.',
  'error.NOT_OWN_BOARD': 'Je kunt alleen een voortgangsupdate geven voor je eigen bestuur.',
  'error.PEER_NOT_OFFERED':
    'Met dit bestuur kun je over deze ambitie geen contact aanvragen: het is je niet aangeboden of wil niet meer benaderd worden.',
  'error.NOT_YOUR_CONTACT_REQUEST': 'Dit contactverzoek is aan iemand anders gericht.',
  'error.UNKNOWN_CONTACT_REQUEST': 'Dit contactverzoek bestaat niet (meer).',
  'error.NOT_IN_AUDIENCE': 'Deze cyclus is niet aan jou of jouw bestuur gevraagd.',
  'error.UNKNOWN_AGENDA': 'De agenda "{agenda}" bestaat niet. Typ `agenda` voor de lijst.',
  'error.UNKNOWN_THEME': 'Het thema "{theme}" bestaat niet. Typ `agenda` om de thema’s te zien.',
  'error.UNKNOWN_AMBITION': 'De ambitie "{ambition}" bestaat niet. Typ `agenda` om de ambities te zien.',
  'error.UNKNOWN_SCOPE_ITEM': '"{item}" hoort niet bij deze cyclus.',
  'error.UNKNOWN_BOARD': 'Het bestuur "{board}" is niet bekend. Kies een bestuur uit de lijst.',
  'error.UNKNOWN_MEMBER': 'Deze persoon is niet bekend bij Samenspraak.',
  'error.UNKNOWN_CYCLE': 'De cyclus "{cycle}" bestaat niet. Typ `cyclus status` voor de lopende cycli.',
  'error.UNKNOWN_COMMUNITY': 'Deze leergemeenschap bestaat niet.',
  'error.AMBIGUOUS_ID': '"{id}" is het begin van {count} id\'s. Typ er meer van.',
  'error.AGENDA_PROTECTED':
    'De agenda "{agenda}" hoort bij Samenspraak. Vervangen kan alleen met --replace (de vorige versie blijft bewaard).',
  'error.AGENDA_IN_USE': 'De agenda "{agenda}" wordt nog gebruikt door open cycli ({items}).',
  'error.NO_BOARD_CHOSEN': 'Kies eerst je bestuur via `mijn-gegevens`; daarna kun je je voortgang delen.',
  'error.CYCLE_NOT_OPEN': 'De cyclus "{cycle}" is nog niet geopend.',
  'error.CYCLE_CLOSED':
    'De cyclus "{cycle}" is gesloten; antwoorden worden niet meer aangenomen. Neem contact op met de coördinator als je nog iets wilt delen.',
  'error.CYCLE_NOT_CLOSED':
    'De cyclus "{cycle}" is nog niet gesloten; een besluit over bijsturing volgt op de uitkomsten.',
  'error.CYCLE_BAD_STATE': 'De cyclus "{cycle}" is {status}; dat kan nu niet.',
  'error.CYCLE_BAD_DATES': 'De sluitdatum moet na de openingsdatum liggen.',
  'error.CYCLE_EMPTY_SCOPE': 'Een cyclus vraagt naar minstens één ambitie of actie.',
  'error.COMMUNITY_EXISTS': 'Dit kanaal is al gekoppeld aan het thema "{theme}".',
  'error.NOT_A_COMMUNITY_CHANNEL':
    'Dit kanaal is geen leergemeenschap. Een coördinator koppelt het met `gemeenschap koppel <thema>`.',
  'error.INPUT_INVALID': 'Niet alle velden zijn goed ingevuld: {detail}',
  'error.UNKNOWN_PRACTICE':
    'Er is geen praktijkvoorbeeld "{practice}". Gebruik het begin van de titel of van het nummer van een gedeeld praktijkvoorbeeld.',
  'error.UNKNOWN_STEERING_REQUEST':
    'Er staat geen onbeantwoorde vraag om bijsturing open met "{ref}". Typ `bijsturing vragen` voor de open vragen.',
  'error.UNKNOWN_MESSAGE':
    'Dit bericht is niet bewaard door Samenspraak; koppelen kan alleen bij berichten uit een leergemeenschap.',
  'error.SUMMARY_LLM_FAILED':
    'De samenvattingsdienst gaf geen bruikbaar antwoord; de samenvatting is zonder die dienst gemaakt.',
  'error.CARD_INVALID': 'De kaart {card} is geen geldige Adaptive Card: {detail}',
  'error.INTERNAL': 'Er ging iets mis aan onze kant. Probeer het opnieuw; de coördinator is op de hoogte.',
};
