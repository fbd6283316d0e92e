import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { predict, type Weights } from './logistic-regression.js';

export const HEAD_NAMES = ['intent', 'topic', 'followUp'] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

export type Head = { labels: string[]; model: Weights };

/** A trained understanding model: one vocabulary of features shared by a classifier per decision. */
export type UnderstandingModel = {
  examplesSha256: string;
  exampleCount: number;
  vocabulary: Map<string, number>;
  heads: Record<HeadName, Head>;
};

const DIGITS = 4;
/** One step of the 16-bit weights: the largest weight maps to 32,767. */
const scaleCache = new WeakMap<Float64Array | Int16Array, number>();
function scaleOf(weights: Float64Array | Int16Array): number {
  let scale = scaleCache.get(weights);
  if (scale === undefined) {
    let largest = 0;
    for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
    scale = Number((Math.max(largest, 1e-6) / 32767).toPrecision(6));
    scaleCache.set(weights, scale);
  }
  return scale;
}

const round = (value: number) => Math.round(value * 10 ** DIGITS) / 10 ** DIGITS;

/** Weights travel as base64 of 16-bit integers times `scale`: small, and read at once (no number parsing). */
const HeadJson = z.object({
  labels: z.array(z.string()).min(1),
  bias: z.array(z.number()),
  scale: z.number().positive(),
  weights: z.string(),
});
const ModelJson = z.object({
  format: z.literal(2),
  examplesSha256: z.string(),
  exampleCount: z.number().int(),
  /** The features, one a line, in index order: one string parses and checks far faster than 10,000. */
  vocabulary: z.string(),
  heads: z.object({ intent: HeadJson, topic: HeadJson, followUp: HeadJson }),
});
export type ModelJson = z.infer<typeof ModelJson>;

/** The model as committed JSON: weights rounded so the file is stable and small. */
export function modelToJson(model: UnderstandingModel): string {
  const vocabulary = [...model.vocabulary.keys()];
  if (vocabulary.some((feature) => feature.includes('\n'))) throw new Error('a feature must not contain a new line');
  const heads = Object.fromEntries(
    HEAD_NAMES.map((name) => {
      const head = model.heads[name];
      if (head.model.weights instanceof Int16Array) {
        // Already 16-bit steps (a model read from JSON): written back as they are.
        const steps = head.model.weights;
        return [
          name,
          {
            labels: head.labels,
            bias: [...head.model.bias].map(round),
            scale: head.model.scale ?? 1,
            weights: Buffer.from(steps.buffer, steps.byteOffset, steps.byteLength).toString('base64'),
          },
        ];
      }
      return [
        name,
        {
          labels: head.labels,
          bias: [...head.model.bias].map(round),
          scale: scaleOf(head.model.weights),
          weights: Buffer.from(
            Int16Array.from(head.model.weights, (weight) => Math.round(weight / scaleOf(head.model.weights))).buffer,
          ).toString('base64'),
        },
      ];
    }),
  );
  const json = {
    format: 2,
    examplesSha256: model.examplesSha256,
    exampleCount: model.exampleCount,
    vocabulary: vocabulary.join('\n'),
    heads,
  };
  return `${JSON.stringify(json)}\n`;
}

/** Reads a model from its JSON text, checking its shape. */
export function modelFromJson(text: string): UnderstandingModel {
  const parsed = ModelJson.parse(JSON.parse(text));
  const features = parsed.vocabulary.length === 0 ? [] : parsed.vocabulary.split('\n');
  const featureCount = features.length;
  const heads = {} as Record<HeadName, Head>;
  for (const name of HEAD_NAMES) {
    const head = parsed.heads[name];
    const labelCount = head.labels.length;
    const bytes = Buffer.from(head.weights, 'base64');
    const steps = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    // The steps are used as they are (predict multiplies by the scale): no copy, no per-weight work at load.
    const weights = steps;
    if (weights.length !== featureCount * labelCount || head.bias.length !== labelCount) {
      throw new Error(`understanding model: head ${name} has the wrong number of weights`);
    }
    heads[name] = {
      labels: head.labels,
      model: {
        labelCount,
        featureCount,
        bias: Float64Array.from(head.bias),
        weights,
        scale: head.scale,
      },
    };
  }
  return {
    examplesSha256: parsed.examplesSha256,
    exampleCount: parsed.exampleCount,
    vocabulary: new Map(features.map((feature, index) => [feature, index])),
    heads,
  };
}

export const MODEL_URL = new URL('../../knowledge/understanding/model.json', import.meta.url);

let loaded: UnderstandingModel | undefined;

/** The committed model, read once. */
export function committedModel(): UnderstandingModel {
  loaded ??= modelFromJson(readFileSync(MODEL_URL, 'utf8'));
  return loaded;
}

/** Indexes of the features the model knows, in a stable order. */
export function featureIndexes(model: UnderstandingModel, features: Iterable<string>): number[] {
  const indexes: number[] = [];
  for (const feature of features) {
    const index = model.vocabulary.get(feature);
    if (index !== undefined) indexes.push(index);
  }
  return indexes;
}

export type Prediction = { label: string; probability: number; probabilities: Map<string, number> };

export function classify(model: UnderstandingModel, head: HeadName, features: readonly number[]): Prediction {
  const { labels, model: weights } = model.heads[head];
  const scores = predict(weights, features);
  let best = 0;
  for (let label = 1; label < labels.length; label += 1)
    if ((scores[label] as number) > (scores[best] as number)) best = label;
  const probabilities = new Map(labels.map((label, index) => [label, scores[index] as number]));
  return { label: labels[best] as string, probability: scores[best] as number, probabilities };
}

/** "out_of_scope:weather" → "out_of_scope": a label's intent, worked out once per label. */
const intents = new Map<string, string>();
function intentOf(label: string): string {
  let intent = intents.get(label);
  if (intent === undefined) {
    intent = label.split(':')[0] as string;
    intents.set(label, intent);
  }
  return intent;
}

/**
 * The intent with the most probability in all its sub-labels together (so six kinds of out-of-scope are not
 * outvoted one by one by "question"), then its likeliest sub-label.
 */
export function classifyIntent(model: UnderstandingModel, features: readonly number[]): Prediction {
  const prediction = classify(model, 'intent', features);
  const totals = new Map<string, number>();
  for (const [label, probability] of prediction.probabilities) {
    const intent = intentOf(label);
    totals.set(intent, (totals.get(intent) ?? 0) + probability);
  }
  const [intent, total] = [...totals.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  let label = intent;
  let best = -1;
  for (const [candidate, probability] of prediction.probabilities) {
    if (intentOf(candidate) === intent && probability > best) {
      label = candidate;
      best = probability;
    }
  }
  return { label, probability: total, probabilities: prediction.probabilities };
}
