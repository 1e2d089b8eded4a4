/** Moved to src/xlsx/xml.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/xml";
