// The designer's browser module: one file a verb would be overkill at this size; each export is one small call
// from DesignerScripts.cs. File texts go over HTTP (GET/PUT /designer/files/{code}/{path}), never over the circuit.
export { focusProperty } from "./focus";
export { mountText, lintText, unmountText } from "./text-view";
