/**
 * Builds the configured ticket plugin from `bynar.json`.
 *
 * @module
 */
import type { BynarConfig } from "../config/schema.ts";
import { ConfigError } from "../errors.ts";
import type { CommandRunner } from "../process/run.ts";
import type { Clock } from "../shared/clock.ts";
import { CommandTickets } from "./command/plugin.ts";
import { JiraTickets } from "./jira/plugin.ts";
import type { TicketPlugin } from "./types.ts";

/** Options of {@linkcode createTicketPlugin}. */
export interface TicketPluginDeps {
  /** Clock for waits (tests). */
  clock?: Clock | undefined;
  /** fetch implementation (tests). */
  fetch?: typeof fetch | undefined;
  /** Process runner for the command plugin (tests). */
  runner?: CommandRunner | undefined;
  /** Log sink; messages never contain credentials. */
  log?: ((message: string) => void) | undefined;
  /**
   * Name of the configuration file, for error messages.
   * @default "bynar.json"
   */
  file?: string | undefined;
}

/**
 * Creates the ticket plugin selected by `ticket_backend`.
 *
 * @param config The validated `bynar.json` (secrets already resolved).
 * @param deps Clock, fetch, runner and log for tests.
 * @returns The plugin.
 * @throws {ConfigError} When a field the plugin needs is missing or invalid.
 */
export function createTicketPlugin(config: BynarConfig, deps: TicketPluginDeps = {}): TicketPlugin {
  const file = deps.file ?? "bynar.json";
  if (config.ticket_backend === "command") {
    if (!config.ticket_command?.length) {
      throw new ConfigError(
        file,
        'Cannot use ticket_backend "command": ticket_command is not set (an argument array)',
        { field: "ticket_command" },
      );
    }
    return new CommandTickets({
      argv: config.ticket_command,
      timeoutMs: config.ticket_command_timeout_seconds * 1000,
      runner: deps.runner,
    });
  }
  const required = ["jira_host", "jira_password", "jira_project_id", "jira_issue_type"] as const;
  const needUser = config.jira_auth === "basic";
  for (const field of needUser ? [...required, "jira_user" as const] : required) {
    if (!config[field]) {
      throw new ConfigError(
        file,
        `Cannot use ticket_backend "jira": ${field} is not set` +
          (field === "jira_password" ? " (or BYNAR_JIRA_PASSWORD / jira_password_file)" : ""),
        { field },
      );
    }
  }
  const password = config.jira_password as string;
  try {
    return new JiraTickets({
      flavor: config.jira_flavor,
      baseUrl: config.jira_host as string,
      auth: needUser
        ? { kind: "basic", user: config.jira_user as string, password }
        : { kind: "bearer", token: password },
      proxy: config.proxy,
      projectKey: config.jira_project_id as string,
      issueTypeId: config.jira_issue_type as string,
      priorityId: config.jira_priority,
      assignee: config.jira_ticket_assignee,
      component: config.jira_component,
      wontDoResolutions: config.jira_wont_do_resolutions,
      fetch: deps.fetch,
      clock: deps.clock,
      log: deps.log,
    });
  } catch (err) {
    throw new ConfigError(file, `Cannot use jira_host: ${(err as Error).message}`, {
      field: "jira_host",
      cause: err,
    });
  }
}
