/**
 * The executor's wire protocol: the small, typed set of operations the network-facing
 * front may ask of the privileged executor over its local unix socket.
 *
 * One request per connection: a single line of JSON (at most {@linkcode MAX_MESSAGE_BYTES}),
 * answered by a single line of JSON. Anything that does not parse against
 * {@linkcode ExecutorRequestSchema} (unknown operation, unknown field, a path outside
 * `/dev/`) is refused before the backend sees it.
 *
 * @module
 */
import { z } from "zod";

/** Largest request or response line, in bytes (a disk list of a large host fits). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Largest request line, in bytes: requests are tiny. */
export const MAX_REQUEST_BYTES = 16 * 1024;

/** The operations the executor accepts, and nothing else. */
export const EXECUTOR_OPERATIONS = [
  "inventory",
  "list_disks",
  "status",
  "safe_to_remove",
  "remove",
  "add",
] as const;

/** One operation name. */
export type ExecutorOperation = typeof EXECUTOR_OPERATIONS[number];

const DiskRefSchema = z.strictObject({
  path: z.string().max(256).regex(/^\/dev\/[A-Za-z0-9._:/+-]+$/, "must be a path under /dev/")
    .refine((p) => !p.split("/").includes(".."), "must not contain '..'"),
  identity: z.string().min(1).max(256).optional(),
  osdId: z.number().int().min(0).max(1_000_000).optional(),
});

const MutateSchema = {
  disk: DiskRefSchema,
  simulate: z.boolean(),
  osdId: z.number().int().min(0).max(1_000_000).optional(),
};

/** A request, as validated by the executor. */
export const ExecutorRequestSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("inventory") }),
  z.strictObject({ op: z.literal("list_disks") }),
  z.strictObject({ op: z.literal("status") }),
  z.strictObject({ op: z.literal("safe_to_remove"), disk: DiskRefSchema }),
  z.strictObject({ op: z.literal("remove"), ...MutateSchema }),
  z.strictObject({ op: z.literal("add"), ...MutateSchema }),
]);

/** A validated request. */
export type ExecutorRequest = z.infer<typeof ExecutorRequestSchema>;

/** Why the executor refused or failed a request: an HTTP-like status and a stable code. */
export interface ExecutorError {
  /** 400 bad request, 403 refused, 409 busy, 4xx/5xx as the API would answer. */
  status: number;
  /** Stable code, e.g. `unknown_operation`, `executor_refused`, `backend_failed`. */
  code: string;
  /** What failed, on which device, what to do (never echoes request or file content). */
  message: string;
}

/** A response line. */
export type ExecutorResponse = { ok: true; result: unknown } | { ok: false; error: ExecutorError };

/** The response schema (the front validates what comes back too). */
export const ExecutorResponseSchema: z.ZodType<ExecutorResponse> = z.union([
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({
      status: z.number().int().min(400).max(599),
      code: z.string().max(64),
      message: z.string().max(4096),
    }),
  }),
]) as z.ZodType<ExecutorResponse>;

/**
 * Parses one request line.
 *
 * @param line The line, without its newline.
 * @returns The request, or an error response naming what was wrong (never echoing the
 *   input).
 */
export function parseExecutorRequest(
  line: string,
): { request: ExecutorRequest } | { error: ExecutorResponse } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return bad("bad_request", "the request is not one line of JSON");
  }
  const op = typeof raw === "object" && raw !== null ? (raw as { op?: unknown }).op : undefined;
  if (typeof op !== "string" || !(EXECUTOR_OPERATIONS as readonly string[]).includes(op)) {
    return bad(
      "unknown_operation",
      `the executor accepts only the operations ${EXECUTOR_OPERATIONS.join(", ")}`,
    );
  }
  const parsed = ExecutorRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.map(String).join(".") : "";
    return bad(
      "bad_request",
      `invalid "${op}" request: ${field ? `field "${field}" ` : ""}${issue?.message ?? "invalid"}`,
    );
  }
  return { request: parsed.data };
}

function bad(code: string, message: string): { error: ExecutorResponse } {
  return { error: { ok: false, error: { status: 400, code, message } } };
}
