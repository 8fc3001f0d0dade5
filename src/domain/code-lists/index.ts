export {
  type CodeList,
  type CodeListEntry,
  type CodeOf,
  codesOf,
  entryOf,
  isCodeOf,
  labelOf,
} from "./code-list.ts";
export * from "./interchange-codes.ts";
export * from "./sinba-codes.ts";
export * from "./structure-codes.ts";
