/**
 * Content negotiation: request bodies in `application/x-protobuf` or `application/json`,
 * replies in the format the client accepts.
 *
 * @module
 */
import type { Context } from "hono";
import { z } from "zod";
import { ParseError } from "../../errors.ts";
import { ApiError } from "../problem.ts";
import { decodeMessage, encodeMessage, protoTypes, type WireType } from "./proto.ts";
import type { OperationMsg, OpName } from "./messages.ts";

/** The protobuf media type. */
export const PROTOBUF_TYPE = "application/x-protobuf";
/** The JSON media type. */
export const JSON_TYPE = "application/json";
/** The problem media type. */
export const PROBLEM_TYPE = "application/problem+json";

const PROTOBUF_REGEXP = /application\/(x-)?protobuf/i;

/**
 * Tells whether the client wants protobuf replies: its `Accept` names protobuf before
 * JSON, or it sent protobuf and accepts anything.
 *
 * @param req The request.
 * @returns True for protobuf.
 */
export function wantsProtobuf(req: Request): boolean {
  const accept = req.headers.get("accept") ?? "";
  const p = accept.search(PROTOBUF_REGEXP);
  if (p >= 0) {
    const j = accept.search(/application\/json/i);
    return j < 0 || p < j;
  }
  if (accept === "" || accept.includes("*/*")) {
    return PROTOBUF_REGEXP.test(req.headers.get("content-type") ?? "");
  }
  return false;
}

/**
 * Sends a message as protobuf or JSON, as the client wants.
 *
 * @param c The Hono context.
 * @param type The protobuf message type.
 * @param value The message in JSON form.
 * @param options HTTP status.
 * @returns The response.
 */
export function reply(
  c: Context,
  type: WireType,
  value: object,
  options: { status?: number } = {},
): Response {
  const status = options.status ?? 200;
  if (wantsProtobuf(c.req.raw)) {
    const bytes = encodeMessage(type, value);
    return c.body(bytes as Uint8Array<ArrayBuffer>, status as 200, {
      "content-type": PROTOBUF_TYPE,
    });
  }
  return c.json(value, status as 200);
}

/** Maximum length of a device path or identity in a request. */
const MAX_FIELD = 256;

const OperationJsonSchema = z.strictObject({
  Op_type: z.string().optional(),
  disk: z.string().min(1).max(MAX_FIELD),
  disk_identity: z.string().min(1).max(MAX_FIELD).optional(),
  simulate: z.boolean().optional(),
  osd_id: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});

/**
 * Reads and validates an `Operation` request body (protobuf or JSON).
 *
 * For JSON the body is the `Operation` message in JSON form without `Op_type`, which the
 * route implies. A protobuf body must carry the route's `Op_type`.
 *
 * @param c The Hono context.
 * @param expected The operation the route performs.
 * @returns The operation.
 * @throws {ApiError} 400 on a malformed body, 415 on another media type.
 */
export async function readOperation(c: Context, expected: OpName): Promise<OperationMsg> {
  const ct = c.req.header("content-type") ?? "";
  if (PROTOBUF_REGEXP.test(ct)) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    let msg: Record<string, unknown>;
    try {
      msg = decodeMessage(protoTypes().Operation, bytes);
    } catch (err) {
      throw new ApiError(400, "malformed_body", (err as Error).message, { cause: err });
    }
    if (msg.Op_type !== expected) {
      throw new ApiError(
        400,
        "wrong_operation",
        `Cannot run ${String(msg.Op_type)} on the ${expected} route: Op_type must be ${expected}`,
      );
    }
    if (typeof msg.disk !== "string" || msg.disk === "") {
      throw new ApiError(400, "missing_field", `Cannot run ${expected}: field "disk" is missing`);
    }
    const op: OperationMsg = { Op_type: expected, disk: msg.disk };
    if (typeof msg.disk_identity === "string") op.disk_identity = msg.disk_identity;
    if (typeof msg.simulate === "boolean") op.simulate = msg.simulate;
    if (typeof msg.osd_id === "number") op.osd_id = msg.osd_id;
    if ((op.disk?.length ?? 0) > MAX_FIELD || (op.disk_identity?.length ?? 0) > MAX_FIELD) {
      throw new ApiError(400, "malformed_body", "Cannot run the request: a field is too long");
    }
    return op;
  }
  if (/^application\/json/i.test(ct)) {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch (err) {
      throw new ApiError(400, "malformed_body", "Cannot parse the JSON request body", {
        cause: err,
      });
    }
    const parsed = OperationJsonSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join(".") || "(body)";
      throw new ApiError(
        400,
        "malformed_body",
        `Cannot run ${expected}: field "${field}" ${issue?.message ?? "is invalid"}`,
        { cause: new ParseError(parsed.error.message) },
      );
    }
    if (parsed.data.Op_type !== undefined && parsed.data.Op_type !== expected) {
      throw new ApiError(400, "wrong_operation", `Cannot run ${parsed.data.Op_type} here`);
    }
    const d = parsed.data;
    const op: OperationMsg = { Op_type: expected, disk: d.disk };
    if (d.disk_identity !== undefined) op.disk_identity = d.disk_identity;
    if (d.simulate !== undefined) op.simulate = d.simulate;
    if (d.osd_id !== undefined) op.osd_id = d.osd_id;
    return op;
  }
  throw new ApiError(
    415,
    "unsupported_media_type",
    `Cannot read a request body of type "${
      ct.slice(0, 64)
    }": send ${JSON_TYPE} or ${PROTOBUF_TYPE}`,
  );
}
