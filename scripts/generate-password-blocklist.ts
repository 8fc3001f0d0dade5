/**
 * Writes src/server/features/access/password-blocklist.txt, the bundled list of common and
 * breached passwords refused by the password policy, from the npm package
 * `@zxcvbn-ts/language-common` (MIT licence, a dev dependency: the product reads only the text
 * file). Its `passwords.json` is the frequency-ordered list of passwords most seen in public
 * breaches that zxcvbn ships; the first 10,000 distinct lower-case entries are kept.
 *
 *   npx tsx scripts/generate-password-blocklist.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const source = require.resolve("@zxcvbn-ts/language-common/package.json");
const passwords = JSON.parse(
  readFileSync(path.join(path.dirname(source), "src/passwords.json"), "utf8"),
) as string[];
const version = (JSON.parse(readFileSync(source, "utf8")) as { version: string }).version;

const kept: string[] = [];
const seen = new Set<string>();
for (const entry of passwords) {
  const lower = entry.toLowerCase();
  if (seen.has(lower) || lower.length < 4) continue;
  seen.add(lower);
  kept.push(lower);
  if (kept.length === 10_000) break;
}

const header = [
  "# Common and breached passwords refused by S.I.R.MI's password policy (one per line, lower case).",
  `# Source: @zxcvbn-ts/language-common ${version}, src/passwords.json (MIT licence,`,
  "# Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; (c) 2021 @zxcvbn-ts): the first",
  "# 10,000 distinct entries of at least 4 characters, in order of frequency in public breaches.",
  "# Regenerate with: npx tsx scripts/generate-password-blocklist.ts",
];
const target = path.resolve(import.meta.dirname, "../src/server/features/access/password-blocklist.txt");
writeFileSync(target, `${[...header, ...kept].join("\n")}\n`);
process.stdout.write(`${kept.length} passwords written to ${target}\n`);
