/** The SINBA national record: built from a case as known at a moment, pure. */
export { ageBandOf, monthYear, sinbaCasePartLabels, sinbaFieldLabels } from "./sinba-fields.ts";
export { buildSinbaRecord, reportedEpisode } from "./sinba-record.ts";
export {
  type SinbaCasePart,
  type SinbaField,
  type SinbaMissingField,
  type SinbaPlacement,
  type SinbaRecord,
  type SinbaRecordInput,
  type SinbaRecordResult,
  sinbaAttributeOrder,
} from "./sinba-record.types.ts";
