/** Moved to src/xlsx/styles.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/styles";
