/**
 * The `command` ticket plugin: any tracker, scripted.
 *
 * Bynar runs the configured program (`ticket_command`, an argument array, no shell) once
 * per operation, writes one JSON request to its standard input and reads one JSON reply
 * from its standard output. The program must finish within the timeout.
 *
 * Requests (`version` is 1; `disk` as in {@linkcode TicketDisk}; `ticket` is `{id,key,url?}`):
 * - `{"version":1,"op":"find","disk":{…},"label":"bynar-<host>-<serial>"}` →
 *   `{"ok":true,"ticket":{…}|null}` (the open ticket with that label)
 * - `{"version":1,"op":"create","disk":{…},"label":…,"summary":…,"description":…}` →
 *   `{"ok":true,"ticket":{…}}`
 * - `{"version":1,"op":"status","tickets":[{…},…]}` →
 *   `{"ok":true,"statuses":[{"id":…,"state":"open|resolved|wont_do|missing","status":…,"resolution":…}]}`
 * - `{"version":1,"op":"comment","ticket":{…},"text":…}` → `{"ok":true}`
 * - `{"version":1,"op":"close","ticket":{…},"text":…}` → `{"ok":true}` (already closed is ok)
 *
 * A failure is `{"ok":false,"error":"…"}` or a non-zero exit. Bynar runs `find` before
 * every `create`; a `create` that times out, crashes or answers garbage is ambiguous, so
 * Bynar runs `find` again before any new attempt.
 *
 * @module
 */
import { type CommandRunner, SYSTEM_RUNNER } from "../../process/run.ts";
import { retry } from "../../shared/retry.ts";
import { TicketError } from "../errors.ts";
import { descriptionBlocks, diskLabel, renderPlain, ticketSummary } from "../text.ts";
import type {
  CreateResult,
  TicketCallOptions,
  TicketDisk,
  TicketPlugin,
  TicketRef,
  TicketState,
  TicketStatus,
} from "../types.ts";

/** Options of {@linkcode CommandTickets}. */
export interface CommandTicketsOptions {
  /** Program and arguments (`ticket_command`). */
  argv: readonly string[];
  /**
   * Timeout per invocation in milliseconds.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * The process runner.
   * @default SYSTEM_RUNNER
   */
  runner?: CommandRunner | undefined;
  /**
   * Create attempts, each preceded by `find`.
   * @default 3
   */
  maxCreateAttempts?: number | undefined;
}

const STATES: ReadonlySet<string> = new Set(["open", "resolved", "wont_do", "missing"]);

/** A scripted tracker as a {@linkcode TicketPlugin}. */
export class CommandTickets implements TicketPlugin {
  /** Plugin name. */
  readonly name = "command";
  readonly #o: CommandTicketsOptions;

  /**
   * Creates the plugin.
   *
   * @param options Program, timeout, runner.
   * @throws {TypeError} When `argv` is empty.
   */
  constructor(options: CommandTicketsOptions) {
    if (options.argv.length === 0 || !options.argv[0]) {
      throw new TypeError("Cannot use the command ticket plugin: ticket_command is empty");
    }
    this.#o = options;
  }

  /** @inheritdoc */
  async findOpenByDisk(
    disk: Pick<TicketDisk, "host" | "serial">,
    options: TicketCallOptions = {},
  ): Promise<TicketRef | null> {
    const reply = await this.#call(
      { op: "find", disk: { host: disk.host, serial: disk.serial }, label: diskLabel(disk) },
      options,
    );
    return reply.ticket === null || reply.ticket === undefined ? null : toRef(reply.ticket, "find");
  }

  /** @inheritdoc */
  async create(disk: TicketDisk, options: TicketCallOptions = {}): Promise<CreateResult> {
    const attempts = Math.max(1, this.#o.maxCreateAttempts ?? 3);
    try {
      return await retry(async (attempt) => {
        // After an ambiguous attempt of ours, a ticket found now is the one we filed.
        const existing = await this.findOpenByDisk(disk, options);
        if (existing) return { ref: existing, created: attempt > 1 };
        const reply = await this.#call(
          {
            op: "create",
            disk,
            label: diskLabel(disk),
            summary: ticketSummary(disk),
            description: renderPlain(descriptionBlocks(disk)),
          },
          options,
          true,
        );
        return { ref: toRef(reply.ticket, "create"), created: true };
      }, {
        attempts,
        backoff: { baseMs: 0 },
        isTransient: (err) => err instanceof TicketError && err.ambiguous,
        signal: options.signal,
      });
    } catch (err) {
      if (!(err instanceof TicketError) || !err.ambiguous) throw err;
      throw new TicketError(
        `Cannot create a ticket for disk "${disk.serial}" on "${disk.host}" with ` +
          `ticket_command: ${attempts} attempts were ambiguous (${err.message})`,
        { ambiguous: true, cause: err },
      );
    }
  }

  /** @inheritdoc */
  async status(
    refs: readonly TicketRef[],
    options: TicketCallOptions = {},
  ): Promise<Map<string, TicketStatus>> {
    const out = new Map<string, TicketStatus>();
    if (refs.length === 0) return out;
    const reply = await this.#call({ op: "status", tickets: refs }, options);
    const list = Array.isArray(reply.statuses) ? reply.statuses as Record<string, unknown>[] : [];
    const byId = new Map(list.map((s) => [String(s.id), s]));
    for (const ref of refs) {
      const s = byId.get(ref.id);
      const state = typeof s?.state === "string" && STATES.has(s.state)
        ? s.state as TicketState
        : "missing";
      out.set(ref.id, {
        ref,
        state,
        statusName: typeof s?.status === "string" ? s.status : null,
        resolution: typeof s?.resolution === "string" ? s.resolution : null,
      });
    }
    return out;
  }

  /** @inheritdoc */
  async comment(ref: TicketRef, text: string, options: TicketCallOptions = {}): Promise<void> {
    await this.#call({ op: "comment", ticket: ref, text }, options);
  }

  /** @inheritdoc */
  async close(ref: TicketRef, text: string, options: TicketCallOptions = {}): Promise<void> {
    await this.#call({ op: "close", ticket: ref, text }, options);
  }

  /** @inheritdoc */
  dispose(): void {}

  async #call(
    request: Record<string, unknown> & { op: string },
    options: TicketCallOptions,
    write = false,
  ): Promise<Record<string, unknown>> {
    const [cmd, ...args] = this.#o.argv as [string, ...string[]];
    const what = `run ticket_command "${cmd}" for "${request.op}"`;
    let result;
    try {
      result = await (this.#o.runner ?? SYSTEM_RUNNER).run(cmd, args, {
        stdin: JSON.stringify({ version: 1, ...request }),
        timeoutMs: this.#o.timeoutMs ?? 30_000,
        signal: options.signal,
      });
    } catch (err) {
      throw new TicketError(`Cannot ${what}: ${(err as Error).message}`, {
        ambiguous: write,
        cause: err,
      });
    }
    let reply: Record<string, unknown> | null = null;
    try {
      const parsed = JSON.parse(result.stdout.trim() || "null");
      if (parsed && typeof parsed === "object") reply = parsed;
    } catch { /* reported below */ }
    if (result.code !== 0 || !reply || reply.ok !== true) {
      const why = reply && typeof reply.error === "string"
        ? reply.error
        : result.code !== 0
        ? `exit code ${result.code ?? result.signal}: ${result.stderr.trim().slice(0, 300)}`
        : 'the reply is not {"ok":true,…} JSON';
      // An explicit {"ok":false} is a definite refusal; anything else may have acted.
      throw new TicketError(`Cannot ${what}: ${why}`, {
        ambiguous: write && !(reply && reply.ok === false),
      });
    }
    return reply;
  }
}

function toRef(value: unknown, op: string): TicketRef {
  const v = value as { id?: unknown; key?: unknown; url?: unknown } | null;
  if (!v || (typeof v.id !== "string" && typeof v.id !== "number")) {
    throw new TicketError(
      `Cannot use the ticket_command reply to "${op}": "ticket" needs an "id"`,
      { ambiguous: op === "create" },
    );
  }
  const key = typeof v.key === "string" ? v.key : String(v.id);
  return { id: String(v.id), key, ...(typeof v.url === "string" ? { url: v.url } : {}) };
}
