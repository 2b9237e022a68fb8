/**
 * A loopback JIRA contract double, strictly per the documented shapes
 * (../shared/docs/anchors-and-api-shapes.md §7), for Cloud and Data Center.
 *
 * - Create `POST /rest/api/{2,3}/issue` → `201 {id,key,self}`; v3 wants an ADF
 *   description, v2 a string; Cloud wants `assignee.accountId`, DC `assignee.name`.
 * - Read `GET /rest/api/{v}/issue/{idOrKey}?fields=…`.
 * - Transitions `GET …/transitions[?expand=transitions.fields]`, `POST …/transitions`
 *   → 204, or `400 {"errorMessages":[],"errors":{"resolution":"Resolution is required."}}`.
 * - Comments `POST …/comment` → 201 comment object; `GET …/comment`.
 * - Search, Cloud: `GET|POST /rest/api/{2,3}/search/jql` → `{issues,nextPageToken?,isLast}`
 *   (no `total`; `nextPageToken` absent on the last page; only ids without `fields`);
 *   the classic `/search` answers 410 Gone. DC: `GET|POST /rest/api/2/search` →
 *   `{startAt,maxResults,total,issues}`.
 * - A small JQL subset: `AND`-joined clauses over project, labels, statusCategory,
 *   status, resolution, issuekey/key/id with `=`, `!=`, `in`, `not in`, and `ORDER BY`.
 * - Basic auth (Cloud: email:api_token; DC: user:password) or DC Bearer PAT; 401 otherwise.
 * - Faults: 429/503 with `Retry-After`, optionally after carrying out the request.
 *
 * @module
 */

/** JIRA flavour. */
export type JiraDoubleFlavor = "cloud" | "datacenter";

/** An injected failure. */
export interface JiraFault {
  /** Method to match (any when absent). */
  method?: string;
  /** Path pattern to match. */
  path: RegExp;
  /** Status to answer. */
  status: number;
  /** `Retry-After` header value. */
  retryAfter?: string;
  /** Carry out the request first, then answer with the fault (an ambiguous failure). */
  afterProcessing?: boolean;
  /** How many requests it hits. @default 1 */
  times?: number;
}

/** One recorded request. */
export interface JiraRequestRecord {
  /** Method. */
  method: string;
  /** Path. */
  path: string;
  /** Query string (without `?`). */
  query: string;
  /** Parsed JSON body, if any. */
  body: unknown;
  /** Answer status. */
  status: number;
}

interface Status {
  id: string;
  name: string;
  statusCategory: { key: "new" | "indeterminate" | "done"; name: string };
}

interface Comment {
  id: string;
  body: unknown;
  created: string;
  author: { displayName: string };
}

interface Issue {
  id: string;
  key: string;
  fields: Record<string, unknown> & {
    labels: string[];
    status: Status;
    resolution: { name: string } | null;
    resolutiondate: string | null;
  };
  comments: Comment[];
}

const STATUSES: Record<string, Status> = {
  todo: { id: "1", name: "To Do", statusCategory: { key: "new", name: "To Do" } },
  progress: {
    id: "3",
    name: "In Progress",
    statusCategory: { key: "indeterminate", name: "In Progress" },
  },
  done: { id: "10001", name: "Done", statusCategory: { key: "done", name: "Done" } },
};
const RESOLUTIONS = ["Done", "Fixed", "Won't Do", "Duplicate", "Cannot Reproduce"];

/** Options of {@linkcode JiraDouble}. */
export interface JiraDoubleOptions {
  /** Cloud or Data Center. */
  flavor: JiraDoubleFlavor;
  /** Project key. @default "OPS" */
  projectKey?: string;
  /** Basic-auth user (Cloud: e-mail). @default "bynar@example.com" */
  user?: string;
  /** Basic-auth password or API token. @default "s3cret-token" */
  password?: string;
  /** DC personal access token accepted as Bearer. */
  bearerToken?: string;
  /** Largest page the server returns. @default 100 (Cloud) / 1000 (DC) */
  pageCap?: number;
  /** The Done transition requires a resolution. @default true */
  resolutionRequired?: boolean;
  /** List the resolution field under `expand=transitions.fields`. @default true */
  advertiseResolution?: boolean;
}

/** The double. Start it with {@linkcode JiraDouble.start}, stop with `close()`. */
export class JiraDouble {
  readonly flavor: JiraDoubleFlavor;
  readonly projectKey: string;
  readonly requests: JiraRequestRecord[] = [];
  readonly faults: JiraFault[] = [];
  readonly issues = new Map<string, Issue>();
  #o: JiraDoubleOptions;
  #server: Deno.HttpServer | null = null;
  #nextId = 10000;
  #nextNum = 1;
  #url = "";

  /**
   * Creates the double (not yet listening).
   *
   * @param options Flavour, credentials, limits.
   */
  constructor(options: JiraDoubleOptions) {
    this.#o = options;
    this.flavor = options.flavor;
    this.projectKey = options.projectKey ?? "OPS";
  }

  /** Basic-auth user. */
  get user(): string {
    return this.#o.user ?? "bynar@example.com";
  }

  /** Basic-auth password or token. */
  get password(): string {
    return this.#o.password ?? "s3cret-token";
  }

  /** Base URL once started. */
  get url(): string {
    return this.#url;
  }

  /**
   * Starts listening on a free loopback port.
   *
   * @returns The base URL.
   */
  start(): string {
    this.#server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      (req) => this.#handle(req),
    );
    const addr = this.#server.addr as Deno.NetAddr;
    this.#url = `http://127.0.0.1:${addr.port}`;
    return this.#url;
  }

  /** Stops the server. */
  async close(): Promise<void> {
    await this.#server?.shutdown();
    this.#server = null;
  }

  /**
   * Adds an issue directly (as a person would have filed it).
   *
   * @param labels Labels.
   * @param status Status bucket.
   * @returns The issue.
   */
  seed(labels: string[], status: "todo" | "progress" | "done" = "todo"): Issue {
    const issue = this.#newIssue({ summary: "seeded", labels });
    issue.fields.status = STATUSES[status] as Status;
    return issue;
  }

  /**
   * Resolves an issue as a person would (status Done with a resolution).
   *
   * @param key Issue key or id.
   * @param resolution Resolution name.
   */
  resolve(key: string, resolution: string | null = "Fixed"): void {
    const issue = this.#find(key);
    if (!issue) throw new Error(`no issue ${key}`);
    issue.fields.status = STATUSES.done as Status;
    issue.fields.resolution = resolution === null ? null : { name: resolution };
    issue.fields.resolutiondate = new Date().toISOString();
  }

  /**
   * Counts recorded requests.
   *
   * @param method Method filter.
   * @param path Path filter.
   * @returns The count.
   */
  count(method?: string, path?: RegExp): number {
    return this.requests.filter((r) =>
      (!method || r.method === method) && (!path || path.test(r.path))
    ).length;
  }

  #find(idOrKey: string): Issue | undefined {
    return this.issues.get(idOrKey) ??
      [...this.issues.values()].find((i) => i.key === idOrKey);
  }

  #newIssue(fields: Record<string, unknown>): Issue {
    const id = String(this.#nextId++);
    const issue: Issue = {
      id,
      key: `${this.projectKey}-${this.#nextNum++}`,
      fields: {
        ...fields,
        labels: (fields.labels as string[] | undefined) ?? [],
        status: STATUSES.todo as Status,
        resolution: null,
        resolutiondate: null,
        created: new Date().toISOString(),
      },
      comments: [],
    };
    this.issues.set(id, issue);
    return issue;
  }

  #authorized(req: Request): boolean {
    const h = req.headers.get("authorization") ?? "";
    if (h === `Basic ${btoa(`${this.user}:${this.password}`)}`) return true;
    return this.flavor === "datacenter" && !!this.#o.bearerToken &&
      h === `Bearer ${this.#o.bearerToken}`;
  }

  async #handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    let body: unknown = null;
    const text = await req.text();
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return this.#record(req, url, null, json(400, errors(["Unexpected character"])));
      }
    }
    const fault = this.#takeFault(req.method, url.pathname);
    if (fault && !fault.afterProcessing) return this.#record(req, url, body, faultResponse(fault));
    let res: Response;
    if (!this.#authorized(req)) {
      res = json(
        401,
        errors(["You are not authenticated. Authentication required to perform this operation."]),
      );
    } else {
      try {
        res = this.#route(req.method, url, body);
      } catch (err) {
        res = json(400, errors([(err as Error).message]));
      }
    }
    if (fault) res = faultResponse(fault);
    return this.#record(req, url, body, res);
  }

  #record(req: Request, url: URL, body: unknown, res: Response): Response {
    this.requests.push({
      method: req.method,
      path: url.pathname,
      query: url.search.slice(1),
      body,
      status: res.status,
    });
    return res;
  }

  #takeFault(method: string, path: string): JiraFault | undefined {
    const i = this.faults.findIndex((f) => (!f.method || f.method === method) && f.path.test(path));
    if (i < 0) return undefined;
    const f = this.faults[i] as JiraFault;
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) this.faults.splice(i, 1);
    return f;
  }

  #route(method: string, url: URL, body: unknown): Response {
    const p = url.pathname;
    const m = p.match(/^\/rest\/api\/(2|3|latest)\/(.*)$/);
    if (!m) return json(404, errors(["Not found"]));
    const v = m[1] === "3" ? 3 : 2;
    const rest = m[2] as string;
    if (v === 3 && this.flavor === "datacenter") return json(404, errors(["Not found"]));
    if (rest === "search/jql") {
      if (this.flavor !== "cloud") return json(404, errors(["Not found"]));
      return this.#searchCloud(method === "GET" ? fromQuery(url) : body as SearchBody);
    }
    if (rest === "search") {
      if (this.flavor === "cloud") {
        return json(
          410,
          errors(["The requested API has been removed. Please migrate to /rest/api/3/search/jql."]),
        );
      }
      return this.#searchDc(method === "GET" ? fromQuery(url) : body as SearchBody);
    }
    if (rest === "issue" && method === "POST") return this.#create(v, body);
    const im = rest.match(/^issue\/([^/]+)(?:\/(transitions|comment))?$/);
    if (!im) return json(404, errors(["Not found"]));
    const issue = this.#find(decodeURIComponent(im[1] as string));
    if (!issue) {
      return json(404, errors(["Issue does not exist or you do not have permission to see it."]));
    }
    const sub = im[2];
    if (!sub && method === "GET") {
      const wanted = url.searchParams.get("fields");
      return json(200, this.#view(issue, wanted ? wanted.split(",") : null));
    }
    if (sub === "transitions" && method === "GET") {
      return json(200, { transitions: this.#transitions(issue, url.searchParams.get("expand")) });
    }
    if (sub === "transitions" && method === "POST") return this.#doTransition(v, issue, body);
    if (sub === "comment" && method === "POST") {
      const b = body as { body?: unknown };
      const bad = this.#richTextError(v, b?.body, "body");
      if (bad) return bad;
      const c = this.#addComment(issue, b.body);
      return json(201, {
        ...c,
        self: `${this.#url}/rest/api/${v}/issue/${issue.id}/comment/${c.id}`,
      });
    }
    if (sub === "comment" && method === "GET") {
      const desc = url.searchParams.get("orderBy") === "-created";
      const list = desc ? [...issue.comments].reverse() : issue.comments;
      const max = Number(url.searchParams.get("maxResults") ?? "50");
      return json(200, {
        startAt: 0,
        maxResults: max,
        total: list.length,
        comments: list.slice(0, max),
      });
    }
    return json(405, errors(["Method not allowed"]));
  }

  #richTextError(v: number, value: unknown, field: string): Response | null {
    if (
      v === 3 &&
      (typeof value !== "object" || value === null || (value as { type?: string }).type !== "doc")
    ) {
      return json(400, {
        errorMessages: [],
        errors: {
          [field]:
            "Operation value must be an Atlassian Document (see the Atlassian Document Format)",
        },
      });
    }
    if (v === 2 && typeof value !== "string") {
      return json(400, {
        errorMessages: [],
        errors: { [field]: "Operation value must be a string" },
      });
    }
    return null;
  }

  #create(v: number, body: unknown): Response {
    const f = (body as { fields?: Record<string, unknown> })?.fields;
    if (!f) return json(400, errors(["No fields"]));
    const errs: Record<string, string> = {};
    if ((f.project as { key?: string })?.key !== this.projectKey) {
      errs.project = "valid project is required";
    }
    if (!(f.issuetype as { id?: string })?.id) errs.issuetype = "valid issue type is required";
    if (typeof f.summary !== "string" || !f.summary) {
      errs.summary = "You must specify a summary of the issue.";
    }
    const assignee = f.assignee as { name?: string; accountId?: string } | undefined;
    if (assignee && this.flavor === "cloud" && (assignee.name || !assignee.accountId)) {
      errs.assignee = "Specify the user's account ID (accountId); name is not supported";
    }
    if (assignee && this.flavor === "datacenter" && !assignee.name) {
      errs.assignee = "user name is required";
    }
    const labels = f.labels as unknown[] | undefined;
    if (labels?.some((l) => typeof l !== "string" || /\s/.test(l) || l.length > 255)) {
      errs.labels = "The label contains spaces or is too long";
    }
    if (Object.keys(errs).length) return json(400, { errorMessages: [], errors: errs });
    const bad = this.#richTextError(v, f.description, "description");
    if (bad) return bad;
    const issue = this.#newIssue(f);
    return json(201, {
      id: issue.id,
      key: issue.key,
      self: `${this.#url}/rest/api/${v}/issue/${issue.id}`,
    });
  }

  #transitions(issue: Issue, expand: string | null): unknown[] {
    const withFields = expand?.split(",").includes("transitions.fields") ?? false;
    const resField = this.#o.resolutionRequired !== false && this.#o.advertiseResolution !== false
      ? {
        resolution: {
          required: true,
          name: "Resolution",
          allowedValues: RESOLUTIONS.map((name, i) => ({ id: String(i + 1), name })),
        },
      }
      : {};
    const t = (id: string, name: string, to: Status, fields: Record<string, unknown> = {}) => ({
      id,
      name,
      to: { ...to, self: `${this.#url}/rest/api/2/status/${to.id}` },
      hasScreen: false,
      ...(withFields ? { fields } : {}),
    });
    if (issue.fields.status.statusCategory.key === "done") {
      return [t("41", "Reopen", STATUSES.todo as Status)];
    }
    return [
      t("11", "Start Progress", STATUSES.progress as Status),
      t("31", "Done", STATUSES.done as Status, resField),
    ];
  }

  #doTransition(v: number, issue: Issue, body: unknown): Response {
    const b = body as {
      transition?: { id?: string };
      fields?: { resolution?: { name?: string } };
      update?: { comment?: { add?: { body?: unknown } }[] };
    };
    const id = b?.transition?.id;
    const t = this.#transitions(issue, null).find((x) => (x as { id: string }).id === id) as {
      id: string;
      to: Status;
    } | undefined;
    if (!t) return json(400, errors([`Transition id '${id}' is not valid for this issue.`]));
    const resolution = b.fields?.resolution?.name;
    if (t.id === "31" && this.#o.resolutionRequired !== false && !resolution) {
      return json(400, { errorMessages: [], errors: { resolution: "Resolution is required." } });
    }
    if (resolution && !RESOLUTIONS.includes(resolution)) {
      return json(400, {
        errorMessages: [],
        errors: { resolution: `Resolution '${resolution}' is not valid` },
      });
    }
    for (const c of b.update?.comment ?? []) {
      const bad = this.#richTextError(v, c.add?.body, "comment");
      if (bad) return bad;
      this.#addComment(issue, c.add?.body);
    }
    issue.fields.status =
      STATUSES[t.id === "31" ? "done" : t.id === "11" ? "progress" : "todo"] as Status;
    if (t.id === "31") {
      issue.fields.resolution = resolution ? { name: resolution } : null;
      issue.fields.resolutiondate = new Date().toISOString();
    } else if (t.id === "41") {
      issue.fields.resolution = null;
      issue.fields.resolutiondate = null;
    }
    return new Response(null, { status: 204 });
  }

  #addComment(issue: Issue, body: unknown): Comment {
    const c = {
      id: String(issue.comments.length + 1),
      body,
      created: new Date().toISOString(),
      author: { displayName: this.user },
    };
    issue.comments.push(c);
    return c;
  }

  #view(issue: Issue, fields: string[] | null): unknown {
    const out: Record<string, unknown> = {};
    const names = fields === null
      ? Object.keys(issue.fields)
      : fields.includes("*all")
      ? Object.keys(issue.fields)
      : fields;
    for (const n of names) if (n in issue.fields) out[n] = issue.fields[n];
    return {
      id: issue.id,
      key: issue.key,
      self: `${this.#url}/rest/api/2/issue/${issue.id}`,
      fields: out,
    };
  }

  #matching(jql: string): Issue[] {
    const { clauses, order } = parseJql(jql);
    let list = [...this.issues.values()];
    for (const c of clauses) {
      if (["issuekey", "key", "id", "issue"].includes(c.field)) {
        for (const v of c.values) {
          if (!this.#find(v)) {
            throw new Error(`An issue with key '${v}' does not exist for field '${c.field}'.`);
          }
        }
      }
      list = list.filter((i) => matches(i, c));
    }
    list.sort((a, b) => Number(a.id) - Number(b.id));
    if (order === "desc") list.reverse();
    return list;
  }

  #searchCloud(b: SearchBody): Response {
    if (!b || typeof b.jql !== "string") return json(400, errors(["jql is required"]));
    const all = this.#matching(b.jql);
    const fields = normFields(b.fields);
    const cap = fields.length ? (this.#o.pageCap ?? 100) : 5000;
    const max = Math.min(Number(b.maxResults ?? 50), cap);
    let start = 0;
    if (b.nextPageToken !== undefined) {
      const decoded = Number(atob(String(b.nextPageToken)).replace(/^off:/, ""));
      if (!Number.isInteger(decoded)) return json(400, errors(["Invalid nextPageToken"]));
      start = decoded;
    }
    const page = all.slice(start, start + max);
    const out: Record<string, unknown> = {
      issues: page.map((i) => fields.length ? this.#view(i, fields) : { id: i.id }),
      isLast: start + max >= all.length,
    };
    // Absent (not null) on the last page.
    if (start + max < all.length) out.nextPageToken = btoa(`off:${start + max}`);
    return json(200, out);
  }

  #searchDc(b: SearchBody): Response {
    if (!b || typeof b.jql !== "string") return json(400, errors(["jql is required"]));
    const all = this.#matching(b.jql);
    const fields = normFields(b.fields);
    const startAt = Number(b.startAt ?? 0);
    const max = Math.min(Number(b.maxResults ?? 50), this.#o.pageCap ?? 1000);
    return json(200, {
      expand: "schema,names",
      startAt,
      maxResults: max,
      total: all.length,
      issues: all.slice(startAt, startAt + max).map((i) =>
        this.#view(i, fields.length ? fields : null)
      ),
    });
  }
}

interface SearchBody {
  jql?: string;
  fields?: string[] | string;
  maxResults?: number | string;
  startAt?: number | string;
  nextPageToken?: string;
}

interface Clause {
  field: string;
  op: "=" | "!=" | "in" | "not in";
  values: string[];
}

function fromQuery(url: URL): SearchBody {
  const q = url.searchParams;
  const b: SearchBody = {};
  if (q.has("jql")) b.jql = q.get("jql") as string;
  if (q.has("fields")) b.fields = q.get("fields") as string;
  if (q.has("maxResults")) b.maxResults = q.get("maxResults") as string;
  if (q.has("startAt")) b.startAt = q.get("startAt") as string;
  if (q.has("nextPageToken")) b.nextPageToken = q.get("nextPageToken") as string;
  return b;
}

function normFields(f: string[] | string | undefined): string[] {
  if (f === undefined) return [];
  return (Array.isArray(f) ? f : f.split(",")).map((s) => s.trim()).filter(Boolean);
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, "$1");
  return t;
}

/** Splits on a separator outside double quotes and parentheses. */
function splitOutside(s: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === "\\" && quoted) {
      cur += ch + (s[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (!quoted && depth === 0) {
      const m = s.slice(i).match(sep);
      if (m && m.index === 0) {
        parts.push(cur);
        cur = "";
        i += m[0].length - 1;
        continue;
      }
    }
    cur += ch;
  }
  parts.push(cur);
  return parts;
}

function parseJql(jql: string): { clauses: Clause[]; order: "asc" | "desc" } {
  const [where, orderPart] = jql.split(/\s+ORDER\s+BY\s+/i) as [string, string | undefined];
  const order = orderPart && /\bdesc\b/i.test(orderPart) ? "desc" : "asc";
  const clauses: Clause[] = [];
  for (const raw of splitOutside(where, /^\s+AND\s+/i)) {
    const m = raw.trim().match(/^([A-Za-z]+)\s*(!=|=|not\s+in|in)\s*(.+)$/is);
    if (!m) throw new Error(`Error in the JQL Query: cannot parse '${raw.trim()}'.`);
    const field = (m[1] as string).toLowerCase();
    if (
      ![
        "project",
        "labels",
        "statuscategory",
        "status",
        "resolution",
        "issuekey",
        "key",
        "id",
        "issue",
      ].includes(field)
    ) {
      throw new Error(`Field '${m[1]}' does not exist or you do not have permission to view it.`);
    }
    const op = (m[2] as string).toLowerCase().replace(/\s+/, " ") as Clause["op"];
    const value = (m[3] as string).trim();
    const values = op === "in" || op === "not in"
      ? splitOutside(value.replace(/^\(|\)$/g, ""), /^,/).map(unquote)
      : [unquote(value)];
    clauses.push({ field, op, values });
  }
  return { clauses, order };
}

function fieldValues(i: Issue, field: string): string[] {
  switch (field) {
    case "project":
      return [(i.key.split("-")[0] as string).toLowerCase()];
    case "labels":
      return i.fields.labels.map((l) => l.toLowerCase());
    case "statuscategory":
      return [
        i.fields.status.statusCategory.name.toLowerCase(),
        i.fields.status.statusCategory.key,
      ];
    case "status":
      return [i.fields.status.name.toLowerCase()];
    case "resolution":
      return [i.fields.resolution?.name.toLowerCase() ?? "unresolved"];
    default:
      return [i.id, i.key.toLowerCase()];
  }
}

function matches(i: Issue, c: Clause): boolean {
  const have = fieldValues(i, c.field);
  const hit = c.values.some((v) => have.includes(v.toLowerCase()));
  return c.op === "=" || c.op === "in" ? hit : !hit;
}

function errors(messages: string[]): unknown {
  return { errorMessages: messages, errors: {} };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json;charset=UTF-8" },
  });
}

function faultResponse(f: JiraFault): Response {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (f.retryAfter !== undefined) headers["retry-after"] = f.retryAfter;
  const msg = f.status === 429 ? "Rate limit exceeded." : "Service unavailable.";
  return new Response(JSON.stringify({ errorMessages: [msg], errors: {} }), {
    status: f.status,
    headers,
  });
}
