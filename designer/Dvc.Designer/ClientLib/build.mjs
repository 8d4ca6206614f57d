// Bundles src/index.ts into the designer's wwwroot/dist as one ES module (run by the MSBuild target ClientLibBuild).
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  outfile: "../wwwroot/dist/dvc-designer.js",
  logLevel: "warning",
});
