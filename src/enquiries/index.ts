export { createEnquiryQueue, type EnquiryQueueDeps, formatReference, parseReference } from './create-enquiry-queue.js';
export { CSV_COLUMNS, toCsv } from './enquiry-csv.js';
export type {
  ActionResult,
  Actor,
  Enquiry,
  EnquiryArrival,
  EnquiryInput,
  EnquiryQueue,
  EnquiryStatus,
  EnquiryTopic,
  FieldIssue,
  HistoryEntry,
  LogResult,
  Platform,
  TriagePost,
  TriagePublisher,
} from './enquiry-queue.js';
export { ENQUIRY_STATUSES, ENQUIRY_TOPICS } from './enquiry-queue.js';
export { EnquiryInputSchema, normaliseOrganisation, normalisePhone } from './enquiry-schema.js';
export { suggestTopic } from './suggest-topic.js';
export { isWorkingDay, londonDate, workingMsBetween } from './working-hours.js';
