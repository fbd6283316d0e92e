import { z } from 'zod';
import { ConfigError } from './errors.js';
import { jsonText } from './json-text.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const idList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9:_@.-]+$/, { error: 'expected comma-separated user ids' })));

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'expected true or false' })
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes' || value === 'on');

/** Every environment variable the product reads, with its rules. The only place that reads `process.env`. */
export const Environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORE_URL: z
    .string()
    .trim()
    .regex(/^(sqlite|redis|rediss|postgres|postgresql):\/\/.+/, {
      error: 'expected sqlite://PATH, redis://HOST:PORT or postgresql://USER@HOST/DB',
    })
    .default('sqlite://data/skills-desk.sqlite'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
  PROMPTS_DIR: z.string().trim().min(1).default('prompts'),
  KNOWLEDGE_SNAPSHOT: z.string().trim().min(1).default('dist/knowledge-snapshot.json'),
  ANSWER_CACHE_TTL_HOURS: z.coerce.number().min(0).max(720).default(24),
  OPENAI_API_KEY: optionalText,
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4.1-mini'),
  OPENAI_BASE_URL: z.url({ error: 'expected a URL such as https://example.openai.azure.com/openai/v1' }).optional(),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
  OPENAI_EMBEDDING_MODEL: optionalText,
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-/, { error: 'expected a bot token starting with xoxb-' })
    .optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, { error: 'expected an app-level token starting with xapp-' })
    .optional(),
  SLACK_API_URL: z.url({ error: 'expected a URL ending in /api/, such as https://slack.com/api/' }).optional(),
  PORT: port(3000),
  SLACK_ENQUIRY_CHANNEL: optionalText,
  SLACK_OFFICER_IDS: idList,
  SLACK_OFFICER_GROUP_ID: optionalText,
  SLACK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(10),
  TEAMS_APP_ID: optionalText,
  TEAMS_APP_PASSWORD: optionalText,
  TEAMS_TENANT_ID: optionalText,
  TEAMS_PORT: port(3978),
  TEAMS_PLAYGROUND: flag,
  TEAMS_ENQUIRY_CHANNEL: optionalText,
  TEAMS_OFFICER_IDS: idList,
  ENQUIRY_SLA_HOURS: z.coerce.number().min(1).max(400).default(8),
  ENQUIRY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(730),
  // Reports and the knowledge-gaps loop (helper "enquiries").
  QUESTION_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  QUESTION_PSEUDONYM_SALT: z.string().trim().min(16, { error: 'expected at least 16 characters' }).optional(),
  REPORT_SCHEDULE: z
    .string()
    .trim()
    .regex(/^(off|monthly|quarterly|monthly,quarterly|quarterly,monthly)$/, {
      error: 'expected off, monthly, quarterly or monthly,quarterly',
    })
    .default('monthly,quarterly'),
  CONTENT_OWNER_CHANNELS: jsonText('expected JSON: {"owner": {"slack": "C…", "teams": "…"}}')
    .pipe(
      z.record(
        z.string().min(1),
        z.object({ slack: z.string().min(1).optional(), teams: z.string().min(1).optional() }).strict(),
      ),
    )
    .optional(),
});
export type Environment = z.infer<typeof Environment>;

export type ModelConfig =
  | 'off'
  | { apiKey: string; model: string; baseUrl?: string; timeoutMs: number; embeddingModel?: string };

export type SlackConfig =
  | 'off'
  | {
      mode: 'socket' | 'http';
      botToken: string;
      signingSecret: string;
      appToken?: string;
      apiUrl?: string;
      port: number;
      enquiryChannel?: string;
      officerIds: string[];
      officerGroupId?: string;
      rateLimitPerMinute: number;
    };

export type TeamsConfig =
  | 'off'
  | {
      /** `playground` accepts unauthenticated requests, for local development only. */
      mode: 'authenticated' | 'playground';
      appId?: string;
      appPassword?: string;
      tenantId?: string;
      port: number;
      enquiryChannel?: string;
      officerIds: string[];
    };

export type Config = {
  env: Environment['NODE_ENV'];
  logLevel: Environment['LOG_LEVEL'];
  storeUrl: string;
  knowledgeDir: string;
  /** Where the parsed knowledge and its search index are cached between starts, or `off`. */
  knowledgeSnapshot: string | 'off';
  promptsDir: string;
  answerCacheTtlMs: number;
  model: ModelConfig;
  slack: SlackConfig;
  teams: TeamsConfig;
  enquiries: { slaHours: number; retentionDays: number; staleClaimWorkingDays: number; officerIds: string[] };
  reports: ReportsConfig;
};

/** Outcome reports and the knowledge-gaps loop: what is kept, for how long, and where it is posted. */
export type ReportsConfig = {
  questionRetentionDays: number;
  /** HMAC key for pseudonymising user ids in the question log; without it no user id is kept at all. */
  pseudonymSalt?: string;
  schedule: ('monthly' | 'quarterly')[];
  /** Where each content owner's weekly digest goes (article `owner` → Slack channel / Teams conversation). */
  ownerChannels: Record<string, { slack?: string | undefined; teams?: string | undefined }>;
};

const SECRET_VARIABLES = new Set([
  'QUESTION_PSEUDONYM_SALT',
  'OPENAI_API_KEY',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'TEAMS_APP_PASSWORD',
]);

/** Reads and checks the environment; throws a ConfigError naming every bad variable (never its secret value). */
export function loadConfig(source: Record<string, string | undefined>): Config {
  // An empty value (common in .env files and CI) means "not set".
  const given = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = Environment.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const hint = SECRET_VARIABLES.has(name) ? ' (value not shown)' : '';
        return `${name}: ${issue.message}${hint}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];

  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN (Socket Mode) is set');
  }
  if (!env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
    problems.push('SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set');
  }
  const teamsCredentials = [env.TEAMS_APP_ID, env.TEAMS_APP_PASSWORD, env.TEAMS_TENANT_ID];
  const teamsGiven = teamsCredentials.filter((value) => value !== undefined).length;
  if (teamsGiven > 0 && teamsGiven < 3) {
    problems.push('TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID: set all three, or none');
  }
  if (env.TEAMS_PLAYGROUND && env.NODE_ENV === 'production') {
    problems.push('TEAMS_PLAYGROUND: unauthenticated playground mode cannot run with NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    storeUrl: env.STORE_URL,
    knowledgeDir: env.KNOWLEDGE_DIR,
    knowledgeSnapshot: env.KNOWLEDGE_SNAPSHOT === 'off' ? 'off' : env.KNOWLEDGE_SNAPSHOT,
    promptsDir: env.PROMPTS_DIR,
    answerCacheTtlMs: env.ANSWER_CACHE_TTL_HOURS * 3_600_000,
    model: env.OPENAI_API_KEY
      ? {
          apiKey: env.OPENAI_API_KEY,
          model: env.OPENAI_MODEL,
          timeoutMs: env.OPENAI_TIMEOUT_MS,
          ...(env.OPENAI_BASE_URL !== undefined && { baseUrl: env.OPENAI_BASE_URL }),
          ...(env.OPENAI_EMBEDDING_MODEL !== undefined && { embeddingModel: env.OPENAI_EMBEDDING_MODEL }),
        }
      : 'off',
    slack: env.SLACK_BOT_TOKEN
      ? {
          mode: env.SLACK_APP_TOKEN ? 'socket' : 'http',
          botToken: env.SLACK_BOT_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET ?? '',
          port: env.PORT,
          officerIds: env.SLACK_OFFICER_IDS,
          rateLimitPerMinute: env.SLACK_RATE_LIMIT_PER_MINUTE,
          ...(env.SLACK_APP_TOKEN !== undefined && { appToken: env.SLACK_APP_TOKEN }),
          ...(env.SLACK_API_URL !== undefined && { apiUrl: env.SLACK_API_URL }),
          ...(env.SLACK_ENQUIRY_CHANNEL !== undefined && { enquiryChannel: env.SLACK_ENQUIRY_CHANNEL }),
          ...(env.SLACK_OFFICER_GROUP_ID !== undefined && { officerGroupId: env.SLACK_OFFICER_GROUP_ID }),
        }
      : 'off',
    teams:
      env.TEAMS_APP_ID || env.TEAMS_PLAYGROUND
        ? {
            mode: env.TEAMS_APP_ID ? 'authenticated' : 'playground',
            port: env.TEAMS_PORT,
            officerIds: env.TEAMS_OFFICER_IDS,
            ...(env.TEAMS_APP_ID !== undefined && { appId: env.TEAMS_APP_ID }),
            ...(env.TEAMS_APP_PASSWORD !== undefined && { appPassword: env.TEAMS_APP_PASSWORD }),
            ...(env.TEAMS_TENANT_ID !== undefined && { tenantId: env.TEAMS_TENANT_ID }),
            ...(env.TEAMS_ENQUIRY_CHANNEL !== undefined && { enquiryChannel: env.TEAMS_ENQUIRY_CHANNEL }),
          }
        : 'off',
    enquiries: {
      slaHours: env.ENQUIRY_SLA_HOURS,
      retentionDays: env.ENQUIRY_RETENTION_DAYS,
      staleClaimWorkingDays: 5,
      // The command line acts as either platform, so it knows every officer whether or not Slack or Teams is set up.
      officerIds: [...new Set([...env.SLACK_OFFICER_IDS, ...env.TEAMS_OFFICER_IDS])],
    },
    reports: {
      questionRetentionDays: env.QUESTION_RETENTION_DAYS,
      ...(env.QUESTION_PSEUDONYM_SALT !== undefined && { pseudonymSalt: env.QUESTION_PSEUDONYM_SALT }),
      schedule:
        env.REPORT_SCHEDULE === 'off' ? [] : (env.REPORT_SCHEDULE.split(',').sort() as ('monthly' | 'quarterly')[]),
      ownerChannels: env.CONTENT_OWNER_CHANNELS ?? {},
    },
  };
}
