/**
 * Fails when a hand-written source file is longer than the limit (default 400 lines): split it
 * by use case. Tests, generated files and migrations are not counted.
 * Usage: npx tsx scripts/check-file-length.ts [--max 400]
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const maxIndex = process.argv.indexOf("--max");
const maxLines = maxIndex > 0 ? Number(process.argv[maxIndex + 1]) : 400;
if (!Number.isInteger(maxLines) || maxLines < 1) throw new Error("--max vuole un numero intero positivo");

const counted = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const notCounted = [/\.test\.tsx?$/, /\.generated\./, /^src\/db\/migrations\//];

/** Tracked files and new ones not ignored, so that a file is checked before its first commit. */
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => counted.test(file) && !notCounted.some((pattern) => pattern.test(file)));

const tooLong = files
  .map((file) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return { file, lines: 0 }; // deleted from the work tree, not yet from the index
    }
    return { file, lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0) };
  })
  .filter(({ lines }) => lines > maxLines)
  .sort((a, b) => b.lines - a.lines);

for (const { file, lines } of tooLong)
  process.stderr.write(`${file}: ${lines} righe (massimo ${maxLines})\n`);
process.stdout.write(
  tooLong.length === 0
    ? `Lunghezza dei file: ${files.length} file, nessuno oltre ${maxLines} righe.\n`
    : `Lunghezza dei file: ${tooLong.length} file oltre ${maxLines} righe.\n`,
);
process.exitCode = tooLong.length === 0 ? 0 : 1;
