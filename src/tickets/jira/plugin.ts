/**
 * The JIRA ticket plugin, for Cloud (REST v3, ADF, accountId) and Data Center (REST v2,
 * plain text, user name).
 *
 * @module
 */
import { retry, type RetryOptions } from "../../shared/mod.ts";
import { TicketError } from "../errors.ts";
import { BYNAR_LABEL, descriptionBlocks, diskLabel, renderPlain, ticketSummary } from "../text.ts";
import type {
  CreateResult,
  TicketCallOptions,
  TicketDisk,
  TicketPlugin,
  TicketRef,
  TicketState,
  TicketStatus,
} from "../types.ts";
import { adfToPlain, blocksToAdf, plainToAdf } from "./adf.ts";
import { jiraErrorText, JiraHttp, type JiraHttpOptions, type JiraResponse } from "./http.ts";
import {
  type JiraFlavor,
  type JiraIssue,
  JqlRejectedError,
  jqlString,
  searchAll,
} from "./search.ts";

/** Options of {@linkcode JiraTickets}. */
export interface JiraTicketsOptions extends JiraHttpOptions {
  /** Cloud or Data Center. */
  flavor: JiraFlavor;
  /** Project key (`jira_project_id`). */
  projectKey: string;
  /** Issue type id (`jira_issue_type`). */
  issueTypeId: string;
  /** Priority id (`jira_priority`), when set. */
  priorityId?: string | undefined;
  /** Assignee: accountId on Cloud, user name on Data Center. */
  assignee?: string | undefined;
  /**
   * Component name.
   * @default "Ceph"
   */
  component?: string | undefined;
  /** Resolutions that mean "not replaced" (compared case-insensitively). */
  wontDoResolutions: readonly string[];
  /**
   * Search page size asked for (the server may return fewer; pagination follows).
   * @default 100 on Cloud (its maximum when fields are requested), 1000 on Data Center
   *   (the default `jira.search.views.default.max`)
   */
  pageSize?: number | undefined;
  /**
   * Create attempts, each preceded by a search by label.
   * @default 3
   */
  maxCreateAttempts?: number | undefined;
}

const STATUS_FIELDS = ["status", "resolution"];
const KEY_REGEXP = /^[A-Z][A-Z0-9_]*-\d+$/;
const QUOTED_REGEXP = /'([^']+)'/g;
/** Preferred resolutions when a transition requires one. */
const PREFERRED_RESOLUTIONS = ["Done", "Fixed", "Resolved", "Completed"];

interface Transition {
  id: string;
  name?: string;
  to?: { name?: string; statusCategory?: { key?: string } };
  fields?: Record<string, { required?: boolean; allowedValues?: { name?: string }[] }>;
}

/** JIRA as a {@linkcode TicketPlugin}. */
export class JiraTickets implements TicketPlugin {
  /** Plugin name. */
  readonly name: string;
  readonly #http: JiraHttp;
  readonly #o: JiraTicketsOptions;
  readonly #api: string;
  readonly #wontDo: Set<string>;

  /**
   * Creates the plugin.
   *
   * @param options Flavour, project, issue fields, credentials, limits.
   * @throws {TypeError} When the base URL is invalid or carries credentials.
   */
  constructor(options: JiraTicketsOptions) {
    this.#o = options;
    this.#http = new JiraHttp(options);
    this.#api = options.flavor === "cloud" ? "/rest/api/3" : "/rest/api/2";
    this.#wontDo = new Set(options.wontDoResolutions.map((r) => r.toLowerCase()));
    this.name = `jira-${options.flavor}`;
  }

  /** @inheritdoc */
  async findOpenByDisk(
    disk: Pick<TicketDisk, "host" | "serial">,
    options: TicketCallOptions = {},
  ): Promise<TicketRef | null> {
    const jql = `project = ${jqlString(this.#o.projectKey)} AND labels = ` +
      `${jqlString(diskLabel(disk))} AND statusCategory != Done ORDER BY created ASC`;
    const found = await searchAll(this.#http, jql, {
      flavor: this.#o.flavor,
      fields: STATUS_FIELDS,
      pageSize: 10,
      limit: 10,
      signal: options.signal,
    });
    const first = found[0];
    return first ? this.#ref(first) : null;
  }

  /** @inheritdoc */
  async create(disk: TicketDisk, options: TicketCallOptions = {}): Promise<CreateResult> {
    const attempts = Math.max(1, this.#o.maxCreateAttempts ?? 3);
    try {
      return await retry(async (attempt) => {
        const existing = await this.findOpenByDisk(disk, options);
        // After an ambiguous attempt of ours, a ticket found now is the one we filed.
        if (existing) return { ref: existing, created: attempt > 1 };
        return { ref: await this.#post(disk, options.signal), created: true };
      }, this.#ambiguousRetry(attempts, options.signal));
    } catch (err) {
      if (!(err instanceof TicketError) || !err.ambiguous) throw err;
      throw new TicketError(
        `Cannot create JIRA ticket for disk "${disk.serial}" on "${disk.host}": ` +
          `${attempts} attempts were ambiguous (${err.message}); search by label ` +
          `"${diskLabel(disk)}" before filing by hand`,
        { ambiguous: true, status: err.status, cause: err },
      );
    }
  }

  /**
   * Retries of a write whose failure was ambiguous (the caller looks before writing again),
   * waiting as long as the tracker asked, else the back-off.
   */
  #ambiguousRetry(attempts: number, signal: AbortSignal | undefined): RetryOptions {
    return {
      attempts,
      clock: this.#http.clock,
      signal,
      isTransient: (err) => err instanceof TicketError && err.ambiguous,
      delayMs: (err) => this.#http.delayUntil((err as TicketError).retryAt),
    };
  }

  /** @inheritdoc */
  async status(
    refs: readonly TicketRef[],
    options: TicketCallOptions = {},
  ): Promise<Map<string, TicketStatus>> {
    const out = new Map<string, TicketStatus>();
    let pending = refs.filter((r) => {
      if (KEY_REGEXP.test(r.key)) return true;
      out.set(r.id, { ref: r, state: "missing", statusName: null, resolution: null });
      return false;
    });
    let issues: JiraIssue[] = [];
    // One search; a 400 naming unknown keys drops them and searches once more.
    for (let round = 0; pending.length > 0; round++) {
      const jql = `issuekey in (${pending.map((r) => r.key).join(", ")})`;
      try {
        issues = await searchAll(this.#http, jql, {
          flavor: this.#o.flavor,
          fields: STATUS_FIELDS,
          pageSize: this.#o.pageSize ?? (this.#o.flavor === "cloud" ? 100 : 1000),
          signal: options.signal,
        });
        break;
      } catch (err) {
        if (!(err instanceof JqlRejectedError) || err.status !== 400 || round >= 3) throw err;
        const named = new Set([...err.detail.matchAll(QUOTED_REGEXP)].map((m) => m[1]));
        const before = pending.length;
        pending = pending.filter((r) => !named.has(r.key) && !named.has(r.id));
        if (pending.length === before) throw err;
      }
    }
    const byId = new Map(issues.map((i) => [String(i.id), i]));
    const byKey = new Map(issues.map((i) => [i.key, i]));
    for (const ref of refs) {
      if (out.has(ref.id)) continue;
      const issue = byId.get(ref.id) ?? byKey.get(ref.key);
      out.set(
        ref.id,
        issue
          ? this.#status(ref, issue)
          : { ref, state: "missing", statusName: null, resolution: null },
      );
    }
    return out;
  }

  /** @inheritdoc */
  async comment(ref: TicketRef, text: string, options: TicketCallOptions = {}): Promise<void> {
    const attempts = Math.max(1, this.#o.maxCreateAttempts ?? 3);
    await retry(async (attempt) => {
      // After an ambiguous attempt, a comment found now is the one we posted.
      if (attempt > 1 && await this.#hasComment(ref, text, options.signal)) return;
      const res = await this.#http.request("POST", `${this.#issuePath(ref)}/comment`, {
        body: { body: this.#richText(text) },
        idempotent: false,
        signal: options.signal,
      });
      this.#ensure(res, [201, 200], `add a comment to JIRA ticket "${ref.key}"`);
    }, this.#ambiguousRetry(attempts, options.signal));
  }

  /** @inheritdoc */
  async close(ref: TicketRef, text: string, options: TicketCallOptions = {}): Promise<void> {
    if (await this.#isDone(ref, options.signal)) {
      // Already done (closed by hand, or by us just before a crash): add the closing text
      // once — a restart after the transition must not post it again.
      if (!(await this.#hasComment(ref, text, options.signal))) {
        await this.comment(ref, text, options);
      }
      return;
    }
    const res = await this.#http.request("GET", `${this.#issuePath(ref)}/transitions`, {
      query: { expand: "transitions.fields" },
      idempotent: true,
      signal: options.signal,
    });
    this.#ensure(res, [200], `list transitions of JIRA ticket "${ref.key}"`);
    const transitions = (res.body as { transitions?: Transition[] })?.transitions ?? [];
    const done = transitions.find((t) => t.to?.statusCategory?.key === "done");
    if (!done) {
      const names = transitions.map((t) => t.name ?? t.id).join(", ") || "none";
      throw new TicketError(
        `Cannot close JIRA ticket "${ref.key}": no transition leads to a done status ` +
          `(available: ${names}); close it by hand`,
      );
    }
    const res2 = await this.#transition(ref, done, text, this.#resolutionFor(done), options);
    if (res2.status === 400 && /resolution/i.test(jiraErrorText(res2.body))) {
      // "Resolution is required." even though the field list did not say so.
      const again = await this.#transition(ref, done, text, "Done", options);
      this.#ensure(again, [204, 200], `close JIRA ticket "${ref.key}"`);
      return;
    }
    this.#ensure(res2, [204, 200], `close JIRA ticket "${ref.key}"`);
  }

  /** @inheritdoc */
  dispose(): void {
    this.#http.close();
  }

  async #transition(
    ref: TicketRef,
    t: Transition,
    text: string,
    resolution: string | null,
    options: TicketCallOptions,
  ): Promise<JiraResponse> {
    const body: Record<string, unknown> = {
      transition: { id: t.id },
      update: { comment: [{ add: { body: this.#richText(text) } }] },
    };
    if (resolution) body.fields = { resolution: { name: resolution } };
    try {
      return await this.#http.request("POST", `${this.#issuePath(ref)}/transitions`, {
        body,
        idempotent: false,
        signal: options.signal,
      });
    } catch (err) {
      if (!(err instanceof TicketError) || !err.ambiguous) throw err;
      await this.#http.pause(err.retryAt, 1, options.signal);
      if (await this.#isDone(ref, options.signal)) return { status: 204, body: null };
      throw err;
    }
  }

  #resolutionFor(t: Transition): string | null {
    const field = t.fields?.resolution;
    if (!field?.required) return null;
    const allowed = (field.allowedValues ?? []).map((v) => v.name ?? "").filter(Boolean);
    for (const name of PREFERRED_RESOLUTIONS) {
      const hit = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
      if (hit) return hit;
    }
    return allowed.find((a) => !this.#wontDo.has(a.toLowerCase())) ?? "Done";
  }

  async #isDone(ref: TicketRef, signal: AbortSignal | undefined): Promise<boolean> {
    const res = await this.#http.request("GET", this.#issuePath(ref), {
      query: { fields: "status,resolution" },
      idempotent: true,
      signal,
    });
    this.#ensure(res, [200], `read JIRA ticket "${ref.key}"`);
    const issue = res.body as JiraIssue;
    return issue?.fields?.status?.statusCategory?.key === "done";
  }

  async #hasComment(ref: TicketRef, text: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.#http.request("GET", `${this.#issuePath(ref)}/comment`, {
      query: { orderBy: "-created", maxResults: "50" },
      idempotent: true,
      signal,
    });
    if (res.status !== 200) return false;
    const comments = (res.body as { comments?: { body?: unknown }[] })?.comments ?? [];
    const want = text.trim();
    return comments.some((c) => adfToPlain(c.body).trim() === want);
  }

  async #post(disk: TicketDisk, signal: AbortSignal | undefined): Promise<TicketRef> {
    const o = this.#o;
    const blocks = descriptionBlocks(disk);
    const fields: Record<string, unknown> = {
      project: { key: o.projectKey },
      issuetype: { id: o.issueTypeId },
      summary: ticketSummary(disk),
      description: o.flavor === "cloud" ? blocksToAdf(blocks) : renderPlain(blocks),
      components: [{ name: o.component ?? "Ceph" }],
      labels: [BYNAR_LABEL, diskLabel(disk)],
    };
    if (o.priorityId) fields.priority = { id: o.priorityId };
    if (o.assignee) {
      fields.assignee = o.flavor === "cloud" ? { accountId: o.assignee } : { name: o.assignee };
    }
    const res = await this.#http.request("POST", `${this.#api}/issue`, {
      body: { fields },
      idempotent: false,
      signal,
    });
    this.#ensure(res, [201, 200], `create JIRA ticket for disk "${disk.serial}" on "${disk.host}"`);
    const b = res.body as { id?: unknown; key?: unknown };
    if (typeof b?.key !== "string" || (typeof b.id !== "string" && typeof b.id !== "number")) {
      throw new TicketError(
        `Cannot create JIRA ticket for disk "${disk.serial}": the answer has no id/key`,
        { ambiguous: true, status: res.status },
      );
    }
    return this.#ref({ id: String(b.id), key: b.key });
  }

  #status(ref: TicketRef, issue: JiraIssue): TicketStatus {
    const category = issue.fields?.status?.statusCategory?.key;
    const resolution = issue.fields?.resolution?.name ?? null;
    let state: TicketState = "open";
    if (category === "done") {
      state = resolution && this.#wontDo.has(resolution.toLowerCase()) ? "wont_do" : "resolved";
    }
    return {
      ref: { ...ref, key: issue.key },
      state,
      statusName: issue.fields?.status?.name ?? null,
      resolution,
    };
  }

  #ref(issue: Pick<JiraIssue, "id" | "key">): TicketRef {
    return {
      id: String(issue.id),
      key: issue.key,
      url: `${this.#http.baseUrl}/browse/${encodeURIComponent(issue.key)}`,
    };
  }

  #issuePath(ref: TicketRef): string {
    return `${this.#api}/issue/${encodeURIComponent(ref.id || ref.key)}`;
  }

  #richText(text: string): unknown {
    return this.#o.flavor === "cloud" ? plainToAdf(text) : text;
  }

  #ensure(res: JiraResponse, ok: number[], what: string): void {
    if (ok.includes(res.status)) return;
    const detail = this.#http.redact(jiraErrorText(res.body));
    const hint = res.status === 401 || res.status === 403
      ? "; check jira_user and the password/token"
      : "";
    throw new TicketError(
      `Cannot ${what}: HTTP ${res.status}${detail ? ` (${detail})` : ""}${hint}`,
      { status: res.status },
    );
  }
}
