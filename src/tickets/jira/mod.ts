/**
 * The JIRA ticket plugin (Cloud v3 and Data Center v2).
 *
 * @module
 */
export { JiraTickets, type JiraTicketsOptions } from "./plugin.ts";
export { type JiraAuth, JiraHttp, type JiraHttpOptions } from "./http.ts";
export { type JiraFlavor, searchAll } from "./search.ts";
