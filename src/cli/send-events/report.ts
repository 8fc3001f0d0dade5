import type { SendSummary } from "./client.ts";

/** Per-line problems for standard output: unreadable lines and rejected events, in file order. */
export function rejectionLines(summary: SendSummary): string[] {
  const entries = [
    ...summary.unreadable.map((item) => ({ line: item.line, text: `riga ${item.line}: ${item.message}` })),
    ...summary.rejections.map((item) => ({
      line: item.line,
      text: `riga ${item.line} (${item.id || "senza id"})${item.previously ? " già respinto" : ""}: ${item.code} ${item.path || "/"}: ${item.message}`,
    })),
  ];
  return entries.sort((a, b) => a.line - b.line).map((entry) => entry.text);
}

export function totalsLine(summary: SendSummary): string {
  const unreadable =
    summary.unreadable.length > 0 ? `, ${summary.unreadable.length} righe non leggibili` : "";
  return `Totale: ${summary.accepted} accettati, ${summary.duplicate} duplicati, ${summary.rejected} respinti${unreadable}.`;
}

/** 0 when every line was accepted (or a duplicate of an accepted event), 3 otherwise. */
export function exitCodeOf(summary: SendSummary): 0 | 3 {
  return summary.rejections.length > 0 || summary.unreadable.length > 0 ? 3 : 0;
}
