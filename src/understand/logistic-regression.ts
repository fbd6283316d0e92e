/**
 * Multinomial logistic regression over sparse binary features, trained by stochastic gradient descent in a fixed,
 * seeded order so that the same examples always give the same weights.
 */
export type Sample = { features: readonly number[]; label: number; weight?: number };

export type TrainOptions = { epochs: number; learningRate: number; l2: number; seed: number };

export type Weights = {
  labelCount: number;
  featureCount: number;
  bias: Float64Array;
  /** featureCount × labelCount, row by feature: floats while training, 16-bit steps once loaded from JSON. */
  weights: Float64Array | Int16Array;
  /** What one unit of `weights` is worth (1 for floats; the step size for 16-bit steps). */
  scale?: number;
};

export const DEFAULT_TRAINING: TrainOptions = { epochs: 40, learningRate: 0.5, l2: 1e-5, seed: 20261201 };

/** A small seeded random number generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Probabilities of each label for one sample's features. */
export function predict(model: Weights, features: readonly number[], scores = new Float64Array(model.labelCount)) {
  const { labelCount, bias, weights } = model;
  const scale = features.length > 0 ? (model.scale ?? 1) / Math.sqrt(features.length) : 0;
  for (let label = 0; label < labelCount; label += 1) scores[label] = bias[label] as number;
  for (const feature of features) {
    const row = feature * labelCount;
    for (let label = 0; label < labelCount; label += 1) {
      scores[label] = (scores[label] as number) + (weights[row + label] as number) * scale;
    }
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let label = 0; label < labelCount; label += 1) max = Math.max(max, scores[label] as number);
  let total = 0;
  for (let label = 0; label < labelCount; label += 1) {
    const value = Math.exp((scores[label] as number) - max);
    scores[label] = value;
    total += value;
  }
  for (let label = 0; label < labelCount; label += 1) scores[label] = (scores[label] as number) / total;
  return scores;
}

export function train(
  samples: readonly Sample[],
  labelCount: number,
  featureCount: number,
  options: TrainOptions = DEFAULT_TRAINING,
): Weights {
  const weights = new Float64Array(featureCount * labelCount);
  const model = { labelCount, featureCount, bias: new Float64Array(labelCount), weights };
  if (samples.length === 0) return model;
  const next = random(options.seed);
  const order = samples.map((_, position) => position);
  const probabilities = new Float64Array(labelCount);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let position = order.length - 1; position > 0; position -= 1) {
      const other = Math.floor(next() * (position + 1));
      [order[position], order[other]] = [order[other] as number, order[position] as number];
    }
    const rate = options.learningRate / (1 + epoch * 0.2);
    for (const index of order) {
      const sample = samples[index] as Sample;
      predict(model, sample.features, probabilities);
      const scale = sample.features.length > 0 ? 1 / Math.sqrt(sample.features.length) : 0;
      const weight = sample.weight ?? 1;
      for (let label = 0; label < labelCount; label += 1) {
        const error = ((probabilities[label] as number) - (label === sample.label ? 1 : 0)) * weight * rate;
        model.bias[label] = (model.bias[label] as number) - error * 0.1;
        if (error === 0) continue;
        for (const feature of sample.features) {
          const at = feature * labelCount + label;
          const current = weights[at] as number;
          weights[at] = current * (1 - rate * options.l2) - error * scale;
        }
      }
    }
  }
  return model;
}
