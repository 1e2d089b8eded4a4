/**
 * Which Office host the pane runs in. `useOfficeHost()` → { host, inExcel }: host is
 * Office.HostType (e.g. "Excel") or null when the page is opened outside Office (a plain
 * browser, tests). Pages that call Excel.run should check `inExcel` and say so otherwise.
 */
import * as React from "react";

export interface OfficeHostState {
  host: string | null;
  inExcel: boolean;
}

const HostContext = React.createContext<OfficeHostState>({ host: null, inExcel: false });

export function OfficeHostProvider(props: {
  host: string | null;
  children?: React.ReactNode;
}): React.JSX.Element {
  const value = React.useMemo(
    () => ({ host: props.host, inExcel: props.host === "Excel" }),
    [props.host]
  );
  return <HostContext.Provider value={value}>{props.children}</HostContext.Provider>;
}

export function useOfficeHost(): OfficeHostState {
  return React.useContext(HostContext);
}
