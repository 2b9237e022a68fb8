/**
 * The notification port: short messages to people, sent in the background.
 *
 * @module
 */

/** Something Bynar tells people about. Every event names the host. */
export type NotifyEvent =
  | { kind: "started"; host: string }
  | { kind: "stopped"; host: string; reason?: string | undefined }
  | { kind: "config_reloaded"; host: string }
  | { kind: "config_reload_failed"; host: string; path: string; error: string }
  | { kind: "removing"; host: string; disk: string; osdId?: number | null | undefined }
  | { kind: "removed"; host: string; disk: string; osdId?: number | null | undefined }
  | { kind: "not_safe"; host: string; disk: string; reason: string }
  | { kind: "awaiting_approval"; host: string; disk: string; ticket?: string | undefined }
  | { kind: "ticket_filed"; host: string; disk: string; ticket: string; url?: string | undefined }
  | { kind: "ticket_wont_do"; host: string; disk: string; ticket: string; resolution: string }
  | { kind: "replaced"; host: string; disk: string; newSerial: string; ticket?: string | undefined }
  | { kind: "ticket_closed"; host: string; disk: string; ticket: string }
  | {
    kind: "replacement_held";
    host: string;
    disk: string;
    serial: string;
    reason: string;
    todo: string;
    ticket?: string | undefined;
  }
  | {
    kind: "stalled";
    host: string;
    disk: string;
    step: string;
    minutes: number;
    reason: string;
    ticket?: string | undefined;
  }
  | { kind: "error"; host: string; disk?: string | undefined; error: string }
  /** A step of a server part's workflow (issue 19), already phrased. */
  | { kind: "hardware"; host: string; text: string };

/** Sends notifications without ever blocking or failing the caller. */
export interface Notifier {
  /**
   * Queues a notification and returns at once; delivery failures are retried and then
   * logged, never thrown.
   *
   * @param event What happened.
   */
  notify(event: NotifyEvent): void;
  /**
   * Waits until the queue is empty or the timeout passes (e.g. before exiting).
   *
   * @param options Timeout in milliseconds (default 5000).
   * @returns True when everything queued was delivered or given up on.
   */
  flush(options?: { timeoutMs?: number }): Promise<boolean>;
  /** Stops the worker; queued messages are dropped. Idempotent. */
  close(): void;
}
