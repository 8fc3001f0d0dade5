import { type CodeList, labelOf } from "../../../domain/code-lists/code-list.ts";
import {
  authorisationStatuses,
  istatCharacters,
  istatFunctions,
  legalNatures,
  nationalStructureTypes,
  structureStatuses,
  targetSexes,
} from "../../../domain/code-lists/structure-codes.ts";
import type { Option } from "../../components/form-fields.tsx";

export const codeLists = {
  nationalType: nationalStructureTypes,
  istatCharacter: istatCharacters,
  istatFunction: istatFunctions,
  legalNature: legalNatures,
  authorisationStatus: authorisationStatuses,
  structureStatus: structureStatuses,
  targetSex: targetSexes,
} as const satisfies Record<string, CodeList>;

export type CodeListName = keyof typeof codeLists;

/** The Italian label of a code, or the code itself when the list does not know it. */
export function codeLabel(list: CodeListName, code: string | null | undefined): string {
  if (!code) return "";
  return labelOf(codeLists[list], code) ?? code;
}

export function optionsOf(list: CodeListName): Option[] {
  return codeLists[list].map((entry) => ({ value: entry.code, label: entry.label }));
}
