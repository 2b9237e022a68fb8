/**
 * `/v1/disks`: list, safe-to-remove, remove, add.
 *
 * Remove and add name the disk by path AND identity, honour `simulate` (the plan is
 * returned at once, nothing changes), take the per-disk lock (409 when busy), and start
 * a background operation answered with 202 + `Location: /v1/operations/{id}`.
 *
 * @module
 */
import { Hono } from "hono";
import type { Context } from "hono";
import type { OpResult, Progress, SafeToRemoveResult } from "../../backend/types.ts";
import { errorMessage } from "../../errors.ts";
import { readOperation, reply } from "../codec/negotiate.ts";
import { protoTypes } from "../codec/proto.ts";
import type { OperationMsg, OpName, OpOutcomeResultMsg } from "../codec/messages.ts";
import { requireScope, SCOPE_READ, SCOPE_WRITE } from "../middleware/auth/mod.ts";
import { ApiError } from "../problem.ts";
import type { AppEnv } from "../types.ts";
import type { AuditEntry } from "../audit/log.ts";
import type { RouteContext } from "./context.ts";
import type { ResolvedDisk } from "../disk_service.ts";

function resultMsg(r: OpResult): OpOutcomeResultMsg {
  return {
    result: "OK",
    outcome: r.outcome,
    value: r.outcome === "Success",
    message: r.message,
    ...(r.osdId !== undefined ? { osd_id: r.osdId } : {}),
    plan: r.plan.map((s) => ({
      name: s.name,
      description: s.description,
      commands: s.commands,
      ...(s.expectedWaitSeconds !== undefined
        ? { expected_wait_seconds: Math.round(s.expectedWaitSeconds) }
        : {}),
    })),
  };
}

function safeMsg(s: SafeToRemoveResult): OpOutcomeResultMsg {
  return {
    result: "OK",
    outcome: s.outcome,
    value: s.safe,
    message: s.reason,
    ...(s.osdId !== undefined ? { osd_id: s.osdId } : {}),
  };
}

/**
 * A disk that is gone is only acted on when the backend found the OSD it carried (B-24);
 * otherwise the path names nothing on this host.
 */
function assertFoundWhenGone(r: ResolvedDisk, s: SafeToRemoveResult): void {
  if (r.disk || s.osdId !== undefined) return;
  throw new ApiError(
    404,
    "disk_not_found",
    `Cannot find disk "${r.ref.path}" on this host, nor an OSD of this host that used it`,
    { device: r.ref.path },
  );
}

function notSafe(path: string, s: SafeToRemoveResult): ApiError {
  return new ApiError(
    409,
    "not_safe_to_remove",
    `Cannot remove disk "${path}": not safe to remove now (${s.reason})`,
    { device: path },
  );
}

/**
 * Builds the `/v1/disks` sub-app.
 *
 * @param ctx Service, backend, registry, audit.
 * @returns The sub-app.
 */
export function disksRoutes(ctx: RouteContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const types = protoTypes();

  const audited = async (
    c: Context<AppEnv>,
    action: OpName,
    run: (op: OperationMsg) => Promise<Outcome>,
  ): Promise<Response> => {
    const base: AuditEntry = {
      actor: c.get("principal").sub,
      client: c.get("clientAddr") ?? "unknown",
      request_id: c.get("requestId"),
      action,
      result: "refused",
    };
    let op: OperationMsg | undefined;
    let outcome: Outcome;
    try {
      op = await readOperation(c, action);
      outcome = await run(op);
    } catch (err) {
      const entry = {
        ...base,
        ...(op ? { disk: op.disk, disk_identity: op.disk_identity, simulate: !!op.simulate } : {}),
        status: err instanceof ApiError ? err.status : 500,
        message: errorMessage(err),
      } as AuditEntry;
      // A refusal that cannot be recorded keeps its own answer; the alarm says the log is short.
      await ctx.audit.append(entry).catch((e) => ctx.auditAlarm("refusal", e, entry));
      throw err;
    }
    // A started operation was audited before it started (fail closed, in startOperation).
    if (outcome.audited) return outcome.response;
    // Nothing changed (simulate, skipped, not-safe answers): the record precedes the reply.
    await auditOrRefuse(
      ctx,
      {
        ...base,
        disk: op.disk,
        disk_identity: op.disk_identity,
        simulate: op.simulate ?? false,
        status: outcome.response.status,
        ...outcome.entry,
      } as AuditEntry,
      action,
      op.disk ?? "",
    );
    return outcome.response;
  };

  app.get("/", requireScope(SCOPE_READ), async (c) => {
    const disks = await ctx.service.list();
    return reply(c, types.Disks, { disk: disks });
  });

  app.post("/safe-to-remove", requireScope(SCOPE_READ), async (c) => {
    const op = await readOperation(c, "SafeToRemove");
    const r = await ctx.service.resolve(op.disk!, op.disk_identity, {
      requireIdentity: false,
      allowAbsent: true,
      osdId: op.osd_id,
    });
    const s = await ctx.backend.safeToRemove(r.ref);
    assertFoundWhenGone(r, s);
    return reply(c, types.OpOutcomeResult, safeMsg(s));
  });

  app.post("/remove", requireScope(SCOPE_WRITE), (c) =>
    audited(c, "Remove", async (op) => {
      const r = await ctx.service.resolve(op.disk!, op.disk_identity, {
        requireIdentity: true,
        allowAbsent: true,
        osdId: op.osd_id,
      });
      if (r.disk?.systemReason) {
        const msg: OpOutcomeResultMsg = {
          result: "OK",
          outcome: "Skipped",
          value: false,
          message: `Disk "${r.disk.path}" is a system disk (${r.disk.systemReason}); not removed`,
        };
        return { response: reply(c, types.OpOutcomeResult, msg), entry: okEntry(msg) };
      }
      if (op.simulate) {
        const lease = ctx.registry.claim(r.lockKeys, "Remove");
        try {
          const s = await ctx.backend.safeToRemove(r.ref);
          assertFoundWhenGone(r, s);
          if (s.outcome !== "Success") {
            const msg = safeMsg(s);
            return { response: reply(c, types.OpOutcomeResult, msg), entry: okEntry(msg) };
          }
          if (!s.safe) throw notSafe(r.ref.path, s);
          const res = resultMsg(await ctx.backend.remove(r.ref, { simulate: true }));
          return { response: reply(c, types.OpOutcomeResult, res), entry: okEntry(res) };
        } finally {
          lease.release();
        }
      }
      const lease = ctx.registry.claim(r.lockKeys, "Remove");
      let s: SafeToRemoveResult;
      try {
        s = await ctx.backend.safeToRemove(r.ref);
      } finally {
        lease.release();
      }
      assertFoundWhenGone(r, s);
      if (s.outcome !== "Success") {
        const msg = safeMsg(s);
        return { response: reply(c, types.OpOutcomeResult, msg), entry: okEntry(msg) };
      }
      if (!s.safe) throw notSafe(r.ref.path, s);
      return startOperation(c, ctx, "Remove", op, r.lockKeys, (o) => ctx.backend.remove(r.ref, o));
    }));

  app.post("/add", requireScope(SCOPE_WRITE), (c) =>
    audited(c, "Add", async (op) => {
      const r = await ctx.service.resolve(op.disk!, op.disk_identity, { requireIdentity: true });
      if (!r.disk) throw new TypeError("resolve returned no disk without allowAbsent");
      if (r.disk.systemReason) {
        const msg: OpOutcomeResultMsg = {
          result: "OK",
          outcome: "Skipped",
          value: false,
          message: `Disk "${r.disk.path}" is a system disk (${r.disk.systemReason}); not added`,
        };
        return { response: reply(c, types.OpOutcomeResult, msg), entry: okEntry(msg) };
      }
      const osd = op.osd_id !== undefined ? { osdId: op.osd_id } : {};
      if (op.simulate) {
        const lease = ctx.registry.claim(r.lockKeys, "Add");
        try {
          const res = resultMsg(await ctx.backend.add(r.ref, { simulate: true, ...osd }));
          return { response: reply(c, types.OpOutcomeResult, res), entry: okEntry(res) };
        } finally {
          lease.release();
        }
      }
      return startOperation(c, ctx, "Add", op, r.lockKeys, (o) =>
        ctx.backend.add(r.ref, {
          ...o,
          ...osd,
        }));
    }));

  return app;
}

/** What a route handler of a mutating request produced. */
interface Outcome {
  response: Response;
  entry: Partial<AuditEntry>;
  /** True when the record was already written (before the side effect). */
  audited?: true;
}

/**
 * Writes an audit record, or refuses the request when it cannot be written (fail closed):
 * 503 `audit_unavailable`, and nothing was started.
 */
async function auditOrRefuse(
  ctx: RouteContext,
  entry: AuditEntry,
  action: OpName,
  disk: string,
): Promise<void> {
  try {
    await ctx.audit.append(entry);
  } catch (err) {
    ctx.auditAlarm("start", err, entry);
    throw new ApiError(
      503,
      "audit_unavailable",
      `Cannot ${action.toLowerCase()} disk "${disk}": the audit record cannot be written ` +
        `(${errorMessage(err)}); nothing was started. Make the audit log (audit_log) ` +
        "writable and retry",
      { cause: err, device: disk, headers: { "retry-after": "30" } },
    );
  }
}

function okEntry(m: OpOutcomeResultMsg): Partial<AuditEntry> {
  return {
    result: m.result,
    ...(m.outcome ? { outcome: m.outcome } : {}),
    ...(m.message ? { message: m.message } : {}),
  };
}

async function startOperation(
  c: Context<AppEnv>,
  ctx: RouteContext,
  action: OpName,
  op: OperationMsg,
  lockKeys: string[],
  work: (o: { onProgress: (p: Progress) => void; signal: AbortSignal }) => Promise<OpResult>,
): Promise<Outcome> {
  const principal = c.get("principal");
  const base = {
    actor: principal.sub,
    client: c.get("clientAddr") ?? "unknown",
    request_id: c.get("requestId"),
    disk: op.disk!,
    ...(op.disk_identity ? { disk_identity: op.disk_identity } : {}),
  };
  // The accepted record is written BEFORE anything starts, the disk held meanwhile (409
  // for a competing request); when it cannot be written, nothing starts (503).
  const id = crypto.randomUUID();
  const held = ctx.registry.claim(lockKeys, action);
  try {
    await auditOrRefuse(
      ctx,
      {
        ...base,
        action,
        simulate: false,
        status: 202,
        result: "accepted",
        operation_id: id,
      },
      action,
      op.disk!,
    );
  } finally {
    held.release();
  }
  const finished = async (entry: AuditEntry): Promise<void> => {
    await ctx.audit.append(entry).catch((e) => ctx.auditAlarm("finish", e, entry));
  };
  const rec = ctx.registry.start(
    {
      id,
      op: action,
      disk: op.disk!,
      lockKeys,
      ...(op.disk_identity ? { diskIdentity: op.disk_identity } : {}),
      simulate: false,
      requestedBy: principal.sub,
    },
    async (o) => {
      let res: OpOutcomeResultMsg;
      try {
        res = resultMsg(await work(o));
      } catch (err) {
        await finished({
          ...base,
          action: `${action}.finished`,
          result: "ERR",
          message: errorMessage(err),
          operation_id: id,
        });
        throw err;
      }
      await finished({
        ...base,
        action: `${action}.finished`,
        ...okEntry(res),
        operation_id: id,
      } as AuditEntry);
      return res;
    },
  );
  c.header("location", `/v1/operations/${rec.id}`);
  return {
    response: reply(c, protoTypes().OperationStatus, rec, { status: 202 }),
    entry: { result: "accepted", operation_id: rec.id },
    audited: true,
  };
}
