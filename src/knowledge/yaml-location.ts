import type { Document } from 'yaml';
import { lazyModule } from '../lazy-module.js';

/** The YAML parser with positions is loaded when knowledge is parsed from its files, not from the snapshot. */
const loadYaml = lazyModule<typeof import('yaml')>('yaml');

export type LocatedYaml = { data: unknown; lineOf(path: readonly PropertyKey[]): number | undefined; errors: string[] };

/** Parses YAML keeping positions, so a schema problem can be reported with the line it is on. */
export function parseLocatedYaml(text: string, firstLine = 1): LocatedYaml {
  const { isNode, LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const errors = document.errors.map((error) => {
    const line = error.linePos?.[0]?.line;
    return `${line === undefined ? '' : `line ${line + firstLine - 1}: `}${error.message.split('\n')[0]}`;
  });
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = document.toJS();
    } catch (error) {
      // An alias used before its anchor (`*lwf` above `&lwf`) only fails when the document is resolved.
      errors.push(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
    }
  }
  return {
    data,
    errors,
    lineOf(path) {
      // Walk up the path until a node exists (a missing field is reported at its parent).
      for (let length = path.length; length >= 0; length -= 1) {
        const node = document.getIn(path.slice(0, length) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + firstLine - 1;
      }
      return undefined;
    },
  };
}
