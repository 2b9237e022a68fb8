/**
 * Builds the configured notifier: Slack when a webhook is set, otherwise a no-op.
 *
 * @module
 */
import type { Clock } from "../shared/clock.ts";
import { NoopNotifier } from "./noop.ts";
import { SlackNotifier } from "./slack.ts";
import type { Notifier } from "./types.ts";

/** The configuration fields the notifier reads (bynar.json or disk-manager.json). */
export interface NotifierConfig {
  /** Incoming-webhook URL (secret already resolved). */
  slack_webhook?: string | undefined;
  /** Channel override. */
  slack_channel?: string | undefined;
  /** Bot name. */
  slack_botname?: string | undefined;
  /** HTTP(S) proxy. */
  proxy?: string | undefined;
}

/**
 * Creates a Slack notifier when `slack_webhook` is set, else a no-op notifier.
 *
 * @param config Webhook, channel, bot name, proxy.
 * @param deps Clock, fetch and log (tests).
 * @returns The notifier.
 * @throws {TypeError} When the webhook is not an http(s) URL.
 */
export function createNotifier(
  config: NotifierConfig,
  deps: {
    clock?: Clock | undefined;
    fetch?: typeof fetch | undefined;
    log?: ((message: string) => void) | undefined;
  } = {},
): Notifier {
  if (!config.slack_webhook) return new NoopNotifier();
  return new SlackNotifier({
    webhook: config.slack_webhook,
    channel: config.slack_channel,
    botname: config.slack_botname,
    proxy: config.proxy,
    ...deps,
  });
}
