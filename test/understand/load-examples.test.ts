import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExampleFile, readExampleFolder } from '../../src/understand/load-examples.js';

describe('labelled examples', () => {
  it('reads a folder of examples with the file and line of each', () => {
    const result = readExampleFolder('test/fixtures/understanding');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.examples.length).toBeGreaterThan(40);
    const followUp = result.examples.find((example) => example.text === 'and in 2017?');
    expect(followUp).toMatchObject({ followUp: true, topic: 'llw', file: 'test/fixtures/understanding/examples.yml' });
    expect(followUp?.line).toBeGreaterThan(30);
  });

  it('names the file, line and field of each mistake', () => {
    const folder = mkdtempSync(join(tmpdir(), 'examples-'));
    copyFileSync('test/fixtures/understanding/broken.yml.txt', join(folder, 'broken.yml'));
    const result = readExampleFile(join(folder, 'broken.yml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toContain(`${join(folder, 'broken.yml')}:4: calculator: a calculation needs calculator`);
    expect(text).toMatch(/broken\.yml:8: intent: /);
  });

  it('reports a missing folder in one line', () => {
    expect(readExampleFolder('test/fixtures/no-such-folder')).toEqual({
      ok: false,
      problems: ['test/fixtures/no-such-folder: folder not found'],
    });
  });
});
