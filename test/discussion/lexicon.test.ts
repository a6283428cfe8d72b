import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AmbitionClassifier } from '../../src/core/discussion/classifier';
import { loadAgendas } from '../../src/store/agenda-files';
import { HELDOUT_PO_RAAD } from '../fixtures/heldout-po-raad';
import { HELDOUT_VO_RAAD } from '../fixtures/heldout-vo-raad';

describe('the sector lexicon', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
    fs.mkdirSync(path.join(dataDir, 'agendas', 'lexicon'), { recursive: true });
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const write = (text: string) =>
    fs.writeFileSync(path.join(dataDir, 'agendas', 'lexicon', 'po-raad-2022-2026.yaml'), text);

  it('ships terms for every ambition of both agendas, and an association adds its own', () => {
    for (const agenda of loadAgendas())
      for (const a of agenda.ambitions) expect(agenda.lexicon?.[a.id]?.length ?? 0).toBeGreaterThan(5);
    const text =
      'Het schoolontbijt en de schoollunch voor kinderen uit gezinnen met armoede, bij ons op elke school.';
    const rank = (dir?: string) => {
      const po = loadAgendas([], dir).find((a) => a.id === 'po-raad-2022-2026');
      return new AmbitionClassifier(po as NonNullable<typeof po>).rank(text)[0]?.ambition;
    };
    expect(rank()).not.toBe('a5');
    write(
      'agenda: po-raad-2022-2026\nambitions:\n  a5:\n    - schoolontbijt, schoollunch, armoede, gezinnen met armoede\n',
    );
    expect(rank(dataDir)).toBe('a5');
    const po = loadAgendas([], dataDir).find((a) => a.id === 'po-raad-2022-2026');
    expect(po?.lexicon?.a5).toEqual(expect.arrayContaining(['kansengelijkheid', 'schoolontbijt']));
  });

  it('refuses a lexicon that names an ambition the agenda does not have, naming the file', () => {
    write('agenda: po-raad-2022-2026\nambitions:\n  a42:\n    - iets\n');
    expect(() => loadAgendas([], dataDir)).toThrow(/po-raad-2022-2026\.yaml: ambitions: no ambition a42/);
    write('agenda: po-raad-2022-2026\nambitions:\n  vijf:\n    - iets\n');
    expect(() => loadAgendas([], dataDir)).toThrow(/po-raad-2022-2026\.yaml: ambitions\.vijf: /);
  });
});

describe('the classifier on the held-out sets (written before tuning, never tuned on)', () => {
  it.each([
    ['po-raad-2022-2026', HELDOUT_PO_RAAD],
    ['vo-raad-2020-2025', HELDOUT_VO_RAAD],
  ] as const)('%s: top-1 at least 85%%, top-3 at least 95%%', (agendaId, set) => {
    const agenda = loadAgendas().find((a) => a.id === agendaId);
    const classifier = new AmbitionClassifier(agenda as NonNullable<typeof agenda>);
    let top1 = 0;
    let top3 = 0;
    for (const [ambition, text] of set) {
      const ranked = classifier.rank(text).map((r) => r.ambition);
      if (ranked[0] === ambition) top1++;
      if (ranked.slice(0, 3).includes(ambition)) top3++;
    }
    // Measured 90.0% / 100% (PO-Raad) and 97.6% / 100% (VO-raad); the goals of issue 16 are the floors.
    expect(top1 / set.length).toBeGreaterThanOrEqual(0.85);
    expect(top3 / set.length).toBeGreaterThanOrEqual(0.95);
  });
});
