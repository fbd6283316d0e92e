import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

const CONTACT = ['jo@example.com', '07700 900123', '+44 20 7946 0000', 'Jo Bloggs'];

function debugLogger() {
  const destination = new PassThrough();
  const lines: string[] = [];
  destination.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
  return { log: createLogger({ level: 'debug', destination }), text: () => lines.join('') };
}

describe('contact details never reach the logs as free text, at any level', () => {
  // What Bolt (App.js), the Web API client and Socket Mode write at debug: a whole request body inside the message.
  const body = JSON.stringify({
    type: 'view_submission',
    view: {
      state: {
        values: {
          name: { contact_name: { value: 'Jo Bloggs' } },
          email: { contact_email: { value: 'jo@example.com' } },
          phone: { contact_phone: { value: '07700 900123' } },
        },
      },
    },
  });

  it.each([
    ['Bolt’s raw body', body],
    ['the Web API request body', `http request body: ${body}`],
    ['a Socket Mode message', `Received a message on the WebSocket: ${body}`],
  ])('drops %s logged at debug', (_name, message) => {
    const { log, text } = debugLogger();
    log.debug(message);
    for (const detail of CONTACT) expect(text()).not.toContain(detail);
    expect(text()).toContain('[payload omitted');
  });

  it('masks emails and phone numbers in messages, string fields and error messages, and keeps the rest', () => {
    const { log, text } = debugLogger();
    log.warn('could not deliver to jo@example.com or 07700 900123');
    log.info({ note: 'call +44 20 7946 0000', reference: 'ENQ-2026-0001', ts: '1700000000.001' }, 'noted');
    log.error({ err: new TypeError('bad contact jo@example.com', { cause: new Error('07700 900123') }) }, 'failed');
    const written = text();
    for (const detail of CONTACT) expect(written).not.toContain(detail);
    expect(written).toContain('[email]');
    expect(written).toContain('[phone]');
    expect(written).toContain('ENQ-2026-0001');
    expect(written).toContain('1700000000.001');
    expect(written).toContain('"type":"TypeError"');
  });
});
