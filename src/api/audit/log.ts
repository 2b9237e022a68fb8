/**
 * The audit log: one JSON line per mutating request (who, what, disk identity, result),
 * each carrying the SHA-256 of the previous record, so that an edited, removed or
 * reordered line breaks the chain ({@linkcode verifyAuditLog}).
 *
 * `hash = sha256(canonical JSON of the record without "hash")`, where the record holds
 * `prev` (the previous hash; 64 zeros for the first record) and `seq` (1, 2, …).
 *
 * @module
 */
import { BynarError } from "../../errors.ts";

/** `prev` of the first record. */
export const GENESIS_HASH = "0".repeat(64);

export { DEFAULT_AUDIT_LOG } from "../../config/defaults.ts";

/** What the caller records. */
export interface AuditEntry {
  /** Token subject. */
  actor: string;
  /** Client address. */
  client: string;
  /** Request id. */
  request_id: string;
  /** Action (`Remove`, `Add`, …, or `Remove.finished`). */
  action: string;
  /** Device path. */
  disk?: string;
  /** Identity named in the request. */
  disk_identity?: string;
  /** Simulate flag. */
  simulate?: boolean;
  /** HTTP status of the reply. */
  status?: number;
  /** OK/ERR/accepted/refused. */
  result: string;
  /** Outcome (Success/Skipped/SkipRepeat). */
  outcome?: string;
  /** Message. */
  message?: string;
  /** Operation id. */
  operation_id?: string;
}

/** A stored record. */
export interface AuditRecord extends AuditEntry {
  /** Sequence number from 1. */
  seq: number;
  /** RFC 3339 time. */
  time: string;
  /** Previous record's hash. */
  prev: string;
  /** This record's hash. */
  hash: string;
}

/** Writes records somewhere. */
export interface AuditSink {
  /**
   * Appends an entry.
   *
   * @param entry The entry.
   * @returns When durably written.
   */
  append(entry: AuditEntry): Promise<void>;
}

/** The audit log cannot be written or read. */
export class AuditError extends BynarError {
  /**
   * Creates an audit error.
   *
   * @param message What failed.
   * @param options Cause.
   */
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("audit_failed", message, options);
    this.name = "AuditError";
  }
}

/**
 * Serialises a JSON value with object keys sorted (the hashed form).
 *
 * @param value The value.
 * @returns Canonical JSON.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/**
 * Computes a record's hash.
 *
 * @param record The record (its `hash` field is ignored).
 * @returns Lower-case hex SHA-256.
 */
export async function hashRecord(record: Omit<AuditRecord, "hash"> | AuditRecord): Promise<string> {
  const { hash: _h, ...rest } = record as AuditRecord;
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(canonicalJson(rest)),
  );
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Options of {@linkcode AuditLog.open}. */
export interface AuditLogOptions {
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
}

/** An append-only, hash-chained JSON-lines audit file. */
export class AuditLog implements AuditSink {
  #path: string;
  #seq: number;
  #prev: string;
  #now: () => number;
  #chain: Promise<void> = Promise.resolve();

  private constructor(path: string, seq: number, prev: string, now: () => number) {
    this.#path = path;
    this.#seq = seq;
    this.#prev = prev;
    this.#now = now;
  }

  /**
   * Opens (creating) an audit file and continues its chain from the last record.
   *
   * @param path The file.
   * @param options Clock.
   * @returns The log.
   * @throws {AuditError} When the file cannot be read or its last line is not a record.
   */
  static async open(path: string, options: AuditLogOptions = {}): Promise<AuditLog> {
    let text = "";
    try {
      text = await Deno.readTextFile(path);
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) {
        throw new AuditError(`Cannot read audit log "${path}": ${(err as Error).message}`, {
          cause: err,
        });
      }
    }
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    let seq = 0;
    let prev = GENESIS_HASH;
    const last = lines.at(-1);
    if (last) {
      try {
        const r = JSON.parse(last) as AuditRecord;
        if (typeof r.seq !== "number" || typeof r.hash !== "string") throw new Error("no seq/hash");
        seq = r.seq;
        prev = r.hash;
      } catch (err) {
        throw new AuditError(
          `Cannot continue audit log "${path}": its last line is not a record; run "bynar audit verify"`,
          { cause: err },
        );
      }
    }
    return new AuditLog(path, seq, prev, options.now ?? Date.now);
  }

  /**
   * Appends an entry (serialised with other appends, fsynced).
   *
   * @param entry The entry.
   * @returns When written.
   * @throws {AuditError} When the file cannot be written.
   */
  append(entry: AuditEntry): Promise<void> {
    const next = this.#chain.then(async () => {
      const base = {
        ...entry,
        seq: this.#seq + 1,
        time: new Date(this.#now()).toISOString(),
        prev: this.#prev,
      };
      const hash = await hashRecord(base);
      const line = JSON.stringify({ ...base, hash }) + "\n";
      try {
        using f = await Deno.open(this.#path, { append: true, create: true, mode: 0o640 });
        await f.write(new TextEncoder().encode(line));
        await f.syncData();
      } catch (err) {
        throw new AuditError(
          `Cannot append to audit log "${this.#path}": ${(err as Error).message}`,
          { cause: err },
        );
      }
      this.#seq += 1;
      this.#prev = hash;
    });
    this.#chain = next.catch(() => {});
    return next;
  }
}

/** Result of {@linkcode verifyAuditLog}. */
export interface AuditVerification {
  /** True when the whole chain is intact. */
  ok: boolean;
  /** Records checked. */
  records: number;
  /** Hash of the last good record (anchor it elsewhere to detect truncation). */
  head: string;
  /** First problem, with its 1-based line number. */
  problem?: { line: number; reason: string };
}

/**
 * Verifies a whole audit file: every line parses, `seq` increases by one, `prev` equals
 * the previous `hash`, and each `hash` matches the record's content.
 *
 * @param path The file.
 * @param options Expected head hash (detects truncation of the tail).
 * @returns The verification.
 * @throws {AuditError} When the file cannot be read.
 */
export async function verifyAuditLog(
  path: string,
  options: { expectHead?: string } = {},
): Promise<AuditVerification> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (err) {
    throw new AuditError(`Cannot read audit log "${path}": ${(err as Error).message}`, {
      cause: err,
    });
  }
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  let prev = GENESIS_HASH;
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const fail = (reason: string): AuditVerification => ({
      ok: false,
      records: n,
      head: prev,
      problem: { line: i + 1, reason },
    });
    let r: AuditRecord;
    try {
      r = JSON.parse(lines[i]!) as AuditRecord;
    } catch {
      return fail("not a JSON record");
    }
    if (r.seq !== n + 1) return fail(`sequence ${r.seq} where ${n + 1} was expected`);
    if (r.prev !== prev) return fail("previous-hash link broken (a record was removed or edited)");
    if ((await hashRecord(r)) !== r.hash) return fail("hash mismatch (the record was edited)");
    prev = r.hash;
    n++;
  }
  if (options.expectHead && options.expectHead !== prev) {
    return {
      ok: false,
      records: n,
      head: prev,
      problem: { line: lines.length, reason: "head differs from the expected hash (truncated?)" },
    };
  }
  return { ok: true, records: n, head: prev };
}
