/** Moved to src/xlsx/chartXml.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/chartXml";
