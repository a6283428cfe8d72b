import { parseBoardsCsv } from '../../src/adapters/cli/boards-csv';
import { MAX_LISTED } from '../../src/adapters/cli/csv-table';
import { progressReporter } from '../../src/adapters/cli/format';
import { parseMembersCsv } from '../../src/adapters/cli/members-csv';
import { decodeText, type TextFile } from '../../src/adapters/cli/read-file';

const file = (text: string | Uint8Array, name = 'besturen.csv'): TextFile => ({
  name,
  ...decodeText(typeof text === 'string' ? new TextEncoder().encode(text) : text),
});

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('a CSV of boards as an association exports it', () => {
  it('reads Excel’s Windows-1252 export as it was meant: Stichting Eén, not Stichting �n', () => {
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode('naam;bestuursnummer;regio\nStichting '),
      0x45,
      0xe9,
      0x6e, // "Eén" in Windows-1252
      ...new TextEncoder().encode(';41001;Noord\n'),
    ]);
    const f = file(latin1);
    expect(f.encoding).toBe('windows-1252');
    expect(parseBoardsCsv(f, 'nl')).toEqual([{ name: 'Stichting Eén', duoNumber: '41001', region: 'noord' }]);
  });

  it('reads UTF-8 with and without a byte-order mark', () => {
    const text = 'naam,bestuursnummer,regio\nStichting Eén,41001,zuid\n';
    const bom = file(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(file(text).encoding).toBe('utf-8');
    for (const f of [bom, file(text)]) expect(parseBoardsCsv(f, 'nl')[0]?.name).toBe('Stichting Eén');
  });

  it('names the row, the column as the file calls it and the value found, in Dutch or English', () => {
    const f = file('Naam;Bestuursnummer;Regio\nStichting X;123;west\n');
    expect(refusal(() => parseBoardsCsv(f, 'nl'))).toBe(
      [
        'besturen.csv, rij 2, kolom 2 (Bestuursnummer): verwacht een bestuursnummer (DUO) van vijf cijfers; gevonden: "123"',
        'besturen.csv, rij 2, kolom 3 (Regio): verwacht noord, midden of zuid; gevonden: "west"',
      ].join('\n'),
    );
    expect(refusal(() => parseBoardsCsv(f, 'en'))).toContain(
      'besturen.csv, row 2, column 2 (Bestuursnummer): expected a DUO board number of five digits; found: "123"',
    );
  });

  it('refuses a DUO number that appears twice, naming both rows, instead of keeping the last', () => {
    const f = file('naam,bestuursnummer,regio\nEen,41001,noord\nTwee,41002,zuid\nDrie,41001,midden\n');
    expect(refusal(() => parseBoardsCsv(f, 'nl'))).toBe(
      'besturen.csv, rij 4: bestuursnummer "41001" staat ook al in rij 2',
    );
  });

  it(`lists at most ${MAX_LISTED} problems and counts the rest`, () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Bestuur ${i},${i},noord`).join('\n');
    const message = refusal(() => parseBoardsCsv(file(`naam,bestuursnummer,regio\n${rows}\n`), 'nl'));
    expect(message.split('\n')).toHaveLength(MAX_LISTED + 1);
    expect(message).toMatch(/… en nog 10 fouten$/);
  });

  it('says in one line that a boards file given as --members is the wrong file', () => {
    const boards = `naam,bestuursnummer,regio\n${'Stichting,41001,noord\n'.repeat(2000)}`;
    const message = refusal(() => parseMembersCsv(file(boards, 'besturen.csv'), 'nl'));
    expect(message).toBe(
      'besturen.csv: de kolommen platform, workspace, user_id ontbreken (gevonden: naam, bestuursnummer, regio). Is dit het goede bestand?',
    );
  });
});

describe('a CSV of members for an audience', () => {
  it('reads platform, workspace, user id and name, with Dutch or English headers', () => {
    expect(
      parseMembersCsv(
        file('platform;werkruimte;gebruiker;naam\nslack;T1;U1;Anna\nTeams;tenant-1;29:abc;\n'),
        'nl',
      ),
    ).toEqual([
      { platform: 'slack', workspace: 'T1', userId: 'U1', name: 'Anna' },
      { platform: 'teams', workspace: 'tenant-1', userId: '29:abc', name: undefined },
    ]);
  });

  it('names every bad row and returns nothing; the same person twice is refused', () => {
    const f = file('platform,workspace,user_id\nslack,T1,U1\nmail,T1,\nslack,T1,U1\n', 'leden.csv');
    expect(refusal(() => parseMembersCsv(f, 'en'))).toBe(
      [
        'leden.csv, row 3, column 1 (platform): expected slack or teams; found: "mail"',
        'leden.csv, row 3, column 3 (user_id): expected the user id in Slack or Teams; found: ""',
        'leden.csv, row 4: user_id "U1" is also in row 2',
      ].join('\n'),
    );
  });
});

describe('progress of a long import', () => {
  it('stays silent for a second, then tells at most once a second, and the end', () => {
    let now = 0;
    const lines: string[] = [];
    const report = progressReporter(
      (l) => lines.push(l),
      'nl',
      () => now,
    );
    report(200, 1000);
    now = 900;
    report(400, 1000);
    now = 1100;
    report(600, 1000);
    now = 1500;
    report(800, 1000);
    now = 1600;
    report(1000, 1000);
    expect(lines).toEqual(['600 van 1000 rijen…', '1000 van 1000 rijen…']);
  });
});
