/** Machine-readable codes for faults the product can raise; expected outcomes are returned as values instead. */
export type ErrorCode =
  | 'config_invalid'
  | 'knowledge_invalid'
  | 'model_failed'
  | 'store_failed'
  | 'permission_denied'
  | 'not_found'
  | 'input_invalid';

export class SkillsDeskError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class ConfigError extends SkillsDeskError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('config_invalid', `Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export class KnowledgeError extends SkillsDeskError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('knowledge_invalid', `The knowledge base has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export class ModelError extends SkillsDeskError {
  /** Why the model could not be used: the extractive answer names this to the user. */
  readonly reason: 'timeout' | 'rate_limited' | 'server_error' | 'bad_output' | 'other';

  constructor(reason: ModelError['reason'], message: string, options?: { cause?: unknown }) {
    super('model_failed', message, options);
    this.reason = reason;
  }
}

export class StoreError extends SkillsDeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store_failed', message, options);
  }
}

/** The code of any error, for logs; unknown errors are 'internal'. */
export function errorCode(error: unknown): string {
  return error instanceof SkillsDeskError ? error.code : 'internal';
}
