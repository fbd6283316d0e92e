import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Citation } from '../../answer/answer.js';
import { citeArticles } from '../../answer/cite.js';
import {
  type CalculatorRun,
  eligibilityFormFields,
  type FormField,
  type FormResult,
  levyFormFields,
  parseEligibilityForm,
  parseLevyForm,
  renderResult,
  runCalculator,
} from '../../calculators/index.js';
import { londonDate } from '../../enquiries/index.js';
import { errorCode } from '../../errors.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { toViewErrors, ViewSubmission } from '../enquiries/index.js';
import { SLACK_IDS } from '../ids.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { renderCalculatorMessage } from './calculator-message.js';
import { buildCalculatorModal, type CalculatorModalSpec, readFieldValues } from './calculator-modal.js';

const SORRY = 'Sorry, the calculation could not be done just now. Please try again in a minute.';

const LEVY_FORM: CalculatorModalSpec = {
  callbackId: SLACK_IDS.views.levyForm,
  title: 'Levy calculator',
  submit: 'Calculate',
  intro:
    'Works out the Apprenticeship Levy, the funds that reach the apprenticeship service account and who pays for an apprenticeship. Only the pay bill is needed. The result comes to you as a direct message.',
  fields: levyFormFields,
};

const ELIGIBILITY_FORM: CalculatorModalSpec = {
  callbackId: SLACK_IDS.views.eligibilityForm,
  title: 'Eligibility checker',
  submit: 'Check',
  intro:
    'Checks whether someone can start a funded apprenticeship, rule by rule. Only the age is needed; anything left as "Not known" comes back as a question to ask. The result comes to you as a direct message.',
  fields: eligibilityFormFields,
};

type Calculator<Input> = {
  spec: CalculatorModalSpec;
  parse(values: Record<string, string | undefined>): FormResult<Input>;
  run(knowledge: Knowledge, input: Input, today: string): { text: string; citations: Citation[]; rulesDate: string };
};

/** A form's calculator: its result as the full working (the breakdown with its arithmetic) and its sources. */
function calculator<Input>(
  spec: CalculatorModalSpec,
  parse: Calculator<Input>['parse'],
  toRun: (input: Input) => CalculatorRun,
): Calculator<Input> {
  return {
    spec,
    parse,
    run(knowledge, input, today) {
      const result = runCalculator(knowledge, toRun(input), today);
      const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today);
      return { text: renderResult(result).working, citations, rulesDate: result.rulesDate };
    },
  };
}

const levy = calculator(LEVY_FORM, parseLevyForm, (inputs) => ({ kind: 'levy', inputs }));
const eligibility = calculator(ELIGIBILITY_FORM, parseEligibilityForm, (inputs) => ({ kind: 'eligibility', inputs }));

/** The block a calculator's field error belongs on: the named field, or the first one. */
function blockFor(fields: FormField[]): (field: string) => string {
  return (field) => (fields.some((candidate) => candidate.name === field) ? field : (fields[0]?.name ?? field));
}

function registerCalculator<Input>(app: App, deps: SlackFeatureDeps, calculator: Calculator<Input>): void {
  const log = deps.log.child({ module: 'slack-calculators' });
  app.view(calculator.spec.callbackId, async ({ ack, body, client }) => {
    const parsed = ViewSubmission.safeParse(body);
    if (!parsed.success) {
      log.warn({ view: calculator.spec.callbackId }, 'calculator form payload not understood');
      await ack({ response_action: 'errors', errors: { [calculator.spec.fields[0]?.name ?? 'form']: SORRY } });
      return;
    }
    const submission = parsed.data;
    const form = calculator.parse(readFieldValues(submission, calculator.spec.fields));
    if (!form.ok) {
      const issues = form.issues.map((issue) => ({ path: [issue.field], message: sentence(issue.message) }));
      await ack(toViewErrors(issues, blockFor(calculator.spec.fields)));
      return;
    }
    await ack();
    const userId = submission.user.id;
    try {
      const today = londonDate(deps.core.now());
      const result = calculator.run(deps.core.knowledge, form.value, today);
      // chat.postMessage to a user id lands in the app's direct messages with them.
      await client.chat.postMessage({
        channel: userId,
        ...renderCalculatorMessage(result.text, result.citations, result.rulesDate),
      });
      log.info({ view: calculator.spec.callbackId, rulesDate: result.rulesDate }, 'calculator result sent');
    } catch (error) {
      log.error({ err: error, code: errorCode(error), view: calculator.spec.callbackId }, 'calculator failed');
      await client.chat.postMessage({ channel: userId, text: SORRY });
    }
  });
}

/** Field messages read as sentences in the form: "Pay bill is required". */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export function registerCalculatorHandlers(app: App, deps: SlackFeatureDeps): void {
  registerCalculator(app, deps, levy);
  registerCalculator(app, deps, eligibility);
}

export async function openLevyModal(client: WebClient, triggerId: string): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: buildCalculatorModal(LEVY_FORM) });
}

export async function openEligibilityModal(client: WebClient, triggerId: string): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: buildCalculatorModal(ELIGIBILITY_FORM) });
}
