/** Moved to src/xlsx/detect.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/detect";
