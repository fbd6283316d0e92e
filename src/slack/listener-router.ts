import type { App } from '@slack/bolt';
import type { Logger } from '../log.js';

type Handler = (args: never) => Promise<void> | void;
type AckArgs = { ack?: (response?: unknown) => Promise<void> };
type RoutedArgs = AckArgs & { body: unknown; payload: unknown; event?: unknown; command?: unknown };

/**
 * Collects the app's listeners and registers ONE Bolt listener per kind of interaction (events, actions, views,
 * shortcuts, commands, options), routing inside by event type, action_id, callback_id or command name. Bolt runs
 * every request through every listener it has, so this keeps the per-request cost flat as features are added.
 * Interactions no feature handles are acknowledged (Slack would otherwise show an error after 3 seconds).
 *
 * It exposes the same `event` / `action` / `view` / `shortcut` / `command` / `options` methods as Bolt's App (with
 * string ids), so feature modules register on it as they would on the App.
 */
export function createListenerRouter(app: App, log: Logger) {
  const routes = {
    event: new Map<string, Handler[]>(),
    action: new Map<string, Handler[]>(),
    view: new Map<string, Handler[]>(),
    shortcut: new Map<string, Handler[]>(),
    command: new Map<string, Handler[]>(),
    options: new Map<string, Handler[]>(),
  };
  const add = (kind: keyof typeof routes) => (id: string, handler: Handler) => {
    const list = routes[kind].get(id) ?? [];
    list.push(handler);
    routes[kind].set(id, list);
  };
  const surface = {
    client: app.client,
    event: add('event'),
    action: add('action'),
    view: add('view'),
    shortcut: add('shortcut'),
    command: add('command'),
    options: add('options'),
  };

  const dispatch = async (kind: keyof typeof routes, id: string | undefined, args: RoutedArgs) => {
    const handlers = id === undefined ? undefined : routes[kind].get(id);
    if (!handlers) {
      if (kind !== 'event') log.info({ kind, id }, 'acknowledged an interaction no feature handles');
      if (args.ack) await args.ack(kind === 'options' ? { options: [] } : undefined);
      return;
    }
    // Every handler runs, as Bolt would run several listeners for one id.
    const results = await Promise.allSettled(handlers.map((handler) => (handler as (a: RoutedArgs) => unknown)(args)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  };

  return {
    /** The ids each kind routes to, for the manifest check. */
    routes(): Record<keyof typeof routes, string[]> {
      const ids = (kind: keyof typeof routes) => [...routes[kind].keys()];
      return {
        event: ids('event'),
        action: ids('action'),
        view: ids('view'),
        shortcut: ids('shortcut'),
        command: ids('command'),
        options: ids('options'),
      };
    },
    /** What feature modules register on, typed as Bolt's App (only the methods above are used). */
    app: surface as unknown as App,
    /** Registers the one listener per kind on the real App; call once, after every feature has registered. */
    install() {
      app.event(/.*/, (args) => dispatch('event', field(args.event, 'type'), args as unknown as RoutedArgs));
      app.action({}, (args) => dispatch('action', actionIdOf(args.body), args as unknown as RoutedArgs));
      app.view({}, (args) => {
        // A closed modal is routed apart from its submission: no feature listens for closes, so it is just acked.
        const id = field(args.view, 'callback_id');
        const key = args.body.type === 'view_closed' ? `closed:${id}` : id;
        return dispatch('view', key, args as unknown as RoutedArgs);
      });
      app.shortcut({}, (args) =>
        dispatch('shortcut', field(args.shortcut, 'callback_id'), args as unknown as RoutedArgs),
      );
      app.command(/.*/, (args) => dispatch('command', args.command.command, args as unknown as RoutedArgs));
      app.options({}, (args) => dispatch('options', field(args.payload, 'action_id'), args as unknown as RoutedArgs));
    },
  };
}

function actionIdOf(body: unknown): string | undefined {
  const actions = typeof body === 'object' && body !== null ? (body as { actions?: unknown }).actions : undefined;
  if (Array.isArray(actions)) return field(actions[0], 'action_id');
  return field(body, 'callback_id');
}

function field(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
}
