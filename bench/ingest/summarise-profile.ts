/**
 * The functions of a .cpuprofile by self time, then by inclusive time.
 * Run: npx tsx bench/ingest/summarise-profile.ts file.cpuprofile [top=30]
 */
import { readFileSync } from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
const [file, topArgument] = process.argv.slice(2);
const top = Number(topArgument ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const sampled = new Map<number, number>();
profile.samples.forEach((id, index) => {
  sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const nameOf = ({ callFrame }: Node) =>
  `${callFrame.functionName || "(anonymous)"} ${callFrame.url.split("/").at(-1)}:${callFrame.lineNumber + 1}`;
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const time = sampled.get(node.id) ?? 0;
  total += time;
  self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + time);
  const seen = new Set<string>();
  for (let at: number | undefined = node.id; at !== undefined; at = parentOf.get(at)) {
    const name = nameOf(byId.get(at) as Node);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
}
const print = (title: string, map: Map<string, number>) => {
  console.log(title);
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${(time / 1000).toFixed(0).padStart(7)} ms ${((100 * time) / total).toFixed(1).padStart(5)}%  ${name}`,
    );
};
console.log(`sampled ${(total / 1000).toFixed(0)} ms`);
print("by self time", self);
print("by inclusive time", inclusive);
