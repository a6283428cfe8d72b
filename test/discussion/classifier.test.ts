import { AmbitionClassifier } from '../../src/core/discussion/classifier';
import { stem, terms, words } from '../../src/core/discussion/dutch';
import { sentences } from '../../src/core/discussion/sentences';
import { loadAgendas } from '../../src/store/agenda-files';
import { LABELLED_MESSAGES, PO_RAAD, SMALL_TALK } from '../fixtures/discussion-messages';
import { runCliProcess } from '../support/processes';

const agenda = loadAgendas().find((a) => a.id === PO_RAAD);
if (!agenda) throw new Error('test setup: no PO-Raad agenda');
const classifier = new AmbitionClassifier(agenda);

describe('Dutch words', () => {
  it('drops stop words, chat markup and diacritics, and stems', () => {
    expect(words('Hoi <@U123>! Zie <https://po.nl/x|het geïnformeerde plan> :smile: van 2027')).toEqual([
      'hoi',
      'zie',
      'het',
      'geinformeerde',
      'plan',
      'van',
    ]);
    expect(terms('Wij hebben het over de leraren en een leraar')).toEqual([stem('leraren'), stem('leraar')]);
    expect(stem('leraren')).toBe(stem('leraar'));
    expect(stem('resultaten')).toBe(stem('resultaat'));
  });

  it('splits sentences, but not after abbreviations or initials', () => {
    expect(
      sentences(
        'We werken o.a. met een kijkwijzer, bijv. in groep 5. Dat werkt! Wie doet mee? Mail J. de Vries, d.w.z. de directeur.\n- eerste punt\n- tweede punt',
      ),
    ).toEqual([
      'We werken o.a. met een kijkwijzer, bijv. in groep 5.',
      'Dat werkt!',
      'Wie doet mee?',
      'Mail J. de Vries, d.w.z. de directeur.',
      'eerste punt',
      'tweede punt',
    ]);
  });
});

describe('the ambition classifier on the labelled messages', () => {
  it('has at least 60 labelled messages, spread over all ten ambitions', () => {
    expect(LABELLED_MESSAGES.length).toBeGreaterThanOrEqual(60);
    for (const a of agenda.ambitions)
      expect(LABELLED_MESSAGES.filter((m) => m.ambition === a.id).length).toBeGreaterThanOrEqual(5);
  });

  it('ranks the labelled ambition first for most messages and in the top three for nearly all', () => {
    let top1 = 0;
    let top3 = 0;
    for (const m of LABELLED_MESSAGES) {
      const ranked = classifier.rank(m.text).map((r) => r.ambition);
      if (ranked[0] === m.ambition) top1++;
      if (ranked.slice(0, 3).includes(m.ambition)) top3++;
    }
    // Measured 84% and 97% when the classifier was calibrated; these floors catch a regression.
    expect(top1 / LABELLED_MESSAGES.length).toBeGreaterThanOrEqual(0.78);
    expect(top3 / LABELLED_MESSAGES.length).toBeGreaterThanOrEqual(0.92);
  });

  it('suggests nothing for small talk', () => {
    for (const text of SMALL_TALK) expect(classifier.suggest(text)).toBeNull();
  });
});

describe('samenspraak classify', () => {
  it('prints the ranked ambitions as JSON, best first', async () => {
    const { code, stdout } = await runCliProcess([
      'classify',
      '--agenda',
      PO_RAAD,
      'Onze leraren ervaren veel werkdruk; we willen uitstroom voorkomen en ruimte geven voor ontwikkeling.',
    ]);
    expect(code).toBe(0);
    const ranked = JSON.parse(stdout) as { ambition: string; score: number }[];
    expect(ranked).toHaveLength(10);
    expect(ranked[0]?.ambition).toBe('a6');
    expect(Object.keys(ranked[0] ?? {})).toEqual(['ambition', 'score']);
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) expect(Math.round(s * 100) / 100).toBe(s);
  });

  it('refuses a call without an agenda', async () => {
    const { code, stderr } = await runCliProcess(['classify', 'tekst']);
    expect(code).toBe(2);
    expect(stderr).toContain('--agenda is required');
  });
});
