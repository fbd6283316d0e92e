import { createHash } from 'node:crypto';
import { readCalculatorInputs } from './calculator-inputs.js';
import { contextFeatures, earlierSubject } from './context-features.js';
import type { LabelledExample } from './example-schema.js';
import { messageFeatures, tokenize } from './features.js';
import { intentLabel } from './intent-label.js';
import { DEFAULT_TRAINING, type Sample, type TrainOptions, train, type Weights } from './logistic-regression.js';
import { classify, featureIndexes, type Head, type UnderstandingModel } from './model.js';

/** The date relative values ("next tax year") are read against while training. */
const TRAINING_DAY = '2026-12-01';

/** A feature must appear in at least this many examples to be kept. */
const MIN_DOCUMENT_FREQUENCY = 2;

/** A digest of what training reads from the examples, so a model can say which examples it was trained on. */
export function examplesDigest(examples: readonly LabelledExample[]): string {
  const canonical = examples.map((example) => [
    example.text,
    intentLabel(example),
    example.topic,
    example.followUp ?? null,
    example.history?.map((turn) => [turn.role, turn.text]) ?? null,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function sortedLabels(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * Weights per sample so that a rare group of labels is not drowned by a common one (square root of the inverse
 * share). Labels are balanced by their group ("out_of_scope" for all six reasons), so that splitting an intent into
 * sub-labels does not multiply its weight.
 */
function balance(groups: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1);
  const mean = groups.length / Math.max(1, counts.size);
  return groups.map((group) => Math.sqrt(mean / (counts.get(group) as number)));
}

const groupOf = (label: string) => label.split(':')[0] as string;

function trainHead(
  labelsOf: readonly string[],
  featuresOf: readonly number[][],
  featureCount: number,
  options: TrainOptions,
): Head {
  const labels = sortedLabels(labelsOf);
  const numeric = labelsOf.map((label) => labels.indexOf(label));
  const weights = balance(labelsOf.map(groupOf));
  const samples: Sample[] = featuresOf.map((features, position) => ({
    features,
    label: numeric[position] as number,
    weight: weights[position] as number,
  }));
  return {
    labels: labels.length > 0 ? labels : ['none'],
    model: train(samples, Math.max(1, labels.length), featureCount, options),
  };
}

function widen(weights: Weights, featureCount: number): Weights {
  const wider = new Float64Array(featureCount * weights.labelCount);
  wider.set(weights.weights);
  return { ...weights, featureCount, weights: wider };
}

/** Trains the understanding model on labelled examples. The same examples always give the same model. */
export function trainModel(
  examples: readonly LabelledExample[],
  options: TrainOptions = DEFAULT_TRAINING,
): UnderstandingModel {
  const featureSets = examples.map((example) => messageFeatures(tokenize(example.text).words));
  const frequency = new Map<string, number>();
  for (const features of featureSets)
    for (const feature of features) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  const kept = [...frequency.entries()]
    .filter(([, count]) => count >= MIN_DOCUMENT_FREQUENCY)
    .map(([feature]) => feature)
    .sort();
  const vocabulary = new Map(kept.map((feature, index) => [feature, index]));
  const partial: UnderstandingModel = {
    examplesSha256: examplesDigest(examples),
    exampleCount: examples.length,
    vocabulary,
    heads: {} as UnderstandingModel['heads'],
  };
  const indexes = featureSets.map((features) => featureIndexes(partial, features));

  partial.heads.intent = trainHead(examples.map(intentLabel), indexes, vocabulary.size, options);
  const ownSubject = examples
    .map((_, position) => position)
    .filter((position) => examples[position]?.followUp !== true);
  partial.heads.topic = trainHead(
    ownSubject.map((position) => examples[position]?.topic as string),
    ownSubject.map((position) => indexes[position] as number[]),
    vocabulary.size,
    options,
  );

  // Follow-up evidence: what the thread was about and whether the message names its own subject.
  const threaded = examples
    .map((_, position) => position)
    .filter((position) => examples[position]?.history !== undefined);
  const evidence = threaded.map((position) => {
    const example = examples[position] as LabelledExample;
    const earlier = (example.history ?? []).filter((turn) => turn.role === 'user').map((turn) => turn.text);
    const subject = earlierSubject(partial, earlier);
    const changes =
      subject?.calculator !== undefined &&
      Object.keys(readCalculatorInputs(subject.calculator, example.text, TRAINING_DAY)).length > 0;
    return contextFeatures(classify(partial, 'topic', indexes[position] as number[]), subject, changes, example.text);
  });
  for (const feature of sortedLabels(evidence.flat()))
    if (!vocabulary.has(feature)) vocabulary.set(feature, vocabulary.size);
  partial.heads.intent.model = widen(partial.heads.intent.model, vocabulary.size);
  partial.heads.topic.model = widen(partial.heads.topic.model, vocabulary.size);
  partial.heads.followUp = trainHead(
    threaded.map((position) => String(examples[position]?.followUp === true)),
    threaded.map((position, row) => [
      ...(indexes[position] as number[]),
      ...featureIndexes(partial, evidence[row] ?? []),
    ]),
    vocabulary.size,
    options,
  );
  return partial;
}
