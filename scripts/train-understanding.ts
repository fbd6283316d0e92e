// `npm run train`: trains the understanding model on knowledge/understanding/*.yml and writes
// knowledge/understanding/model.json. The same examples always give the same file.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readExampleFolder } from '../src/understand/load-examples.js';
import { modelToJson } from '../src/understand/model.js';
import { trainModel } from '../src/understand/train-model.js';

const { values } = parseArgs({
  options: {
    examples: { type: 'string', default: 'knowledge/understanding' },
    out: { type: 'string', default: 'knowledge/understanding/model.json' },
  },
});
const folder = values.examples ?? 'knowledge/understanding';
const result = readExampleFolder(folder);
if (!result.ok) {
  process.stderr.write(`${result.problems.join('\n')}\n`);
  process.exit(1);
}
const started = performance.now();
const model = trainModel(result.examples);
const out = values.out ?? 'knowledge/understanding/model.json';
writeFileSync(out, modelToJson(model));
process.stdout.write(
  `trained on ${result.examples.length} examples in ${Math.round(performance.now() - started)} ms: ${model.vocabulary.size} features; wrote ${out}\n`,
);
