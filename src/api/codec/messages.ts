/**
 * The JSON form of the wire messages (same field names as proto/bynar.proto).
 *
 * @module
 */

/** `ResultType`. */
export type ResultType = "OK" | "ERR";
/** `OpOutcome`. */
export type OpOutcomeName = "Success" | "Skipped" | "SkipRepeat";
/** `Op`. */
export type OpName =
  | "Add"
  | "AddPartition"
  | "List"
  | "Remove"
  | "SafeToRemove"
  | "GetCreatedTickets"
  | "GetOperation";
/** `OperationState`. */
export type OperationStateName = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED";

/** `PlanStep`. */
export interface PlanStepMsg {
  /** Step name. */
  name: string;
  /** What it does. */
  description?: string;
  /** Commands it sends. */
  commands?: string[];
  /** Expected wait in seconds. */
  expected_wait_seconds?: number;
}

/** `OpOutcomeResult` (extended). */
export interface OpOutcomeResultMsg {
  /** OK or ERR. */
  result: ResultType;
  /** Outcome when OK. */
  outcome?: OpOutcomeName;
  /** Boolean value (safe-to-remove). */
  value?: boolean;
  /** Error text when ERR. */
  error_msg?: string;
  /** Human explanation. */
  message?: string;
  /** OSD id. */
  osd_id?: number;
  /** Long operation id. */
  operation_id?: string;
  /** Plan. */
  plan?: PlanStepMsg[];
  /** HTTP status of an error. */
  status?: number;
  /** Problem type of an error. */
  error_type?: string;
}

/** `DiskIdentity`. */
export interface DiskIdentityMsg {
  /** `wwn:…`/`serial:…`/`path:…`/`loop:…` key. */
  key: string;
  /** Serial. */
  serial?: string;
  /** WWN. */
  wwn?: string;
  /** Model. */
  model?: string;
}

/** `ClusterRole`. */
export interface ClusterRoleMsg {
  /** osd, journal, system or none. */
  kind: string;
  /** OSD id. */
  osd_id?: number;
  /** OSD up. */
  up?: boolean;
  /** OSD in. */
  is_in?: boolean;
  /** OSD destroyed. */
  destroyed?: boolean;
}

/** `Partition`. */
export interface PartitionMsg {
  /** Partition GUID ("" when unknown). */
  uuid: string;
  /** First LBA. */
  first_lba: number;
  /** Last LBA. */
  last_lba: number;
  /** Flags. */
  flags: number;
  /** Name. */
  name?: string;
}

/** `Disk` (extended). */
export interface DiskMsg {
  /** DiskType name. */
  type: string;
  /** Device path. */
  dev_path: string;
  /** Partitions. */
  partitions: { partition: PartitionMsg[] };
  /** Serial. */
  serial_number?: string;
  /** Identity. */
  identity?: DiskIdentityMsg;
  /** Health/repair state. */
  state?: string;
  /** Cluster role. */
  role?: ClusterRoleMsg;
  /** Size in bytes. */
  size_bytes?: number;
}

/** `Disks`. */
export interface DisksMsg {
  /** The disks. */
  disk: DiskMsg[];
}

/** `JiraInfo`. */
export interface JiraInfoMsg {
  /** Ticket id. */
  ticket_id: string;
  /** Host name. */
  server_name: string;
}

/** `OpJiraTicketsResult`. */
export interface OpJiraTicketsResultMsg {
  /** OK or ERR. */
  result: ResultType;
  /** Tickets. */
  tickets: JiraInfoMsg[];
  /** Error text. */
  error_msg?: string;
}

/** `OperationStatus`. */
export interface OperationStatusMsg {
  /** Operation id. */
  id: string;
  /** Operation kind. */
  op: OpName;
  /** Device path. */
  disk: string;
  /** Identity named in the request. */
  disk_identity?: string;
  /** State. */
  state: OperationStateName;
  /** Simulated. */
  simulate?: boolean;
  /** Result once finished. */
  result?: OpOutcomeResultMsg;
  /** Current step. */
  step?: string;
  /** Current message. */
  message?: string;
  /** Percent done. */
  percent?: number;
  /** Created (RFC 3339). */
  created_at?: string;
  /** Updated (RFC 3339). */
  updated_at?: string;
  /** Token subject that started it. */
  requested_by?: string;
}

/** `Operation` (request). */
export interface OperationMsg {
  /** Operation kind. */
  Op_type: OpName;
  /** Device path. */
  disk?: string;
  /** Simulate. */
  simulate?: boolean;
  /** OSD id for add. */
  osd_id?: number;
  /** Serial/WWN/key. */
  disk_identity?: string;
  /** Operation id for GetOperation. */
  operation_id?: string;
}
