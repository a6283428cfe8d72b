import type { Express, Request } from 'express';
import { escapeHtml } from './dashboard/html';

type Lang = 'nl' | 'en';

/** The language asked for: ?lang=en|nl first, then the browser's preference; Dutch by default. */
function langOf(req: Request): Lang {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : '';
  if (asked === 'en' || asked === 'nl') return asked;
  return req.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
}

/** What Samenspraak stores and for how long, as the code does it (RETENTION_DAYS, `mijn-gegevens`). */
const PRIVACY: Record<Lang, (days: number) => string[]> = {
  nl: (days) => [
    'Privacyverklaring van Samenspraak',
    'Samenspraak bewaart van iedereen die met de bot praat: de naam en het id op Slack of Teams, de werkruimte of tenant, het gekozen bestuur, de tijdzone en de taal.',
    'Van bestuurders: de voortgangsupdates die zij in een cyclus invullen (status, voortgang, toelichting, link), en wanneer zij een check-in en herinneringen kregen.',
    'Van leden van een leergemeenschap: de berichten in kanalen die aan een leergemeenschap gekoppeld zijn (andere kanalen en berichten van bots worden niet bewaard), bewerkingen en verwijderingen volgen; en de praktijkvoorbeelden die zij delen.',
    'Of je andere besturen toestaat contact met je op te nemen over ambities waar jullie op koers liggen (standaard uit), en de contactverzoeken tussen besturen die je deed of kreeg; pas na jouw akkoord krijgt het andere bestuur je naam.',
    `De tekst van berichten wordt na ${days} dagen gewist; tellingen en samenvattingen blijven zonder naam.`,
    'Met het chatcommando mijn-gegevens export zie je alles wat over je bewaard is (volledig via het dashboard). Met mijn-gegevens wis bevestig wis je de tekst van je berichten en wie ze schreef.',
    'Gegevens gaan alleen naar Slack of Microsoft Teams om berichten te bezorgen; samenvattingen worden op de eigen server gemaakt, tenzij de vereniging een eigen taalmodel instelt.',
  ],
  en: (days) => [
    'Samenspraak privacy statement',
    'Samenspraak keeps, of everyone who talks to the bot: the name and id on Slack or Teams, the workspace or tenant, the board chosen, the time zone and the language.',
    'Of board members: the progress updates they give in a cycle (status, progress, explanation, link), and when they got a check-in and reminders.',
    'Of learning-community members: the messages in channels linked to a learning community (other channels and bot messages are not stored), following edits and deletions; and the practices they share.',
    'Whether you allow other boards to contact you about ambitions your board is on track with (off by default), and the contact requests between boards you made or received; only after you accept does the other board get your name.',
    `The text of messages is erased after ${days} days; counts and summaries stay, without names.`,
    'The chat command mijn-gegevens export shows everything kept about you (in full on the dashboard). mijn-gegevens wis bevestig erases the text of your messages and who wrote them.',
    'Data goes only to Slack or Microsoft Teams to deliver messages; summaries are made on the server itself, unless the association sets up a language model of its own.',
  ],
};

const TERMS: Record<Lang, string[]> = {
  nl: [
    'Gebruiksvoorwaarden van Samenspraak',
    'Samenspraak is een hulpmiddel van de vereniging voor haar leden: besturen en de leergemeenschappen van de strategische agenda.',
    'Deel in de leergemeenschappen alleen wat je collega-besturen mogen lezen; geen gegevens van leerlingen of personeel.',
    'De vereniging kan voortgangsupdates gebruiken voor haar rapportage over de staat van de sector, per ambitie en zonder namen van personen.',
    'Je kunt op elk moment stoppen door de app te verwijderen; je gegevens inzien of wissen doe je met mijn-gegevens.',
  ],
  en: [
    'Samenspraak terms of use',
    'Samenspraak is a tool of the association for its members: school boards and the learning communities of the strategic agenda.',
    'Share in the learning communities only what your fellow boards may read; no data about pupils or staff.',
    'The association may use progress updates in its report on the state of the sector, per ambition and without the names of people.',
    'You may stop at any time by removing the app; see or erase your data with mijn-gegevens.',
  ],
};

function page(lang: Lang, lines: string[], other: string): string {
  const [title = '', ...rest] = lines.map(escapeHtml);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${rest.map((l) => `<p>${l}</p>`).join('')}<p><a href="${other}">${lang === 'nl' ? 'English' : 'Nederlands'}</a></p></main></body></html>`;
}

/** /privacy and /voorwaarden (the Teams manifest's privacyUrl and termsOfUseUrl), in Dutch and English. */
export function mountLegalPages(app: Express, retentionDays: number): void {
  app.get('/privacy', (req, res) => {
    const lang = langOf(req);
    res
      .type('html')
      .send(page(lang, PRIVACY[lang](retentionDays), `/privacy?lang=${lang === 'nl' ? 'en' : 'nl'}`));
  });
  app.get('/voorwaarden', (req, res) => {
    const lang = langOf(req);
    res.type('html').send(page(lang, TERMS[lang], `/voorwaarden?lang=${lang === 'nl' ? 'en' : 'nl'}`));
  });
}
