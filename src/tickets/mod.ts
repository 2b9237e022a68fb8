/**
 * Tickets: one per failing disk, found again by its label, polled in one batch per pass,
 * commented on each automated step and closed after the replacement. Plugins: JIRA
 * (Cloud and Data Center) and `command` (any tracker, scripted).
 *
 * @example Usage
 * ```ts ignore
 * import { createTicketPlugin } from "./mod.ts";
 * const tickets = createTicketPlugin(config.bynar);
 * const { ref } = await tickets.create(disk);
 * const statuses = await tickets.status([ref]);
 * ```
 *
 * @module
 */
export type {
  CreateResult,
  TicketCallOptions,
  TicketDisk,
  TicketPlugin,
  TicketRef,
  TicketState,
  TicketStatus,
} from "./types.ts";
export { TicketError, type TicketErrorOptions } from "./errors.ts";
export { createTicketPlugin, type TicketPluginDeps } from "./factory.ts";
export { BYNAR_LABEL, diskLabel, sanitizeLabel, ticketSummary } from "./text.ts";
export { JiraTickets, type JiraTicketsOptions } from "./jira/mod.ts";
export { CommandTickets, type CommandTicketsOptions } from "./command/mod.ts";
