import { StoreError } from '../../src/errors.js';
import type { Store } from '../../src/store/create-store.js';

/** A real store whose every write fails as a full disk would (reads still work); `writes` counts the attempts. */
export function withFailingWrites(store: Store): Store & { writes: number } {
  const failing = {
    kind: store.kind,
    writes: 0,
    readUnique: store.readUnique.bind(store),
    close: store.close.bind(store),
    async insertIfAbsent() {
      failing.writes += 1;
      throw new StoreError('could not write to the store: SQLITE_FULL: database or disk is full');
    },
    namespace<Value>(name: string) {
      const keyv = store.namespace<Value>(name);
      return new Proxy(keyv, {
        get(target, property, receiver) {
          if (property === 'set' || property === 'delete' || property === 'clear' || property === 'setMany') {
            return async () => {
              failing.writes += 1;
              throw new StoreError(`could not write ${name}: SQLITE_FULL: database or disk is full`);
            };
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
  return failing;
}
