/** Moved to src/xlsx/chartParts.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/chartParts";
