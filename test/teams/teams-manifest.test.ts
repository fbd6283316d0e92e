import { readFileSync } from 'node:fs';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { APP_ID_PLACEHOLDER, fillManifest, pngSize, teamsPackageFiles, zip } from '../../scripts/package-teams-app.js';
import { commandOf, TEAMS_COMMANDS, TEAMS_SCOPES } from '../../src/teams/teams-commands.js';

const APP_ID = '4f1a3c2e-9b7d-4e21-8a55-0c6d2f7e9a10';

type Manifest = {
  manifestVersion: string;
  $schema: string;
  id: string;
  icons: { color: string; outline: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
};

const manifestText = readFileSync('teams/manifest.json', 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;

/** Reads the entries of a ZIP archive by walking its local file headers. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (archive.readUInt32LE(offset) === 0x04034b50) {
    const method = archive.readUInt16LE(offset + 8);
    const compressedSize = archive.readUInt32LE(offset + 18);
    const nameLength = archive.readUInt16LE(offset + 26);
    const extraLength = archive.readUInt16LE(offset + 28);
    const name = archive.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength + extraLength;
    const data = archive.subarray(start, start + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset = start + compressedSize;
  }
  return entries;
}

/** Every pixel of an 8-bit RGBA PNG without filters (as the icon script writes them). */
function pixels(png: Buffer): number[][] {
  const { width, height } = pngSize(png);
  const idat: Buffer[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const result: number[][] = [];
  for (let y = 0; y < height; y++) {
    const start = y * (width * 4 + 1) + 1;
    for (let x = 0; x < width; x++) result.push([...rows.subarray(start + x * 4, start + x * 4 + 4)]);
  }
  return result;
}

describe('Teams app manifest', () => {
  it('uses a manifest schema of version 1.19 or newer', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('names the bot by the app id placeholder the packaging fills in', () => {
    expect(manifest.id).toBe(APP_ID_PLACEHOLDER);
    expect(manifest.bots.map((bot) => bot.botId)).toEqual([APP_ID_PLACEHOLDER]);
  });

  it('installs the bot in the scopes the code answers in', () => {
    expect(manifest.bots[0]?.scopes).toEqual([...TEAMS_SCOPES]);
  });

  it('lists exactly the personal-chat commands the bot understands', () => {
    const lists = manifest.bots[0]?.commandLists ?? [];
    expect(lists.map((list) => list.scopes)).toEqual([['personal']]);
    expect(lists[0]?.commands).toEqual(TEAMS_COMMANDS.map(({ title, description }) => ({ title, description })));
    for (const command of lists[0]?.commands ?? []) expect(commandOf(command.title)).toBe(command.title);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = readFileSync(`teams/${manifest.icons.color}`);
    const outline = readFileSync(`teams/${manifest.icons.outline}`);
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    const outlinePixels = pixels(outline);
    expect(outlinePixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outlinePixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(outlinePixels.some(([, , , a]) => a === 255)).toBe(true);
  });
});

describe('Teams app package', () => {
  it('zips the manifest with the app id written in, and both icons, at the root', () => {
    const entries = unzip(zip(teamsPackageFiles('teams', APP_ID)));

    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(packaged.id).toBe(APP_ID);
    expect(packaged.bots[0]?.botId).toBe(APP_ID);
    expect(entries.get('manifest.json')!.toString('utf8')).not.toContain(APP_ID_PLACEHOLDER);
    expect(entries.get('color.png')!.equals(readFileSync('teams/color.png'))).toBe(true);
    expect(entries.get('outline.png')!.equals(readFileSync('teams/outline.png'))).toBe(true);
  });

  it('refuses an app id that is not a GUID', () => {
    expect(() => fillManifest(manifestText, 'skills-desk')).toThrow(/GUID/);
  });
});
