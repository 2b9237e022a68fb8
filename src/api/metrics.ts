/**
 * In-process counters of the disk-manager, rendered in the Prometheus text format.
 *
 * @module
 */

/** Counters and gauges of the API. */
export class ApiMetrics {
  #requests = new Map<string, number>();
  #authFailures = new Map<string, number>();
  #auditFailures = new Map<string, number>();
  #cacheHits = 0;
  #cacheMisses = 0;
  #durationSum = 0;
  #durationCount = 0;
  /** Reads the number of running operations. */
  runningOperations: () => number = () => 0;

  /**
   * Counts a finished request.
   *
   * @param method HTTP method.
   * @param route Route pattern.
   * @param status HTTP status.
   * @param seconds Duration.
   */
  request(method: string, route: string, status: number, seconds: number): void {
    const k = `method="${method}",route="${route}",status="${status}"`;
    this.#requests.set(k, (this.#requests.get(k) ?? 0) + 1);
    this.#durationSum += seconds;
    this.#durationCount++;
  }

  /**
   * Counts an authentication/authorisation refusal.
   *
   * @param reason Error code.
   */
  authFailure(reason: string): void {
    this.#authFailures.set(reason, (this.#authFailures.get(reason) ?? 0) + 1);
  }

  /**
   * Counts an audit record that could not be written (an alarm: the log is incomplete).
   *
   * @param kind `start` (the request was refused, nothing started), `finish` (an
   *   operation's end record) or `refusal` (a refused request's record).
   */
  auditWriteFailure(kind: string): void {
    this.#auditFailures.set(kind, (this.#auditFailures.get(kind) ?? 0) + 1);
  }

  /**
   * Counts a token cache lookup.
   *
   * @param hit Hit or miss.
   */
  cache(hit: boolean): void {
    if (hit) this.#cacheHits++;
    else this.#cacheMisses++;
  }

  /**
   * Renders every metric.
   *
   * @returns Prometheus text exposition.
   */
  render(): string {
    const out: string[] = [];
    out.push("# HELP bynar_api_requests_total API requests by route and status.");
    out.push("# TYPE bynar_api_requests_total counter");
    for (const [k, v] of this.#requests) out.push(`bynar_api_requests_total{${k}} ${v}`);
    out.push("# HELP bynar_api_request_duration_seconds Request durations.");
    out.push("# TYPE bynar_api_request_duration_seconds summary");
    out.push(`bynar_api_request_duration_seconds_sum ${this.#durationSum}`);
    out.push(`bynar_api_request_duration_seconds_count ${this.#durationCount}`);
    out.push("# HELP bynar_api_auth_failures_total Refused requests by reason.");
    out.push("# TYPE bynar_api_auth_failures_total counter");
    for (const [k, v] of this.#authFailures) {
      out.push(`bynar_api_auth_failures_total{reason="${k}"} ${v}`);
    }
    out.push(
      "# HELP bynar_api_audit_write_failures_total Audit records that could not be written.",
    );
    out.push("# TYPE bynar_api_audit_write_failures_total counter");
    for (const kind of ["start", "finish", "refusal"]) {
      out.push(
        `bynar_api_audit_write_failures_total{kind="${kind}"} ${
          this.#auditFailures.get(kind) ?? 0
        }`,
      );
    }
    out.push("# HELP bynar_api_token_cache_total Verified-token cache lookups.");
    out.push("# TYPE bynar_api_token_cache_total counter");
    out.push(`bynar_api_token_cache_total{result="hit"} ${this.#cacheHits}`);
    out.push(`bynar_api_token_cache_total{result="miss"} ${this.#cacheMisses}`);
    out.push("# HELP bynar_api_operations_running Remove/add operations in progress.");
    out.push("# TYPE bynar_api_operations_running gauge");
    out.push(`bynar_api_operations_running ${this.runningOperations()}`);
    return out.join("\n") + "\n";
  }
}
