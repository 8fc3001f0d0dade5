export * from "./access.schema.ts";
export * from "./break-glass.schema.ts";
export * from "./cases.schema.ts";
export * from "./events.schema.ts";
export * from "./reference.schema.ts";
export * from "./registry.schema.ts";
export * from "./stays.schema.ts";
export * from "./structures.schema.ts";
