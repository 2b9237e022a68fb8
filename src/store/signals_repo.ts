/**
 * Repository of signal decisions (with their evidence), the tickets they opened, the
 * alarms' outcomes, and the SMART counter history the trend signals read.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { Decision, DecisionLevel } from "../signals/decision.ts";
import type { AlarmOutcome, TicketEnd } from "../signals/precision.ts";
import { classifyEnd } from "../signals/precision.ts";
import type { CounterSample } from "../signals/smart_trends.ts";
import type { SignalId, SignalReading } from "../signals/types.ts";

/** A stored decision. */
export interface StoredDecision {
  /** Row id. */
  id: number;
  /** Disk key. */
  diskKey: string;
  /** Drive model. */
  model: string | null;
  /** When (ISO). */
  decidedAt: string;
  /** Level. */
  level: Exclude<DecisionLevel, "none">;
  /** Points. */
  score: number;
  /** Signals that fired. */
  fired: SignalId[];
  /** Every reading. */
  evidence: SignalReading[];
  /** Summary sentence. */
  summary: string;
  /** Ticket, when one was opened or joined. */
  ticketId: string | null;
  /** Outcome, when the ticket ended. */
  outcome: "true_alarm" | "false_alarm" | null;
  /** How the ticket ended. */
  ticketEnd: TicketEnd | null;
  /** When the outcome was recorded. */
  outcomeAt: string | null;
  /** Why (operator's words or the detector's). */
  outcomeReason: string | null;
}

function rowToDecision(r: Record<string, unknown>): StoredDecision {
  return {
    id: Number(r.id),
    diskKey: r.disk_key as string,
    model: (r.model as string | null) ?? null,
    decidedAt: r.decided_at as string,
    level: r.level as StoredDecision["level"],
    score: Number(r.score),
    fired: JSON.parse(r.fired as string) as SignalId[],
    evidence: JSON.parse(r.evidence as string) as SignalReading[],
    summary: r.summary as string,
    ticketId: (r.ticket_id as string | null) ?? null,
    outcome: (r.outcome as StoredDecision["outcome"]) ?? null,
    ticketEnd: (r.ticket_end as TicketEnd | null) ?? null,
    outcomeAt: (r.outcome_at as string | null) ?? null,
    outcomeReason: (r.outcome_reason as string | null) ?? null,
  };
}

/** Reads and writes `signal_decisions` (and reads `check_results` for trends). */
export class SignalsRepo {
  #db: DatabaseSync;

  /**
   * Wraps an open database.
   *
   * @param db The database (migrated).
   */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /**
   * Stores a decision that is not `none`, with its evidence.
   *
   * @param decision The decision.
   * @param options The drive model and the time.
   * @returns The row id, or null for a `none` decision (not stored).
   */
  record(decision: Decision, options: { model: string | null; now: Date }): number | null {
    if (decision.level === "none") return null;
    const r = this.#db.prepare(
      `INSERT INTO signal_decisions (disk_key, model, decided_at, level, score, fired, evidence, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      decision.diskKey,
      options.model,
      options.now.toISOString(),
      decision.level,
      decision.score,
      JSON.stringify(decision.fired),
      JSON.stringify(decision.evidence),
      decision.summary,
    );
    return Number(r.lastInsertRowid);
  }

  /**
   * Links a decision to the ticket it opened (or an open ticket it joined).
   *
   * @param decisionId The decision.
   * @param ticketId The ticket.
   * @throws {RangeError} When the decision is unknown.
   */
  attachTicket(decisionId: number, ticketId: string): void {
    const r = this.#db.prepare("UPDATE signal_decisions SET ticket_id = ? WHERE id = ?")
      .run(ticketId, decisionId);
    if (Number(r.changes) === 0) {
      throw new RangeError(
        `Cannot link ticket ${ticketId}: signal decision ${decisionId} is unknown`,
      );
    }
  }

  /**
   * Records how a ticket ended: every decision linked to it becomes a true or false alarm
   * (only the first outcome counts; later calls change nothing).
   *
   * @param ticketId The ticket.
   * @param end How it ended, why, and when.
   * @returns How many decisions got an outcome.
   */
  recordTicketEnd(ticketId: string, end: { end: TicketEnd; reason: string; now: Date }): number {
    const r = this.#db.prepare(
      `UPDATE signal_decisions SET outcome = ?, ticket_end = ?, outcome_at = ?, outcome_reason = ?
       WHERE ticket_id = ? AND outcome IS NULL`,
    ).run(classifyEnd(end.end), end.end, end.now.toISOString(), end.reason, ticketId);
    return Number(r.changes);
  }

  /**
   * The decisions of one disk (or all), newest first.
   *
   * @param options One disk; how many.
   * @returns The decisions.
   */
  decisions(options: { diskKey?: string; limit?: number } = {}): StoredDecision[] {
    const rows =
      (options.diskKey === undefined
        ? this.#db.prepare("SELECT * FROM signal_decisions ORDER BY id DESC LIMIT ?")
          .all(options.limit ?? 1000)
        : this.#db.prepare(
          "SELECT * FROM signal_decisions WHERE disk_key = ? ORDER BY id DESC LIMIT ?",
        ).all(options.diskKey, options.limit ?? 1000)) as Record<string, unknown>[];
    return rows.map(rowToDecision);
  }

  /**
   * The newest decision of each disk.
   *
   * @returns By disk key.
   */
  latestByDisk(): Map<string, StoredDecision> {
    const rows = this.#db.prepare(
      `SELECT * FROM signal_decisions WHERE id IN (SELECT MAX(id) FROM signal_decisions GROUP BY disk_key)`,
    ).all() as Record<string, unknown>[];
    return new Map(rows.map((r) => [r.disk_key as string, rowToDecision(r)]));
  }

  /**
   * Every alarm with an outcome, one per ticket (the ticket's decisions' fired signals
   * merged), plus decisions with an outcome but no ticket.
   *
   * @returns The outcomes, for {@linkcode precisionReport}.
   */
  outcomes(): AlarmOutcome[] {
    const rows = this.#db.prepare(
      "SELECT * FROM signal_decisions WHERE outcome IS NOT NULL ORDER BY id",
    ).all() as Record<string, unknown>[];
    const byTicket = new Map<string, AlarmOutcome & { signals: SignalId[] }>();
    const out: AlarmOutcome[] = [];
    for (const d of rows.map(rowToDecision)) {
      if (d.ticketId === null) {
        out.push({ signals: d.fired, model: d.model, outcome: d.outcome! });
        continue;
      }
      const seen = byTicket.get(d.ticketId);
      if (seen) {
        for (const s of d.fired) if (!seen.signals.includes(s)) seen.signals.push(s);
      } else {
        const o = { signals: [...d.fired], model: d.model, outcome: d.outcome! };
        byTicket.set(d.ticketId, o);
        out.push(o);
      }
    }
    return out;
  }

  /**
   * The SMART failure counters of a disk's checks, oldest first.
   *
   * @param diskKey The disk.
   * @param options Only checks at or after this time.
   * @returns The samples.
   */
  counterHistory(diskKey: string, options: { since?: Date } = {}): CounterSample[] {
    const rows = this.#db.prepare(
      `SELECT checked_at, reallocated, pending, offline_uncorr, reported_uncorr, media_errors, percentage_used
       FROM check_results WHERE disk_key = ? AND checked_at >= ? ORDER BY checked_at, id`,
    ).all(diskKey, options.since?.toISOString() ?? "") as Record<string, unknown>[];
    const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      checkedAt: r.checked_at as string,
      reallocated: n(r.reallocated),
      pending: n(r.pending),
      offlineUncorrectable: n(r.offline_uncorr),
      reportedUncorrectable: n(r.reported_uncorr),
      mediaErrors: r.media_errors === null || r.media_errors === undefined
        ? null
        : String(r.media_errors),
      percentageUsed: n(r.percentage_used),
    }));
  }
}
