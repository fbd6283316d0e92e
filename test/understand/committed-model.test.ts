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
      // Rounded to 4 decimals when written; allow one unit of rounding either way.
      const largest = mine.model.weights.reduce(
        (most, weight, at) => Math.max(most, Math.abs(weight - (theirs.model.weights[at] as number))),
        0,
      );
      expect(largest, `head ${name}`).toBeLessThanOrEqual(2e-4);
    }
  }, 120_000);
});
