/**
 * The ticketing port: what the detector asks of any ticket tracker.
 *
 * A plugin files one ticket per failing disk, finds it again by the disk's label (so a
 * retry or restart never files a duplicate), reads the status of every ticket it tracks
 * with one batched call per pass, comments on each automated step and closes the ticket
 * when the replacement is back in service.
 *
 * @module
 */

/** The failing disk a ticket is about, as the description presents it. */
export interface TicketDisk {
  /** Host name (as in the inventory). */
  host: string;
  /** Disk serial; the ticket label is derived from it and the host. */
  serial: string;
  /** Device path or slot (e.g. `/dev/sdb`, `enclosure 2 slot 5`). */
  path: string;
  /** Physical slot, when known (enclosure/bay). */
  slot?: string | null | undefined;
  /** Model, when known. */
  model?: string | null | undefined;
  /** WWN, when known. */
  wwn?: string | null | undefined;
  /** Why the disk is considered dead (SMART reasons, failed checks). */
  reasons: string[];
  /** Actions already taken (e.g. "OSD 12 removed from the cluster, id kept"). */
  actions: string[];
  /** The Ceph OSD id, when the disk was an OSD. */
  osdId?: number | null | undefined;
  /**
   * Whether Bynar removed the disk from the cluster (the ticket's instructions follow it):
   * `removed` (id kept, the replacement is added back), `not_removed` (refused, deferred,
   * waiting: the disk must stay in until Bynar says so), `awaiting_approval`, `not_in_cluster`.
   * @default "removed"
   */
  removal?: "removed" | "not_removed" | "awaiting_approval" | "not_in_cluster" | undefined;
  /** Why it was not removed (with `not_removed`). */
  notRemovedReason?: string | undefined;
  /**
   * Set when the ticket is about a server part (PSU, fan, DIMM…) rather than a disk: its
   * summary subject (e.g. `failed fan`) and the full description, replacing the disk text.
   */
  part?: { subject: string; description: DescriptionBlock[] } | undefined;
}

/** A block of a ticket description. */
export type DescriptionBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "fields"; rows: [string, string][] }
  | { kind: "list"; title: string; items: string[] };

/** A reference to a filed ticket. */
export interface TicketRef {
  /** Stable id in the tracker (JIRA: the numeric issue id). */
  id: string;
  /** Human key (JIRA: `OPS-24`). */
  key: string;
  /** Browse URL, when the tracker has one. */
  url?: string | undefined;
}

/** The state of a ticket, as far as the detector cares. */
export type TicketState =
  /** Still being worked on (not in a done category). */
  | "open"
  /** Done, with a resolution that means the disk was replaced. */
  | "resolved"
  /** Done, with a "won't do" resolution: report it, do not act on it. */
  | "wont_do"
  /** The tracker no longer knows the ticket (deleted, or no permission). */
  | "missing";

/** The status of one ticket. */
export interface TicketStatus {
  /** The ticket. */
  ref: TicketRef;
  /** The state derived from status category and resolution. */
  state: TicketState;
  /** The tracker's status name (e.g. `In Progress`), when known. */
  statusName: string | null;
  /** The resolution name (e.g. `Fixed`), when resolved. */
  resolution: string | null;
}

/** The outcome of {@linkcode TicketPlugin.create}. */
export interface CreateResult {
  /** The ticket. */
  ref: TicketRef;
  /** True when a new ticket was filed; false when an open one was found by the label. */
  created: boolean;
}

/** Options common to every plugin call. */
export interface TicketCallOptions {
  /** Cancels the call (waits and requests). */
  signal?: AbortSignal | undefined;
}

/** A ticket tracker plugin (JIRA, or a scripted command). */
export interface TicketPlugin {
  /** Plugin name for logs (`jira-cloud`, `jira-datacenter`, `command`). */
  readonly name: string;
  /**
   * Files a ticket for a failing disk, unless an open one with the disk's label exists.
   *
   * Never blindly retries: after an ambiguous failure it searches by the label again
   * before any new attempt.
   *
   * @param disk The failing disk.
   * @param options Cancellation.
   * @returns The ticket and whether it was newly filed.
   * @throws {TicketError} When the ticket could not be filed (check `ambiguous`).
   */
  create(disk: TicketDisk, options?: TicketCallOptions): Promise<CreateResult>;
  /**
   * Finds the open ticket of a disk by its label.
   *
   * @param disk Host and serial of the disk.
   * @param options Cancellation.
   * @returns The open ticket, or null when there is none.
   * @throws {TicketError} When the tracker cannot be searched.
   */
  findOpenByDisk(
    disk: Pick<TicketDisk, "host" | "serial">,
    options?: TicketCallOptions,
  ): Promise<TicketRef | null>;
  /**
   * Reads the status of many tickets with one (paginated) search.
   *
   * @param refs The tickets the caller tracks.
   * @param options Cancellation.
   * @returns One status per ref, keyed by `ref.id`; unknown tickets are `missing`.
   * @throws {TicketError} When the tracker cannot be searched.
   */
  status(
    refs: readonly TicketRef[],
    options?: TicketCallOptions,
  ): Promise<Map<string, TicketStatus>>;
  /**
   * Adds a comment (one automated step) to a ticket.
   *
   * @param ref The ticket.
   * @param text Plain text.
   * @param options Cancellation.
   * @throws {TicketError} When the comment could not be added.
   */
  comment(ref: TicketRef, text: string, options?: TicketCallOptions): Promise<void>;
  /**
   * Closes a ticket (transition to a done status, with a resolution when required).
   * Closing a ticket that is already done succeeds.
   *
   * @param ref The ticket.
   * @param text A closing comment.
   * @param options Cancellation.
   * @throws {TicketError} When no done transition exists or it fails.
   */
  close(ref: TicketRef, text: string, options?: TicketCallOptions): Promise<void>;
  /** Releases resources (the HTTP client). Idempotent. */
  dispose(): void;
}
