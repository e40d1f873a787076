// Excel shows a custom function's parameter names in the formula tooltip. JavaScript names
// are ASCII (manad, omrade); coordinators read Swedish (månad, område). This webpack plugin
// rewrites the names in the generated functions.json after custom-functions-metadata-plugin
// has written it. Only display names change: Excel passes arguments by position.
const { Compilation, sources } = require("webpack");

const DISPLAY_NAMES = {
  manad: "månad",
  omrade: "område",
  senaste_mote: "senaste_möte",
};

function renameParameters(metadata) {
  for (const fn of metadata.functions) {
    for (const parameter of fn.parameters || []) {
      parameter.name = DISPLAY_NAMES[parameter.name] || parameter.name;
    }
  }
  return metadata;
}

function swedishParameterNames(assetName) {
  return {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap("SwedishParameterNames", (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: "SwedishParameterNames", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
          () => {
            const asset = compilation.getAsset(assetName);
            if (!asset) return;
            const metadata = renameParameters(JSON.parse(asset.source.source().toString()));
            compilation.updateAsset(
              assetName,
              new sources.RawSource(JSON.stringify(metadata, null, 2)),
            );
          },
        );
      });
    },
  };
}

module.exports = { swedishParameterNames, renameParameters, DISPLAY_NAMES };
