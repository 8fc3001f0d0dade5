import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/open-database.ts";
import { demoZones } from "../../src/db/seed/demo-zones.ts";
import { loadReferenceData, loadZones } from "../../src/db/seed/reference-data.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { adminUrlOf, templateDatabaseName } from "./postgres-urls.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templatePath: string;
    templateDatabase: string;
  }
}

/**
 * Migrates one template database per run (and loads the reference data), which each test file
 * then clones: PGlite from a dump of its data folder, PostgreSQL with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const settings = readTestSettings();
  if (settings.databaseUrl) {
    const template = templateDatabaseName();
    const adminUrl = adminUrlOf(settings.databaseUrl);
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const handle = await openDatabase({
      kind: "postgres",
      url: databaseUrlWithName(settings.databaseUrl, template),
    });
    await handle.migrate();
    await loadReferenceData(handle.db);
    await loadZones(handle.db, "09", demoZones);
    await handle.close();
    project.provide("templateDatabase", template);
    project.provide("templatePath", "");
    return async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${template} with (force)`);
      await cleanup.end();
    };
  }
  const handle = await openDatabase({ kind: "pglite" });
  await handle.migrate();
  await loadReferenceData(handle.db);
  await loadZones(handle.db, "09", demoZones);
  const dump = await handle.dumpDataDir?.();
  await handle.close();
  if (!dump) throw new Error("PGlite dump unavailable");
  const folder = path.resolve(".sirmi-test");
  fs.mkdirSync(folder, { recursive: true });
  const templatePath = path.join(folder, `template-${process.pid}.tar`);
  fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide("templatePath", templatePath);
  project.provide("templateDatabase", "");
  return () => fs.rmSync(templatePath, { force: true });
}

function databaseUrlWithName(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
