/**
 * Pure message texts of notifications: short, naming host, disk and ticket.
 *
 * @module
 */
import type { NotifyEvent } from "./types.ts";

function osd(id: number | null | undefined): string {
  return id === undefined || id === null ? "" : ` (osd.${id})`;
}

/**
 * Formats a notification as one short line.
 *
 * @param event The event.
 * @returns The message text.
 */
export function formatNotification(event: NotifyEvent): string {
  switch (event.kind) {
    case "started":
      return `Bynar started on host ${event.host}`;
    case "stopped":
      return `Bynar on host ${event.host} has stopped${event.reason ? `: ${event.reason}` : ""}`;
    case "config_reloaded":
      return `Reloaded config file on ${event.host}`;
    case "config_reload_failed":
      return `Failed to reload config file ${event.path} on ${event.host}: ${event.error}`;
    case "removing":
      return `Removing disk ${event.disk}${osd(event.osdId)} on host ${event.host}`;
    case "removed":
      return `Removed disk ${event.disk}${osd(event.osdId)} on host ${event.host}; ` +
        "waiting for a replacement";
    case "not_safe":
      return `Need to remove disk ${event.disk} on host ${event.host} but it is not safe: ` +
        `${event.reason}. I need a human`;
    case "awaiting_approval":
      return `Disk ${event.disk} on host ${event.host} needs replacing; waiting for ` +
        `approval (bynar approve)${event.ticket ? `, ticket ${event.ticket}` : ""}`;
    case "ticket_filed":
      return `Filed ticket ${event.ticket} for disk ${event.disk} on host ${event.host}` +
        (event.url ? ` ${event.url}` : "");
    case "ticket_wont_do":
      return `Ticket ${event.ticket} for disk ${event.disk} on host ${event.host} was ` +
        `resolved as "${event.resolution}"; not acting on it`;
    case "replaced":
      return `Replacement disk ${event.newSerial} for ${event.disk} on host ${event.host} ` +
        `is back in service${event.ticket ? ` (ticket ${event.ticket})` : ""}`;
    case "ticket_closed":
      return `Closed ticket ${event.ticket} for disk ${event.disk} on host ${event.host}`;
    case "replacement_held":
      return `Replacement disk ${event.serial} in ${event.disk} on host ${event.host} is ` +
        `not added: ${event.reason}. ${event.todo}` +
        (event.ticket ? ` (ticket ${event.ticket})` : "");
    case "stalled":
      return `Disk ${event.disk} on host ${event.host} has made no progress for ` +
        `${event.minutes} min at step ${event.step}: ${event.reason}` +
        (event.ticket ? ` (ticket ${event.ticket})` : "");
    case "hardware":
      return `${event.text} (host ${event.host})`;
    case "error":
      return `Bynar error on host ${event.host}${event.disk ? ` for disk ${event.disk}` : ""}: ` +
        event.error;
  }
}
