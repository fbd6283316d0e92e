// The understanding step: what a message means (intent, topic, follow-up, calculator inputs), from a trained model.

export { payBillPartsOf } from './calculator-inputs.js';
export { LabelledExample } from './example-schema.js';
export { type LocatedExample, readExampleFile, readExampleFolder } from './load-examples.js';
export { committedModel, modelFromJson, modelToJson, type UnderstandingModel } from './model.js';
export { buildSubjectLexicon, knowledgeSubjects, type SubjectLexicon, type SubjectName } from './subject-lexicon.js';
export { examplesDigest, trainModel } from './train-model.js';
export { MAX_MESSAGE_CHARACTERS, understand, understandWith } from './understand.js';
export * from './understanding.js';
