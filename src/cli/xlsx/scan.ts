/** Moved to src/xlsx/scan.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/scan";
