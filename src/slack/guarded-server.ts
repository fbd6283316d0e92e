import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '../log.js';

/** The largest request body read; Slack's own payloads are far smaller (a 40,000-character message is ~160 KB). */
export const SLACK_BODY_LIMIT_BYTES = 1_000_000;
/** Slack's replay window: a request dated more than this far from now, either way, is refused. */
const MAX_SKEW_SECONDS = 5 * 60;

type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/**
 * The HTTP server in front of Bolt's receiver. Before Bolt sees a request it refuses, with a status and a log line:
 * a timestamp more than five minutes in the future (Bolt only refuses the past), a body over the limit (413), and a
 * body that is not an object (`null`, `[]`, `payload=null`), which would otherwise throw inside Bolt and end the
 * process. The body is read once and handed on buffered, so Bolt's signature check sees the same bytes.
 */
export function createGuardedServer(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  options: { log: Logger; now: () => Date },
): Server {
  return createServer((req: BufferedRequest, res) => {
    if (req.method !== 'POST') {
      listener(req, res);
      return;
    }
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(timestamp) && timestamp - options.now().getTime() / 1000 > MAX_SKEW_SECONDS) {
      options.log.warn(
        { skewSeconds: Math.round(timestamp - options.now().getTime() / 1000) },
        'refused a Slack request dated in the future',
      );
      res.writeHead(401).end();
      req.resume();
      return;
    }
    readBody(req)
      .then((body) => {
        if (body === undefined) {
          options.log.warn({ limit: SLACK_BODY_LIMIT_BYTES }, 'refused a Slack request over the size limit');
          res.writeHead(413).end();
          return;
        }
        if (!isObjectBody(body, req.headers['content-type'])) {
          options.log.warn('refused a Slack request whose body is not an object');
          res.writeHead(400).end();
          return;
        }
        req.rawBody = body;
        listener(req, res);
      })
      .catch((error: unknown) => {
        options.log.warn({ err: error }, 'could not read a Slack request');
        if (!res.headersSent) res.writeHead(400);
        res.end();
      });
  });
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > SLACK_BODY_LIMIT_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Whether the body parses to what Bolt expects: a JSON object, or a form whose `payload` (if any) is one. */
function isObjectBody(body: Buffer, contentType: string | undefined): boolean {
  const text = body.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const form = parseQuery(text);
    if (form.payload === undefined) return true;
    return typeof form.payload === 'string' && isJsonObject(form.payload);
  }
  return isJsonObject(text);
}

function isJsonObject(text: string): boolean {
  // Text that opens with `{` either parses to an object or is malformed (Bolt's to refuse), so only other openings
  // are parsed here: Bolt parses every body itself, and events are posted at a rate where a second parse shows.
  if (firstNonSpace(text) === OPEN_BRACE) return true;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    // Malformed JSON is Bolt's to refuse (it answers 400 without throwing).
    return true;
  }
}

const OPEN_BRACE = 0x7b;

/** The first character code that is not JSON whitespace (space, tab, line feed, carriage return), or -1. */
function firstNonSpace(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return code;
  }
  return -1;
}
