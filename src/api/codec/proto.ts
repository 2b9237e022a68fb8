/**
 * The protobuf schema of the disk-manager (proto/bynar.proto), loaded lazily with
 * protobufjs, and typed encode/decode helpers for the messages the API uses.
 *
 * Field names are kept exactly as in the .proto file (`keepCase`), so the JSON form of
 * every message uses the same snake_case names as the protobuf schema.
 *
 * @module
 */
import protobuf from "protobufjs";
import { ParseError } from "../../errors.ts";
// Embedded at build time: works in bundles and `deno compile` binaries alike.
import PROTO_TEXT from "../../../proto/bynar.proto" with { type: "text" };

/** The protobuf message types used on the wire. */
export interface ProtoTypes {
  /** The parsed root (package `ceph_disk`). */
  root: protobuf.Root;
  /** `ceph_disk.Operation`. */
  Operation: protobuf.Type;
  /** `ceph_disk.OpOutcomeResult`. */
  OpOutcomeResult: protobuf.Type;
  /** `ceph_disk.Disks`. */
  Disks: protobuf.Type;
  /** `ceph_disk.OpJiraTicketsResult`. */
  OpJiraTicketsResult: protobuf.Type;
  /** `ceph_disk.OperationStatus`. */
  OperationStatus: protobuf.Type;
  /** `ceph_disk.OperationList`. */
  OperationList: protobuf.Type;
}

/** The schema text (proto/bynar.proto, embedded by the module graph). */
export const PROTO_SOURCE: string = PROTO_TEXT;

let cached: ProtoTypes | undefined;

/**
 * Returns the parsed schema (parsed once, on first use).
 *
 * @returns The message types.
 * @throws {ParseError} When proto/bynar.proto cannot be parsed.
 */
export function protoTypes(): ProtoTypes {
  if (cached) return cached;
  let root: protobuf.Root;
  try {
    root = protobuf.parse(PROTO_SOURCE, { keepCase: true }).root;
  } catch (err) {
    throw new ParseError(`Cannot parse the protobuf schema proto/bynar.proto: ${err}`, {
      cause: err,
    });
  }
  const t = (name: string): protobuf.Type => root.lookupType(`ceph_disk.${name}`);
  cached = {
    root,
    Operation: t("Operation"),
    OpOutcomeResult: t("OpOutcomeResult"),
    Disks: t("Disks"),
    OpJiraTicketsResult: t("OpJiraTicketsResult"),
    OperationStatus: t("OperationStatus"),
    OperationList: t("OperationList"),
  };
  return cached;
}

/** Conversion options: enums as names, 64-bit integers as numbers, defaults omitted. */
const TO_OBJECT: protobuf.IConversionOptions = {
  enums: String,
  longs: Number,
  arrays: true,
};

/**
 * Encodes a plain object (JSON form, enum names as strings) as a protobuf message.
 *
 * @param type The message type.
 * @param value The message in JSON form.
 * @returns The encoded bytes.
 * @throws {ParseError} When a required field is missing or a value has the wrong type.
 */
export function encodeMessage(type: protobuf.Type, value: object): Uint8Array {
  const msg = type.fromObject(value as Record<string, unknown>);
  const problem = type.verify(msg);
  if (problem) throw new ParseError(`Cannot encode ${type.name}: ${problem}`);
  return type.encode(msg).finish();
}

/**
 * Decodes protobuf bytes into the JSON form (enum names, numbers for 64-bit fields).
 *
 * @param type The message type.
 * @param bytes The encoded message.
 * @returns The message in JSON form.
 * @throws {ParseError} When the bytes are truncated, garbage or miss a required field.
 */
export function decodeMessage(type: protobuf.Type, bytes: Uint8Array): Record<string, unknown> {
  try {
    const msg = type.decode(bytes);
    return type.toObject(msg, TO_OBJECT);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ParseError(`Cannot decode ${type.name}: ${reason}`, { cause: err });
  }
}
