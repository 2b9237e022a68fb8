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

/** Largest OSD id either codec accepts. */
export const MAX_OSD_ID = 2 ** 31 - 1;

/**
 * Range-checks an OSD id from any codec: an integer in 0..{@linkcode MAX_OSD_ID}.
 *
 * @param value The decoded value (a number, or the decimal text of a 64-bit integer).
 * @param op The operation, for the message.
 * @returns The id.
 * @throws {ApiError} 400 `malformed_body` when out of range or not an integer.
 */
export function checkOsdId(value: number | string, op: string): number {
  const ok = typeof value === "number"
    ? Number.isSafeInteger(value) && value >= 0 && value <= MAX_OSD_ID
    : /^\d{1,10}$/.test(value) && Number(value) <= MAX_OSD_ID;
  if (!ok) {
    throw new ApiError(
      400,
      "malformed_body",
      `Cannot run ${op}: field "osd_id" must be an integer from 0 to ${MAX_OSD_ID}`,
    );
  }
  return Number(value);
}

/**
 * Finds an object key that appears twice in the same object of a JSON text (JSON.parse
 * keeps the last, so a body could say two things at once).
 *
 * @param text Valid JSON.
 * @returns The first duplicated key, or undefined.
 */
export function duplicateKey(text: string): string | undefined {
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{") {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === "[") {
      stack.push(null);
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      expectKey = false;
    } else if (ch === ",") {
      expectKey = stack.at(-1) != null;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const keys = stack.at(-1);
        if (keys?.has(key)) return key;
        keys?.add(key);
        expectKey = false;
      }
      i = j;
    }
  }
  return undefined;
}

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
    const osd = msg.osd_id as unknown;
    if (osd !== undefined && osd !== null) {
      // 64-bit fields may decode as numbers beyond 2^53, strings or Longs: range-check the
      // exact decimal value, the same bounds as the JSON codec.
      op.osd_id = checkOsdId(typeof osd === "number" ? osd : String(osd), expected);
    }
    if ((op.disk?.length ?? 0) > MAX_FIELD || (op.disk_identity?.length ?? 0) > MAX_FIELD) {
      throw new ApiError(400, "malformed_body", "Cannot run the request: a field is too long");
    }
    return op;
  }
  if (/^application\/json/i.test(ct)) {
    let raw: unknown;
    try {
      const text = await c.req.text();
      raw = JSON.parse(text);
      const dup = duplicateKey(text);
      if (dup !== undefined) {
        throw new ApiError(
          400,
          "malformed_body",
          `Cannot run ${expected}: field "${dup.slice(0, 64)}" appears twice in the JSON body`,
        );
      }
    } catch (err) {
      if (err instanceof ApiError) throw err;
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
