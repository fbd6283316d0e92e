// The contract between the enquiry queue and everything that uses it (Slack, Teams, CLI). The implementation is
// `createEnquiryQueue` in create-enquiry-queue.ts.

export const ENQUIRY_TOPICS = [
  'apprenticeships',
  'levy-transfer',
  'llw',
  'hackney-100',
  's106',
  'recruitment',
  'other',
] as const;
export type EnquiryTopic = (typeof ENQUIRY_TOPICS)[number];

export const ENQUIRY_STATUSES = ['new', 'claimed', 'resolved', 'closed'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];

/** How the enquiry reached the queue. */
export type EnquiryArrival = 'staff' | 'bot' | 'external';

export type Platform = 'slack' | 'teams' | 'cli';

/** Who is acting. `isOfficer` is decided by the transport from its officer list (Slack ids / group, AAD ids). */
export type Actor = { platform: Platform; userId: string; name?: string; isOfficer: boolean };

/** What a person (or the bot) submits; validated by the queue with zod. */
export type EnquiryInput = {
  organisation: string;
  contactName: string;
  email?: string;
  phone?: string;
  /** Suggested from the description when absent. */
  topic?: EnquiryTopic;
  description: string;
  arrivedVia: EnquiryArrival;
  /** Link to the Slack/Teams message it came from. */
  sourceLink?: string;
};

export type HistoryEntry = {
  seq: number;
  at: string;
  actor: { platform: Platform; userId: string; name?: string };
  action: 'logged' | 'claimed' | 'assigned' | 'noted' | 'resolved' | 'closed' | 'reminded' | 'erased';
  detail?: string;
};

/** Where the triage post for an enquiry lives, so it can be updated in place. */
export type TriagePost = { platform: 'slack' | 'teams'; channel: string; messageId: string };

export type Enquiry = {
  reference: string;
  organisation: string;
  /** Empty (and email, phone absent) once `contactErasedAt` is set. */
  contactName: string;
  email?: string;
  phone?: string;
  topic: EnquiryTopic;
  description: string;
  arrivedVia: EnquiryArrival;
  sourceLink?: string;
  loggedBy: { platform: Platform; userId: string; name?: string };
  status: EnquiryStatus;
  assignee?: string;
  /** Display name of the assignee, when the transport knew it. */
  assigneeName?: string;
  outcome?: string;
  closedReason?: 'duplicate' | 'spam';
  duplicateOf?: string;
  notes: { at: string; by: string; text: string }[];
  history: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string;
  /** When it was closed as a duplicate or spam. */
  closedAt?: string;
  contactErasedAt?: string;
  posts: TriagePost[];
};

export type FieldIssue = { field: string; message: string };

export type LogResult =
  | {
      ok: true;
      enquiry: Enquiry;
      created: boolean;
      possibleDuplicates: Pick<Enquiry, 'reference' | 'organisation' | 'contactName' | 'status'>[];
    }
  | { ok: false; issues: FieldIssue[] };

export type ActionResult =
  | { ok: true; enquiry: Enquiry }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'conflict' | 'invalid'; message: string; enquiry?: Enquiry };

/** Posts a new enquiry to a triage channel, or updates its post in place when `existing` is given. */
export type TriagePublisher = {
  platform: 'slack' | 'teams';
  publish(enquiry: Enquiry, existing?: TriagePost): Promise<TriagePost>;
  /**
   * Looks in the triage channel for a post of this enquiry that was sent but never recorded (a post that timed out
   * on our side, or a replica that stopped mid-post), so it is updated instead of posted a second time.
   */
  find?(enquiry: Enquiry): Promise<TriagePost | undefined>;
  /** Re-announces an enquiry left unclaimed past the SLA, or flags a stale claim to its assignee. */
  remind(enquiry: Enquiry, kind: 'unclaimed' | 'stale-claim'): Promise<void>;
};

export type EnquiryQueue = {
  /** Stores the enquiry durably (and queues its triage post) before returning. The same `idempotencyKey` never logs twice. */
  log(input: unknown, by: Actor, options?: { idempotencyKey?: string }): Promise<LogResult>;
  get(reference: string): Promise<Enquiry | undefined>;
  list(filter?: { status?: EnquiryStatus[]; assignee?: string; from?: string; to?: string }): Promise<Enquiry[]>;
  claim(reference: string, by: Actor): Promise<ActionResult>;
  assign(reference: string, assignee: string, by: Actor): Promise<ActionResult>;
  addNote(reference: string, text: string, by: Actor): Promise<ActionResult>;
  resolve(reference: string, outcome: string, by: Actor): Promise<ActionResult>;
  close(reference: string, reason: 'duplicate' | 'spam', by: Actor, duplicateOf?: string): Promise<ActionResult>;
  /** CSV or JSON of enquiries created in [from, to] (YYYY-MM-DD); officers only. */
  exportEnquiries(
    range: { from: string; to: string; format: 'csv' | 'json' },
    by: Actor,
  ): Promise<{ ok: true; body: string } | { ok: false; message: string }>;
  /** Removes a person's contact details from every enquiry on request; officers only. Returns how many changed. */
  eraseContact(email: string, by: Actor): Promise<{ ok: true; erased: number } | { ok: false; message: string }>;
  /** Erases contact details of enquiries resolved or closed more than the retention period ago. */
  applyRetention(): Promise<number>;
  /** Removes contact details held under a reference with no enquiry (a log cut short); returns how many. */
  sweepOrphans(): Promise<number>;
  /** Every enquiry, oldest first, without contact details or posts: for reports, which hold numbers only. */
  listWithoutContacts(): Promise<Enquiry[]>;
  /** Sends pending triage posts and due reminders through the publishers; safe to call repeatedly and from several replicas. */
  deliver(publishers: TriagePublisher[]): Promise<{ sent: number; failed: number }>;
  /** Calls `deliver` on a timer until the returned stop function is called. */
  startDelivery(publishers: TriagePublisher[], options?: { intervalMs?: number }): () => Promise<void>;
};
