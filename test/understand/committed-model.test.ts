import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExampleFolder } from '../../src/understand/load-examples.js';
import { MODEL_URL, modelFromJson, modelToJson } from '../../src/understand/model.js';
import { examplesDigest, trainModel } from '../../src/understand/train-model.js';

describe('the committed understanding model', () => {
  it('is what `npm run train` makes from the committed examples', () => {
    const examples = readExampleFolder('knowledge/understanding');
    expect(examples.ok ? [] : examples.problems).toEqual([]);
    if (!examples.ok) return;
    const committed = modelFromJson(readFileSync(MODEL_URL, 'utf8'));
    expect(committed.examplesSha256, 'examples changed since the model was trained: run `npm run train`').toBe(
      examplesDigest(examples.examples),
    );
    const retrained = modelFromJson(modelToJson(trainModel(examples.examples)));
    expect([...committed.vocabulary.keys()]).toEqual([...retrained.vocabulary.keys()]);
    for (const name of ['intent', 'topic', 'followUp'] as const) {
      const mine = committed.heads[name];
      const theirs = retrained.heads[name];
      expect(mine.labels).toEqual(theirs.labels);
      // Stored as 16-bit steps; allow two steps either way.
      const mineScale = mine.model.scale ?? 1;
      const theirScale = theirs.model.scale ?? 1;
      let largest = 0;
      let biggest = 0;
      for (let at = 0; at < mine.model.weights.length; at += 1) {
        const weight = (mine.model.weights[at] as number) * mineScale;
        biggest = Math.max(biggest, Math.abs(weight));
        largest = Math.max(largest, Math.abs(weight - (theirs.model.weights[at] as number) * theirScale));
      }
      const step = biggest / 32767;
      expect(largest, `head ${name}`).toBeLessThanOrEqual(2 * step + 1e-9);
    }
  }, 120_000);
});
