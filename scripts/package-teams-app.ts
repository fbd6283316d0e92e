// Builds the Teams app package: teams/manifest.json (with the app id written in) and its two icons, zipped into
// teams/build/skills-desk.zip for upload in Teams (Apps > Manage your apps > Upload an app) or the Developer Portal.
//
//   TEAMS_APP_ID=<your Entra app id> npm run teams:package
//   npm run teams:package -- --draw-icons      (redraws teams/color.png and teams/outline.png first)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { z } from 'zod';

// biome-ignore lint/suspicious/noTemplateCurlyInString: the Teams toolkit's placeholder syntax, not a template.
export const APP_ID_PLACEHOLDER = '${{TEAMS_APP_ID}}';
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const AppId = z.uuid({ error: 'TEAMS_APP_ID must be the bot’s Microsoft Entra app (client) id, a GUID' });

const Manifest = z.object({
  manifestVersion: z.string(),
  id: z.string(),
  icons: z.object({ color: z.string(), outline: z.string() }),
  bots: z.array(z.object({ botId: z.string() })).min(1),
});

const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

export type PackageFile = { name: string; data: Buffer };

/** The manifest with the app id written in wherever the placeholder stands. */
export function fillManifest(manifestText: string, appId: string): string {
  const id = AppId.parse(appId);
  const filled = manifestText.split(APP_ID_PLACEHOLDER).join(id);
  const manifest = Manifest.parse(JSON.parse(filled));
  if (manifest.id !== id || manifest.bots.some((bot) => bot.botId !== id)) {
    throw new Error('teams/manifest.json: id and bots[].botId must be the TEAMS_APP_ID placeholder');
  }
  return filled;
}

/** Width and height from a PNG's header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = png.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a' || png.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The files of the package, checked: the filled manifest and icons of the sizes Teams requires. */
export function teamsPackageFiles(teamsDir: string, appId: string): PackageFile[] {
  const manifestText = fillManifest(readFileSync(join(teamsDir, 'manifest.json'), 'utf8'), appId);
  const manifest = Manifest.parse(JSON.parse(manifestText));
  const icons = (['color', 'outline'] as const).map((kind) => {
    const data = readFileSync(join(teamsDir, manifest.icons[kind]));
    const { width, height } = pngSize(data);
    const size = ICON_SIZES[kind];
    if (width !== size || height !== size) {
      throw new Error(
        `teams/${manifest.icons[kind]}: the ${kind} icon must be ${size}×${size} (it is ${width}×${height})`,
      );
    }
    return { name: manifest.icons[kind], data };
  });
  return [{ name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') }, ...icons];
}

/** A ZIP archive (deflate) of the given files at its root. */
export function zip(files: PackageFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const compressed = deflateRawSync(file.data);
    const checksum = crc32(file.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    // A fixed time stamp (1 January 1980, midnight), so the same input always gives the same package.
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE_1980, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
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

type Rgba = [number, number, number, number];

/** Encodes an RGBA image as PNG. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 4 + 1);
    rows[start] = 0; // no filter
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), start + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The icon's shape on a unit square: a speech bubble with three dots (true = bubble, false = outside or a dot). */
function bubble(u: number, v: number): 'bubble' | 'dot' | 'none' {
  const inBody = u >= 0.16 && u <= 0.84 && v >= 0.2 && v <= 0.66 && roundedCorner(u, v);
  const inTail = v > 0.66 && v <= 0.82 && u >= 0.3 && u <= 0.3 + (0.82 - v) * 1.1;
  if (!inBody && !inTail) return 'none';
  for (const centre of [0.34, 0.5, 0.66]) {
    if ((u - centre) ** 2 + (v - 0.43) ** 2 <= 0.055 ** 2) return 'dot';
  }
  return 'bubble';
}

function roundedCorner(u: number, v: number): boolean {
  const radius = 0.1;
  const cx = Math.min(Math.max(u, 0.16 + radius), 0.84 - radius);
  const cy = Math.min(Math.max(v, 0.2 + radius), 0.66 - radius);
  return (u - cx) ** 2 + (v - cy) ** 2 <= radius ** 2;
}

/** 192×192 full-colour icon: a white speech bubble on the accent green. */
export function drawColorIcon(): Buffer {
  const size = ICON_SIZES.color;
  const green: Rgba = [0x00, 0x66, 0x4f, 255];
  return encodePng(size, size, (x, y) => {
    const shape = bubble((x + 0.5) / size, (y + 0.5) / size);
    return shape === 'bubble' ? [255, 255, 255, 255] : green;
  });
}

/** 32×32 outline icon: white on transparent, as Teams requires. */
export function drawOutlineIcon(): Buffer {
  const size = ICON_SIZES.outline;
  return encodePng(size, size, (x, y) => {
    const shape = bubble((x + 0.5) / size, (y + 0.5) / size);
    return shape === 'bubble' ? [255, 255, 255, 255] : [255, 255, 255, 0];
  });
}

function main(argv: string[], env: Record<string, string | undefined>): number {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const teamsDir = join(root, 'teams');
  if (argv.includes('--draw-icons')) {
    writeFileSync(join(teamsDir, 'color.png'), drawColorIcon());
    writeFileSync(join(teamsDir, 'outline.png'), drawOutlineIcon());
    process.stdout.write('Drew teams/color.png (192×192) and teams/outline.png (32×32)\n');
  }
  const appId = env['TEAMS_APP_ID'];
  if (!appId && argv.includes('--draw-icons')) return 0;
  if (!appId) {
    process.stderr.write('TEAMS_APP_ID: set it to the bot’s Microsoft Entra app (client) id to build the package\n');
    return 1;
  }
  const parsed = AppId.safeParse(appId.trim());
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues[0]?.message ?? 'TEAMS_APP_ID is not valid'}\n`);
    return 1;
  }
  const archive = zip(teamsPackageFiles(teamsDir, parsed.data));
  const out = join(teamsDir, 'build', 'skills-desk.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, archive);
  process.stdout.write(`Wrote teams/build/skills-desk.zip (${archive.length.toLocaleString('en-GB')} bytes)\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2), process.env);
}
