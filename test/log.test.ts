import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

describe('createLogger', () => {
  it('writes JSON lines with tokens, secrets and contact details redacted', () => {
    const destination = new PassThrough();
    const lines: string[] = [];
    destination.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    const log = createLogger({ level: 'info', destination });
    log.info(
      {
        botToken: 'xoxb-secret',
        apiKey: 'sk-secret',
        headers: { authorization: 'Bearer abc' },
        enquiry: {
          reference: 'ENQ-2026-0001',
          email: 'jo@example.com',
          phone: '07700 900123',
          contactName: 'Jo Bloggs',
        },
      },
      'logged',
    );
    const entry = JSON.parse(lines.join('')) as Record<string, unknown>;
    const text = JSON.stringify(entry);
    for (const secret of ['xoxb-secret', 'sk-secret', 'Bearer abc', 'jo@example.com', '07700 900123', 'Jo Bloggs']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('ENQ-2026-0001');
    expect(entry).toMatchObject({ level: 30, msg: 'logged', service: 'skills-desk' });
  });
});
