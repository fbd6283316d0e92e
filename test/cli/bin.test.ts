import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The bin runs dist/ only: it is copied into a folder of its own with a stand-in build, so the real dist/ is not
// needed (nor touched).
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function checkout(options: { built: boolean; sourceAge: 'older' | 'newer' }) {
  const root = mkdtempSync(join(tmpdir(), 'skills-desk-bin-'));
  folders.push(root);
  mkdirSync(join(root, 'bin'));
  copyFileSync('bin/skills-desk.js', join(root, 'bin', 'skills-desk.js'));
  writeFileSync(join(root, 'package.json'), '{"type": "module"}');
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  const source = join(root, 'src', 'cli', 'main.ts');
  writeFileSync(source, 'export {};\n');
  if (options.built) {
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    const built = join(root, 'dist', 'cli', 'main.js');
    writeFileSync(
      built,
      'export async function runCli(args) { process.stdout.write("ran dist with " + args.join(" ") + "\\n"); return 0; }\n',
    );
    const now = Date.now() / 1000;
    utimesSync(built, now, now);
    const sourceTime = options.sourceAge === 'older' ? now - 60 : now + 60;
    utimesSync(source, sourceTime, sourceTime);
  }
  return root;
}

function runBin(root: string) {
  return spawnSync(process.execPath, [join(root, 'bin', 'skills-desk.js'), 'eval'], { encoding: 'utf8' });
}

describe('bin/skills-desk.js', () => {
  it('runs the build in dist/ when it is newer than every source file', () => {
    const result = runBin(checkout({ built: true, sourceAge: 'older' }));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ran dist with eval\n');
  });

  it('refuses a build older than a source file, naming the file and the command that fixes it', () => {
    const result = runBin(checkout({ built: true, sourceAge: 'newer' }));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the build in dist/ is older than src/cli/main.ts');
    expect(result.stderr).toContain('npm run build');
  });

  it('says there is no build when dist/ is missing, instead of running the sources', () => {
    const result = runBin(checkout({ built: false, sourceAge: 'older' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('there is no build in dist/');
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    bin: Record<string, string>;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const build = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')) as { compilerOptions: Record<string, unknown> };

  it('starts through the bin, and tsx is only a dev dependency (for npm run dev, the tests and scripts)', () => {
    expect(pkg.bin['skills-desk']).toBe('bin/skills-desk.js');
    expect(pkg.scripts.start).toBe('node bin/skills-desk.js start');
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.devDependencies).toHaveProperty('tsx');
  });

  it('builds with tsc, which writes nothing to dist/ when there is a type error', () => {
    expect(pkg.scripts.build).toMatch(/^tsc -p tsconfig\.build\.json && /);
    expect(pkg.scripts.prepare).toContain('npm run build');
    expect(build.compilerOptions.noEmitOnError).toBe(true);
  });
});
