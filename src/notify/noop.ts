/**
 * The notifier used when no Slack webhook is configured.
 *
 * @module
 */
import type { Notifier, NotifyEvent } from "./types.ts";

/** Drops every notification (Slack not configured); never blocks anything. */
export class NoopNotifier implements Notifier {
  /**
   * Drops the event.
   *
   * @param _event Ignored.
   */
  notify(_event: NotifyEvent): void {}

  /**
   * Nothing to wait for.
   *
   * @returns True.
   */
  flush(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** Nothing to stop. */
  close(): void {}
}
