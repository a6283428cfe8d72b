import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { Agenda } from '../src/core/agenda/model';
import { AppError } from '../src/core/errors';
import { AGENDAS_DIR } from '../src/paths';
import { bundledAgendaFiles, loadAgendaFile, loadAgendas } from '../src/store/agenda-files';

const SEED_DIR = path.resolve(__dirname, '../../shared/seeds');
const PO_SEED = path.join(SEED_DIR, '000_b779580784ce085a.txt');
const VO_SEED = path.join(SEED_DIR, '002_4607bfaa2971551a.txt');
const PO_FILE = path.join(AGENDAS_DIR, 'po-raad-2022-2026.yaml');
const VO_FILE = path.join(AGENDAS_DIR, 'vo-raad-2020-2025.yaml');

/** Undoes the PDF extraction: page markers, hyphenation at line ends, tabs and line breaks. */
function normalise(text: string): string {
  return text
    .replace(/^[ \t]*>>[ \t]*$/gm, ' ')
    .replace(/-[ \t]*\r?\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function readSeed(file: string): string {
  return normalise(fs.readFileSync(file, 'utf8'));
}

/** Every text of an agenda that is taken from the document, with the id it belongs to. */
function documentTexts(agenda: Agenda): { id: string; text: string }[] {
  const texts: { id: string; text: string }[] = [];
  for (const theme of agenda.themes) {
    if (theme.text) texts.push({ id: theme.id, text: theme.text });
    for (const goal of theme.goals) texts.push(goal);
    for (const action of theme.actions) texts.push(action);
  }
  for (const ambition of agenda.ambitions) {
    texts.push({ id: ambition.id, text: ambition.text });
    for (const action of ambition.actions) texts.push(action);
  }
  return texts;
}

function byId(agendas: Agenda[], id: string): Agenda {
  const agenda = agendas.find((a) => a.id === id);
  if (!agenda) throw new Error(`agenda ${id} not loaded`);
  return agenda;
}

describe('bundled agendas', () => {
  it('ships both agendas, each file named after its id', () => {
    const files = bundledAgendaFiles();
    expect(files).toEqual(expect.arrayContaining([PO_FILE, VO_FILE]));
    for (const file of [PO_FILE, VO_FILE]) {
      const agenda = loadAgendaFile(file);
      expect(path.basename(file, '.yaml')).toBe(agenda.id);
      expect(agenda.locale).toBe('nl');
    }
  });

  it('loads and validates both through loadAgendas', () => {
    const agendas = loadAgendas();
    expect(byId(agendas, 'po-raad-2022-2026').association).toBe('PO-Raad');
    expect(byId(agendas, 'vo-raad-2020-2025').association).toBe('VO-raad');
  });
});

describe('PO-Raad, De kracht van het collectief 2022-2026', () => {
  const agenda = loadAgendaFile(PO_FILE);
  const seed = readSeed(PO_SEED);

  it('has the agenda metadata', () => {
    expect(agenda.id).toBe('po-raad-2022-2026');
    expect(agenda.name).toBe('De kracht van het collectief — Strategische Agenda 2022-2026');
    expect(agenda.period).toEqual({ from: 2022, to: 2026 });
    expect(agenda.source).toContain('PO-Raad');
  });

  it('has four themes and ten ambitions in the right themes', () => {
    expect(agenda.themes.map((t) => [t.id, t.kind, t.title])).toEqual([
      ['t1', 'theme', 'Onderwijskwaliteit'],
      ['t2', 'theme', 'Onderwijskansen'],
      ['t3', 'theme', 'Onderwijsarbeidsmarkt'],
      ['t4', 'theme', 'Bestuur en vereniging'],
    ]);
    expect(agenda.ambitions.map((a) => [a.id, a.number, a.theme])).toEqual([
      ['a1', 1, 't1'],
      ['a2', 2, 't1'],
      ['a3', 3, 't1'],
      ['a4', 4, 't2'],
      ['a5', 5, 't2'],
      ['a6', 6, 't3'],
      ['a7', 7, 't3'],
      ['a8', 8, 't3'],
      ['a9', 9, 't4'],
      ['a10', 10, 't4'],
    ]);
  });

  it('has the actions of every ambition, numbered in order', () => {
    const counts = Object.fromEntries(agenda.ambitions.map((a) => [a.id, a.actions.length]));
    expect(counts).toEqual({ a1: 3, a2: 1, a3: 2, a4: 2, a5: 3, a6: 3, a7: 3, a8: 2, a9: 4, a10: 3 });
    for (const ambition of agenda.ambitions) {
      expect(ambition.actions.map((a) => a.id)).toEqual(
        ambition.actions.map((_, i) => `${ambition.id}.${i + 1}`),
      );
    }
  });

  it('has unique short tags and titles', () => {
    const tags = agenda.ambitions.map((a) => a.tag);
    expect(new Set(tags).size).toBe(10);
    expect(tags).toContain('basisvaardigheden');
    expect(tags).toContain('vereniging');
    for (const ambition of agenda.ambitions) expect(ambition.title.length).toBeLessThanOrEqual(80);
  });

  it.each([
    'kenteren de trend van achterblijvende onderwijsresultaten',
    'kwaliteitszorg op orde is bij alle besturen',
    'een inclusievere samenleving in het klein, met uitstekend onderwijs voor ieder kind',
    'hoge verwachtingen van alle onderwijsprofessionals en van onze samenwerkingspartners',
    'Code Goed Bestuur: ‘Het bestuur zorgt voor goed onderwijs voor alle kinderen’',
    'partners (onderwijs, jeugdzorg, kinderopvang), zodat het kind op één plek',
    'aan op de onderwijs- en ondersteuningsbehoeften, interesses en mogelijkheden van onze leerlingpopulatie',
    'welke systeembelemmeringen (onderwijstijd, cao, bevoegdheden en bekostiging)',
    'andere kennisinstellingen aan legitimering van wat we doen',
    'zoals de AVS, VO-raad, kinderopvangorganisaties en de VNG',
  ])('quotes the document: %s', (phrase) => {
    expect(documentTexts(agenda).some((t) => t.text.includes(phrase))).toBe(true);
    expect(seed).toContain(phrase);
  });

  it('takes every text word for word from the document', () => {
    const texts = documentTexts(agenda);
    expect(texts).toHaveLength(4 + 10 + 26);
    expect(texts.filter((t) => !seed.includes(normalise(t.text)))).toEqual([]);
  });
});

describe('VO-raad, Strategisch Kader 2020-2025', () => {
  const agenda = loadAgendaFile(VO_FILE);
  const seed = readSeed(VO_SEED);

  it('has the agenda metadata', () => {
    expect(agenda.id).toBe('vo-raad-2020-2025');
    expect(agenda.association).toBe('VO-raad');
    expect(agenda.period).toEqual({ from: 2020, to: 2025 });
  });

  it('has the seven sector ambitions, standing apart from the lines', () => {
    expect(agenda.ambitions.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(agenda.ambitions.map((a) => a.title)).toEqual([
      'Uitdagend onderwijs voor elke leerling',
      'Eigentijdse voorzieningen',
      'Brede vorming voor alle leerlingen',
      'Partnerschap in de regio',
      'Scholen als lerende organisaties',
      'Toekomstbestendig organiseren',
      'Nieuwe verhoudingen in verantwoording en toezicht',
    ]);
    expect(new Set(agenda.ambitions.map((a) => a.tag)).size).toBe(7);
    for (const ambition of agenda.ambitions) expect(ambition.theme).toBeUndefined();
  });

  it('has five lines, each with its goals and actions', () => {
    expect(agenda.themes.map((t) => [t.id, t.kind, t.title])).toEqual([
      ['l1', 'line', 'Onderwijszaken'],
      ['l2', 'line', 'School en omgeving'],
      ['l3', 'line', 'Werkgeverszaken en bedrijfsvoering'],
      ['l4', 'line', 'Professionele schoolorganisatie'],
      ['l5', 'line', 'Goed bestuur'],
    ]);
    const counts = Object.fromEntries(
      agenda.themes.map((t) => [t.id, { goals: t.goals.length, actions: t.actions.length }]),
    );
    expect(counts).toEqual({
      l1: { goals: 6, actions: 6 },
      l2: { goals: 3, actions: 3 },
      l3: { goals: 3, actions: 4 },
      l4: { goals: 5, actions: 4 },
      l5: { goals: 3, actions: 3 },
    });
    for (const line of agenda.themes) {
      expect(line.goals.map((g) => g.id)).toEqual(line.goals.map((_, i) => `${line.id}.g${i + 1}`));
      expect(line.actions.map((a) => a.id)).toEqual(line.actions.map((_, i) => `${line.id}.${i + 1}`));
    }
  });

  it.each([
    'Nieuwe verhoudingen in verantwoording en toezicht',
    'het civiel effect van vo-diploma’s te kunnen waarborgen',
    'wordt vroege selectie op 12-jarige leeftijd, voorkomen',
    'maakt zich sterk voor latere selectie en soepelere overgangen',
    'de vrijwillige ouderbijdrage is ook echt vrijwillig',
    'Toereikend voor de hoge ambities van de overheid en het onderwijs zelf, en passend bij de vragen',
    'regelruimte, en carrièremogelijkheden is het voortgezet onderwijs',
    'waar het ‘leren van en met elkaar’ centraal staat',
    'beheert en ontwikkelt de VO-raad Vensters VO',
  ])('quotes the document: %s', (phrase) => {
    expect(documentTexts(agenda).some((t) => t.text.includes(phrase))).toBe(true);
    expect(seed).toContain(phrase);
  });

  it('takes every text word for word from the document', () => {
    const texts = documentTexts(agenda);
    expect(texts).toHaveLength(20 + 20 + 7);
    expect(texts.filter((t) => !seed.includes(normalise(t.text)))).toEqual([]);
  });
});

describe('agenda file errors', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-agendas-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the PO-Raad agenda, changed by `edit`, written to a temp file. */
  function writeVariant(name: string, edit: (raw: Record<string, unknown>) => void): string {
    const raw = YAML.parse(fs.readFileSync(PO_FILE, 'utf8')) as Record<string, unknown>;
    edit(raw);
    const file = path.join(dir, name);
    fs.writeFileSync(file, YAML.stringify(raw));
    return file;
  }

  function loadError(file: string): AppError {
    try {
      loadAgendaFile(file);
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error(`${file} loaded without error`);
  }

  function ambitionsOf(raw: Record<string, unknown>): Record<string, unknown>[] {
    return raw.ambitions as Record<string, unknown>[];
  }

  it('accepts an unchanged copy', () => {
    const file = writeVariant('copy.yaml', () => {});
    expect(loadAgendaFile(file).ambitions).toHaveLength(10);
  });

  it('names the file and the path of a missing field', () => {
    const file = writeVariant('no-text.yaml', (raw) => {
      const first = ambitionsOf(raw)[0];
      if (first) delete first.text;
    });
    const err = loadError(file);
    expect(err.code).toBe('AGENDA_INVALID');
    expect(err.message).toContain(file);
    expect(err.message).toContain('ambitions.0.text');
  });

  it('refuses a duplicate action id', () => {
    const file = writeVariant('duplicate-action.yaml', (raw) => {
      const actions = ambitionsOf(raw)[0]?.actions as Record<string, unknown>[];
      const second = actions[1];
      if (second) second.id = 'a1.1';
    });
    const err = loadError(file);
    expect(err.code).toBe('AGENDA_INVALID');
    expect(err.message).toContain(file);
    expect(err.message).toContain('ambitions.0.actions.1.id');
    expect(err.message).toContain('duplicate id "a1.1"');
  });

  it('refuses an ambition that points to a theme that does not exist', () => {
    const file = writeVariant('bad-theme.yaml', (raw) => {
      const first = ambitionsOf(raw)[0];
      if (first) first.theme = 't9';
    });
    const err = loadError(file);
    expect(err.code).toBe('AGENDA_INVALID');
    expect(err.message).toContain('ambitions.0.theme');
  });

  it('refuses a file that is not YAML', () => {
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(file, 'id: [unclosed\n');
    const err = loadError(file);
    expect(err.code).toBe('AGENDA_INVALID');
    expect(err.message).toContain(file);
  });
});
