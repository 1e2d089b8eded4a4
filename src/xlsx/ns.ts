/**
 * The namespaces and relationship types of an .xlsx package, in both of ECMA-376's forms:
 * Transitional (what Excel saves by default) and Strict (purl.oclc.org names, Excel's
 * "Strict Open XML Spreadsheet"). Readers accept either; parts added to a package use the form
 * of the part they are added to.
 */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const MAIN_NSS = [MAIN_NS, STRICT_MAIN_NS] as const;

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
export const REL_NSS = [REL_NS, STRICT_REL_NS] as const;

/** Package relationships and content types have one namespace in both forms. */
export const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** Whether a relationship type is `kind` ("worksheet", "styles" …) in either form. */
export function isRelType(type: string | undefined, kind: string): boolean {
  return type === `${REL_NS}/${kind}` || type === `${STRICT_REL_NS}/${kind}`;
}

/** The relationship type `kind` in the form (Strict or not) of `like`, another type of the same package. */
export function relType(kind: string, strict: boolean): string {
  return `${strict ? STRICT_REL_NS : REL_NS}/${kind}`;
}
