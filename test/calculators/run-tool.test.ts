import { beforeAll, describe, expect, it } from 'vitest';
import { runTool, toolDefinitions } from '../../src/calculators/index.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadTestKnowledge } from './load-test-knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadTestKnowledge();
});

describe('calculator tools for the model', () => {
  it('describes both tools with JSON schemas made from the input schemas', () => {
    expect(toolDefinitions().map((tool) => tool.name)).toEqual([
      'calculate_levy',
      'check_apprenticeship_eligibility',
      'calculate_co_investment',
    ]);
    const levy = toolDefinitions()[0]?.parameters as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(levy.properties)).toContain('payBill');
    expect(levy.required).toEqual(['payBill']);
    const eligibility = toolDefinitions()[1]?.parameters as { properties: Record<string, { enum?: string[] }> };
    expect(eligibility.properties.residency?.enum).toContain('pre-settled');
  });

  it('runs the levy tool with the arguments the model sends as JSON text', () => {
    const run = runTool(knowledge, 'calculate_levy', '{"payBill": 5000000}', '2025-06-01');
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.tool).toBe('levy');
    expect(run.text).toContain('£10,000');
    expect(run.citations.map((citation) => citation.articleId)).toContain(knowledge.facts.get('levy.rate')?.article);
  });

  it('treats null values from the model as not given', () => {
    const run = runTool(
      knowledge,
      'calculate_levy',
      '{"payBill": 5000000, "taxYear": null, "apprenticeAge": null}',
      '2025-06-01',
    );
    expect(run.ok && run.tool === 'levy' && run.result.annualLevy).toBe(10_000);
  });

  it('runs the eligibility tool', () => {
    const run = runTool(knowledge, 'check_apprenticeship_eligibility', { age: 25, level: 7 }, '2026-02-01');
    expect(run.ok && run.tool === 'eligibility' && run.result.verdict).toBe('not-eligible');
  });

  it('returns the validation message instead of running on bad arguments', () => {
    expect(runTool(knowledge, 'calculate_levy', '{"payBill": -5}', '2025-06-01')).toEqual({
      ok: false,
      message: 'pay bill cannot be negative',
    });
    expect(runTool(knowledge, 'calculate_levy', '{not json', '2025-06-01')).toEqual({
      ok: false,
      message: 'The tool arguments are not valid JSON.',
    });
    expect(runTool(knowledge, 'check_apprenticeship_eligibility', { age: 30, colour: 'blue' }, '2025-06-01')).toEqual({
      ok: false,
      message: 'unknown field: colour',
    });
    expect(runTool(knowledge, 'order_pizza', {}, '2025-06-01')).toEqual({
      ok: false,
      message: 'There is no tool called "order_pizza".',
    });
  });
});
