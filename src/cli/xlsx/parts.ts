/** Moved to src/xlsx/parts.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/parts";
