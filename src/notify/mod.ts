/**
 * Notifications: Slack incoming webhook (background queue, retries with back-off, never
 * blocking a repair) or a no-op when no webhook is configured.
 *
 * @example Usage
 * ```ts ignore
 * import { createNotifier } from "./mod.ts";
 * const notifier = createNotifier(config.bynar);
 * notifier.notify({ kind: "removed", host: "ceph1", disk: "/dev/sdb", osdId: 12 });
 * await notifier.flush();
 * ```
 *
 * @module
 */
export type { Notifier, NotifyEvent } from "./types.ts";
export { formatNotification } from "./messages.ts";
export { NoopNotifier } from "./noop.ts";
export { SlackNotifier, type SlackNotifierOptions, type SlackStats } from "./slack.ts";
export { createNotifier, type NotifierConfig } from "./factory.ts";
