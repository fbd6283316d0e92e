// One set of topic labels on every platform: the conversation step's.
export { TOPIC_LABELS } from '../../conversation/index.js';
