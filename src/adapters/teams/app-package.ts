import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { AppError } from '../../core/errors';
import { ROOT } from '../../paths';

/**
 * The Teams app package: manifest.json with the bot's app id and the public host filled in, and the two
 * icons, in a zip Teams can sideload. The icons are drawn here (PNG written with zlib only).
 */

export const MANIFEST_DIR = path.join(ROOT, 'manifests', 'teams');
/** What manifests/teams/manifest.json says where the app id and the host go. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
export const PLACEHOLDER_HOST = 'samenspraak.example.nl';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ── PNG ────────────────────────────────────────────────────────────────────────────────────────────

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG of size×size from a function giving each pixel's [r, g, b, a]. */
export function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The mark: two speech bubbles, overlapping, in a unit square. Returns how much of the point is inside
 * the back bubble (1), the front bubble (2) or neither (0).
 */
function mark(u: number, v: number): 0 | 1 | 2 {
  const inEllipse = (cx: number, cy: number, rx: number, ry: number) =>
    ((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2 <= 1;
  const inTail = (x0: number, y0: number, x1: number, y1: number, x2: number, y2: number) => {
    const d = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    const a = ((x1 - u) * (y2 - v) - (x2 - u) * (y1 - v)) / d;
    const b = ((x2 - u) * (y0 - v) - (x0 - u) * (y2 - v)) / d;
    return a >= 0 && b >= 0 && a + b <= 1;
  };
  if (inEllipse(0.6, 0.58, 0.3, 0.22) || inTail(0.72, 0.74, 0.84, 0.74, 0.86, 0.9)) return 2;
  if (inEllipse(0.4, 0.38, 0.3, 0.22) || inTail(0.28, 0.54, 0.4, 0.54, 0.16, 0.7)) return 1;
  return 0;
}

/** The colour icon (192×192): the mark in white and light blue on the accent colour. */
export function colorIcon(): Buffer {
  const size = 192;
  return png(size, (x, y) => {
    const m = mark((x + 0.5) / size, (y + 0.5) / size);
    if (m === 2) return [255, 255, 255, 255];
    if (m === 1) return [160, 206, 235, 255];
    return [31, 95, 139, 255]; // #1F5F8B
  });
}

/** The outline icon (32×32): white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  const size = 32;
  return png(size, (x, y) => {
    // Outline only: a pixel of the mark with a neighbour outside it.
    const at = (dx: number, dy: number) => mark((x + dx + 0.5) / size, (y + dy + 0.5) / size);
    const here = at(0, 0);
    if (here === 0) return [255, 255, 255, 0];
    const edge = [at(-1, 0), at(1, 0), at(0, -1), at(0, 1)].some(
      (n) => n !== here && (n === 0 || here === 2),
    );
    return edge ? [255, 255, 255, 255] : [255, 255, 255, 0];
  });
}

// ── ZIP ────────────────────────────────────────────────────────────────────────────────────────────

/** A zip of the files (deflated), flat: what Teams expects of an app package. */
export function zip(files: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1 January 2025, 00:00 in DOS format: a fixed date keeps the package the same for the same input.
  const dosTime = 0;
  const dosDate = ((2025 - 1980) << 9) | (1 << 5) | 1;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = zlib.deflateRawSync(file.data, { level: 9 });
    const crc = zlib.crc32(file.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The files of a zip written by `zip` (or any zip of deflated or stored files without data descriptors). */
export function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    files.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra;
  }
  return files;
}

// ── the package ────────────────────────────────────────────────────────────────────────────────────

export interface PackageSettings {
  /** The bot's Entra app id (MICROSOFT_APP_ID): also the Teams app id. */
  appId: string;
  /** Where people reach the server (PUBLIC_URL), https. */
  publicUrl: string;
  version?: string;
}

/** The manifest with the app id and host filled in wherever the template has its placeholders. */
export function fillManifest(template: unknown, settings: PackageSettings): Record<string, unknown> {
  if (!GUID.test(settings.appId))
    throw new AppError('CONFIG_INVALID', 'MICROSOFT_APP_ID must be the bot’s Entra app id, a GUID', {
      detail: 'MICROSOFT_APP_ID',
    });
  const url = new URL(settings.publicUrl);
  if (url.protocol !== 'https:')
    throw new AppError('CONFIG_INVALID', 'PUBLIC_URL must be an https address for Teams', {
      detail: 'PUBLIC_URL',
    });
  const base = url.origin + url.pathname.replace(/\/$/, '');
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value
        .replaceAll(PLACEHOLDER_ID, settings.appId.toLowerCase())
        .replaceAll(`https://${PLACEHOLDER_HOST}`, base)
        .replaceAll(PLACEHOLDER_HOST, url.host);
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  const manifest = fill(template) as Record<string, unknown>;
  if (settings.version) manifest.version = settings.version;
  return manifest;
}

export function readManifestTemplate(dir = MANIFEST_DIR): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
}

/** The installable zip: manifest.json, color.png and outline.png at its root. */
export function buildPackage(settings: PackageSettings, dir = MANIFEST_DIR): Buffer {
  const manifest = fillManifest(readManifestTemplate(dir), settings);
  return zip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: fs.readFileSync(path.join(dir, 'color.png')) },
    { name: 'outline.png', data: fs.readFileSync(path.join(dir, 'outline.png')) },
  ]);
}

/** Draws the icons into the manifest folder (they are committed; run again after changing the drawing). */
export function writeIcons(dir = MANIFEST_DIR): void {
  fs.writeFileSync(path.join(dir, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
}
