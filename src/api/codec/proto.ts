/**
 * The protobuf codec of the disk-manager: the static code generated from proto/bynar.proto
 * (proto/generated/, `deno task gen`) and encode/decode helpers for the messages the API uses.
 *
 * Field names are kept exactly as in the .proto file (`keepCase`), so the JSON form of
 * every message uses the same snake_case names as the protobuf schema.
 *
 * @module
 */
import type protobuf from "protobufjs";
import { ParseError } from "../../errors.ts";
// Generated from proto/bynar.proto by `deno task gen` (protobufjs static code, no reflection).
// @ts-types="../../../proto/generated/bynar.d.ts"
import { ceph_disk } from "../../../proto/generated/bynar.js";

/** One generated message class, seen through what the codec calls. */
export interface WireType {
  /** The message name, e.g. `Operation`. */
  readonly name: string;
  /**
   * Verifies a plain object against the message.
   *
   * @param message The object.
   * @returns Null when valid, else the reason.
   */
  verify(message: { [k: string]: unknown }): string | null;
  /**
   * Converts a JSON-form object (enum names, numbers) into a message.
   *
   * @param object The object.
   * @returns The message.
   */
  fromObject(object: { [k: string]: unknown }): object;
  /**
   * Encodes a message.
   *
   * @param message The message.
   * @returns The writer (call `finish()`).
   */
  encode(message: object): protobuf.Writer;
  /**
   * Decodes bytes into a message.
   *
   * @param bytes The encoded message.
   * @returns The message.
   * @throws {Error} When the bytes are truncated, garbage or miss a required field.
   */
  decode(bytes: Uint8Array): object;
  /**
   * Converts a message into a plain object.
   *
   * @param message The message.
   * @param options Conversion options.
   * @returns The plain object.
   */
  toObject(message: object, options?: protobuf.IConversionOptions): { [k: string]: unknown };
}

/** The protobuf message types used on the wire (generated static code). */
export interface ProtoTypes {
  /** `ceph_disk.Operation`. */
  Operation: WireType;
  /** `ceph_disk.OpOutcomeResult`. */
  OpOutcomeResult: WireType;
  /** `ceph_disk.Disks`. */
  Disks: WireType;
  /** `ceph_disk.OpJiraTicketsResult`. */
  OpJiraTicketsResult: WireType;
  /** `ceph_disk.OperationStatus`. */
  OperationStatus: WireType;
  /** `ceph_disk.OperationList`. */
  OperationList: WireType;
}

const TYPES: ProtoTypes = {
  Operation: ceph_disk.Operation as unknown as WireType,
  OpOutcomeResult: ceph_disk.OpOutcomeResult as unknown as WireType,
  Disks: ceph_disk.Disks as unknown as WireType,
  OpJiraTicketsResult: ceph_disk.OpJiraTicketsResult as unknown as WireType,
  OperationStatus: ceph_disk.OperationStatus as unknown as WireType,
  OperationList: ceph_disk.OperationList as unknown as WireType,
};

/**
 * Returns the message types (the generated static code: nothing is parsed at run time).
 *
 * @returns The message types.
 */
export function protoTypes(): ProtoTypes {
  return TYPES;
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
export function encodeMessage(type: WireType, value: object): Uint8Array {
  const msg = type.fromObject(value as Record<string, unknown>);
  const problem = type.verify(msg as { [k: string]: unknown });
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
export function decodeMessage(type: WireType, bytes: Uint8Array): Record<string, unknown> {
  try {
    const msg = type.decode(bytes);
    return type.toObject(msg, TO_OBJECT);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ParseError(`Cannot decode ${type.name}: ${reason}`, { cause: err });
  }
}
