/** Moved to src/xlsx/ns.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/ns";
