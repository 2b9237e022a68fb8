/**
 * The `command` ticket plugin (JSON on stdin, JSON on stdout).
 *
 * @module
 */
export { CommandTickets, type CommandTicketsOptions } from "./plugin.ts";
