import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { COMMAND_NAMES } from '../../src/adapters/chat/parse-command';
import {
  colorIcon,
  MANIFEST_DIR,
  outlineIcon,
  readManifestTemplate,
  unzip,
} from '../../src/adapters/teams/app-package';
import { LINK_COMMAND_ID } from '../../src/adapters/teams/message-actions';
import { packageTeams } from '../../src/adapters/teams/package-cli';
import schema from './schema/MicrosoftTeams.schema.json';

/** The official Teams app manifest schema v1.22 (vendored), validated as draft-04 like it declares. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Width, height, colour type and the RGBA pixels of a (non-interlaced, unfiltered 8-bit RGBA) PNG. */
function decodePng(data: Buffer) {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (at < data.length) {
    const length = data.readUInt32BE(at);
    const type = data.toString('ascii', at + 4, at + 8);
    const body = data.subarray(at + 8, at + 8 + length);
    expect(data.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(data.subarray(at + 4, at + 8 + length)) >>> 0);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9] as number;
    }
    if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * (1 + width * 4) + 1 + x * 4;
      pixels.push([raw[i], raw[i + 1], raw[i + 2], raw[i + 3]] as number[]);
    }
  return { width, height, colorType, pixels };
}

interface Manifest {
  [key: string]: unknown;
  manifestVersion: string;
  id: string;
  bots: { scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  composeExtensions: { commands: unknown[] }[];
  authorization: { permissions: { resourceSpecific: unknown[] } };
  webApplicationInfo: { id: string };
  staticTabs: unknown[];
  validDomains: string[];
}

describe('the Teams app manifest', () => {
  const manifest = readManifestTemplate() as Manifest;

  it('is valid against the official JSON schema (v1.22)', () => {
    const validate = validator();
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.22');
    expect(validate({ ...manifest, manifestVersion: '1.5', accentColor: 'blue' })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(['/manifestVersion', '/accentColor']);
  });

  it('has the bot in the personal, team and group chat scopes with Dutch command lists of every chat command', () => {
    const bot = manifest.bots[0] ?? { scopes: [], commandLists: [] };
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = bot.commandLists.flatMap((l: { commands: { title: string }[] }) =>
      l.commands.map((c) => c.title),
    );
    for (const [name, [dutch]] of Object.entries(COMMAND_NAMES))
      expect([name, titles.some((t) => t.split(' ')[0] === dutch)]).toEqual([name, true]);
    expect(manifest.composeExtensions[0]?.commands[0]).toMatchObject({
      id: LINK_COMMAND_ID,
      type: 'action',
      context: ['message'],
    });
  });

  it('asks for ChannelMessage.Read.Group with webApplicationInfo, and has the dashboard tab and valid domains', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
    ]);
    expect(manifest.webApplicationInfo.id).toBe(manifest.id);
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({ entityId: 'dashboard', scopes: ['personal'] }),
    ]);
    expect(manifest.validDomains).toEqual(['samenspraak.example.nl']);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon, as drawn', () => {
    const color = fs.readFileSync(path.join(MANIFEST_DIR, 'color.png'));
    const outline = fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png'));
    expect(color).toEqual(colorIcon());
    expect(outline).toEqual(outlineIcon());
    expect(decodePng(color)).toMatchObject({ width: 192, height: 192, colorType: 6 });
    const { width, height, colorType, pixels } = decodePng(outline);
    expect([width, height, colorType]).toEqual([32, 32, 6]);
    const kinds = new Set(pixels.map(([r, g, b, a]) => (a === 0 ? 'transparent' : `${r},${g},${b},${a}`)));
    expect(kinds).toEqual(new Set(['transparent', '255,255,255,255']));
  });
});

describe('npm run package:teams', () => {
  const run = (env: Record<string, string>, argv: string[] = []) => {
    let out = '';
    let err = '';
    const code = packageTeams(argv, env, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  it('writes the installable zip with the app id and host filled in', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
    const file = path.join(dir, 'app.zip');
    const result = run(
      {
        MICROSOFT_APP_ID: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
        PUBLIC_URL: 'https://samenspraak.po-raad.nl',
      },
      ['--out', file],
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    const files = unzip(fs.readFileSync(file));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse(String(files.get('manifest.json')));
    const validate = validator();
    expect(validate(packaged) ? [] : validate.errors).toEqual([]);
    const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    expect(packaged).toMatchObject({
      id: appId,
      bots: [{ botId: appId }],
      composeExtensions: [{ botId: appId }],
      validDomains: ['samenspraak.po-raad.nl'],
      webApplicationInfo: { id: appId, resource: `api://samenspraak.po-raad.nl/${appId}` },
      staticTabs: [{ contentUrl: 'https://samenspraak.po-raad.nl/dashboard/tab' }],
    });
    expect(JSON.stringify(packaged)).not.toContain('example.nl');
    expect(files.get('outline.png')).toEqual(outlineIcon());
    fs.rmSync(dir, { recursive: true });
  });

  it('says which variables are missing or wrong', () => {
    expect(run({})).toMatchObject({ code: 2, err: expect.stringContaining('set MICROSOFT_APP_ID') });
    expect(run({ MICROSOFT_APP_ID: 'my-bot', PUBLIC_URL: 'https://x.nl' })).toMatchObject({
      code: 2,
      err: expect.stringContaining('MICROSOFT_APP_ID must be the bot’s Entra app id, a GUID'),
    });
    expect(
      run({ MICROSOFT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', PUBLIC_URL: 'http://localhost:3978' }),
    ).toMatchObject({ code: 2, err: expect.stringContaining('PUBLIC_URL must be an https address') });
  });
});
