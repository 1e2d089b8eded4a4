/** Moved to src/xlsx/definedNames.ts (shared with the offline page); kept here for the CLI's imports. */
export * from "../../xlsx/definedNames";
