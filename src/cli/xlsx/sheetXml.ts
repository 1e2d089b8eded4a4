/** Moved to src/xlsx/sheetXml.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/sheetXml";
