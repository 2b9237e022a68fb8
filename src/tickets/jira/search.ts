/**
 * Paginated JQL search for JIRA Cloud (`/rest/api/3/search/jql`, `nextPageToken`) and
 * Data Center (`/rest/api/2/search`, `startAt`/`total`).
 *
 * @module
 */
import { TicketError } from "../errors.ts";
import { jiraErrorText, type JiraHttp } from "./http.ts";

/** JIRA flavour. */
export type JiraFlavor = "cloud" | "datacenter";

/** The issue fields Bynar reads. */
export interface JiraIssue {
  /** Numeric id (string). */
  id: string;
  /** Key, e.g. `OPS-24`. */
  key: string;
  /** Requested fields. */
  fields?: {
    status?: { name?: string; statusCategory?: { key?: string } } | null;
    resolution?: { name?: string } | null;
    labels?: string[];
  };
}

/** Options of {@linkcode searchAll}. */
export interface SearchOptions {
  /** Cloud (`nextPageToken`) or Data Center (`startAt`). */
  flavor: JiraFlavor;
  /** Fields to return. */
  fields: string[];
  /** Page size asked for. */
  pageSize: number;
  /** Cancellation. */
  signal?: AbortSignal | undefined;
  /** Stop after this many issues. */
  limit?: number | undefined;
}

/** A search the server rejected (HTTP 400 and the like). */
export class JqlRejectedError extends TicketError {
  /** The server's error text. */
  readonly detail: string;

  /**
   * Creates the error.
   *
   * @param status HTTP status.
   * @param detail The server's error text.
   */
  constructor(status: number, detail: string) {
    const hint = status === 401 || status === 403 ? "; check jira_user and the password/token" : "";
    super(`Cannot search JIRA: HTTP ${status}${detail ? ` (${detail})` : ""}${hint}`, { status });
    this.name = "JqlRejectedError";
    this.detail = detail;
  }
}

/**
 * Runs a JQL search and follows every page.
 *
 * @param http The client.
 * @param jql The query.
 * @param options Flavour, fields, page size, cancellation, limit.
 * @returns Every matching issue.
 * @throws {JqlRejectedError} When the server rejects the query (4xx).
 * @throws {TicketError} When the server cannot be reached or keeps failing.
 */
export async function searchAll(
  http: JiraHttp,
  jql: string,
  options: SearchOptions,
): Promise<JiraIssue[]> {
  const flavor = options.flavor;
  const issues: JiraIssue[] = [];
  const limit = options.limit ?? Infinity;
  let startAt = 0;
  let token: string | undefined;
  const seenTokens = new Set<string>();
  while (issues.length < limit) {
    const maxResults = Math.min(options.pageSize, limit - issues.length);
    const body = flavor === "cloud"
      ? { jql, fields: options.fields, maxResults, ...(token ? { nextPageToken: token } : {}) }
      : { jql, fields: options.fields, maxResults, startAt };
    const path = flavor === "cloud" ? "/rest/api/3/search/jql" : "/rest/api/2/search";
    const res = await http.request("POST", path, {
      body,
      idempotent: true,
      signal: options.signal,
    });
    if (res.status !== 200) {
      throw new JqlRejectedError(res.status, http.redact(jiraErrorText(res.body)));
    }
    const page = (res.body ?? {}) as {
      issues?: JiraIssue[];
      nextPageToken?: string;
      isLast?: boolean;
      total?: number;
    };
    const got = Array.isArray(page.issues) ? page.issues : [];
    issues.push(...got);
    if (flavor === "cloud") {
      // The last page has no nextPageToken (absent, not null).
      if (!page.nextPageToken || page.isLast === true) break;
      if (seenTokens.has(page.nextPageToken)) {
        throw new TicketError("Cannot search JIRA: the server repeated a page token");
      }
      seenTokens.add(page.nextPageToken);
      token = page.nextPageToken;
    } else {
      startAt += got.length;
      if (got.length === 0 || startAt >= (page.total ?? 0)) break;
    }
  }
  return issues.slice(0, limit === Infinity ? undefined : limit);
}

/**
 * Quotes a JQL string literal.
 *
 * @param value The value.
 * @returns The quoted literal.
 */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
