import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded the first time it is used rather than at start-up: for the few that take longer to load than
 * the first answer needs (dates, phone numbers, YAML with positions). The package must ship a CommonJS build.
 */
export function lazyModule<Module>(name: string): () => Module {
  let loaded: Module | undefined;
  return () => {
    loaded ??= require(name) as Module;
    return loaded;
  };
}
