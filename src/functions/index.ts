/**
 * The custom functions entry of the shared runtime (loaded by taskpane.html next to the task
 * pane). Importing each rule set's file is enough: the build appends the
 * `CustomFunctions.associate(id, fn)` calls to those files (custom-functions-metadata-plugin).
 */
import "./a";
import "./b";
import "./c";
import "./d";
import "./next";
import "./roster";
