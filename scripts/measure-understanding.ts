// Prints how well the understanding step does: 5-fold cross-validation on the training examples and the score on
// the frozen split (never trained on). `node --import tsx scripts/measure-understanding.ts [--mistakes] [--file F]`
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { readExampleFile, readExampleFolder } from '../src/understand/load-examples.js';
import { DEFAULT_TRAINING } from '../src/understand/logistic-regression.js';
import { crossValidate, type Metrics, measure, understandExamples } from '../src/understand/measure.js';
import { committedModel } from '../src/understand/model.js';
import { knowledgeSubjects } from '../src/understand/subject-lexicon.js';

// Understood as the answerer understands messages: with the subjects the knowledge base names.
const subjects = knowledgeSubjects(await loadKnowledge('knowledge'));

const { values } = parseArgs({
  options: {
    mistakes: { type: 'boolean', default: false },
    file: { type: 'string' },
    'no-cv': { type: 'boolean', default: false },
  },
});
const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const rate = (r: { hits: number; of: number; rate: number }) => `${pct(r.rate)} (${r.hits}/${r.of})`;

function print(title: string, metrics: Metrics): void {
  const lines = [
    `== ${title}: ${metrics.count} messages`,
    `intent accuracy ${pct(metrics.intentAccuracy)}, macro-F1 ${pct(metrics.macroF1)}`,
    ...Object.entries(metrics.perIntent).map(
      ([intent, score]) =>
        `  ${intent.padEnd(13)} precision ${pct(score.precision)} recall ${pct(score.recall)} (n=${score.support})`,
    ),
    `enquiry recall: first-person ${rate(metrics.enquiryRecall.firstPerson)}, reported ${rate(metrics.enquiryRecall.reported)}, all ${rate(metrics.enquiryRecall.all)}; precision ${rate(metrics.enquiryPrecision)}`,
    `out of scope declined ${rate(metrics.outOfScopeDeclined)}; in scope wrongly declined ${rate(metrics.inScopeWronglyDeclined)}`,
    `follow-up decisions right ${rate(metrics.followUpRight)}; calculator with right inputs ${rate(metrics.calculatorRight)}`,
    'confusion (rows expected, columns understood):',
    `  ${''.padEnd(13)}${Object.keys(metrics.confusion)
      .map((intent) => intent.slice(0, 8).padStart(9))
      .join('')}`,
    ...Object.entries(metrics.confusion).map(
      ([expected, row]) =>
        `  ${expected.padEnd(13)}${Object.values(row)
          .map((n) => String(n).padStart(9))
          .join('')}`,
    ),
  ];
  if (values.mistakes)
    lines.push(...metrics.mistakes.map((m) => `  ✗ "${m.text}" expected ${m.expected}, got ${m.got}`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

const training = readExampleFolder('knowledge/understanding');
if (!training.ok) throw new Error(training.problems.join('\n'));
if (!values['no-cv'])
  print(
    '5-fold cross-validation on the training examples',
    crossValidate(training.examples, 5, DEFAULT_TRAINING, subjects),
  );
const file = values.file ?? 'test/understanding/frozen.yml';
const held = readExampleFile(file);
if (!held.ok) throw new Error(held.problems.join('\n'));
print(`${file} (committed model)`, measure(understandExamples(committedModel(), held.examples, subjects)));
