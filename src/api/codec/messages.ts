/**
 * The JSON form of the wire messages (same field names as proto/bynar.proto), GENERATED from
 * the schema into proto/generated/bynar_json.ts by `deno task gen` — never written by hand.
 * The names below are the API's vocabulary for them.
 *
 * @module
 */
export type {
  ClusterRoleMsg,
  DiskIdentityMsg,
  DiskMsg,
  DisksMsg,
  DiskTypeName,
  JiraInfoMsg,
  OperationMsg,
  OperationStateName,
  OperationStatusMsg,
  OpJiraTicketsResultMsg,
  OpName,
  OpOutcomeName,
  OpOutcomeResultMsg,
  PartitionInfoMsg,
  PartitionMsg,
  PlanStepMsg,
  ResultTypeName as ResultType,
} from "../../../proto/generated/bynar_json.ts";
