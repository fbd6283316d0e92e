import { readExampleFolder } from '../src/understand/load-examples.js';
import { DEFAULT_TRAINING } from '../src/understand/logistic-regression.js';
import { crossValidate } from '../src/understand/measure.js';

const r = readExampleFolder('/work/wt/understand/knowledge/understanding');
if (!r.ok) throw new Error('x');
const [epochs, lr, l2] = process.argv.slice(2).map(Number);
Object.assign(DEFAULT_TRAINING, { epochs, learningRate: lr, l2 });
const m = crossValidate(r.examples);
console.log(
  process.argv.slice(2).join(' '),
  'acc',
  m.intentAccuracy.toFixed(3),
  'f1',
  m.macroF1.toFixed(3),
  'oos',
  m.outOfScopeDeclined.rate.toFixed(3),
  'wrong',
  m.inScopeWronglyDeclined.rate.toFixed(3),
  'enq',
  m.enquiryRecall.all.rate.toFixed(3),
  m.enquiryPrecision.rate.toFixed(3),
  'fu',
  m.followUpRight.rate.toFixed(3),
  'calc',
  m.calculatorRight.rate.toFixed(3),
);
