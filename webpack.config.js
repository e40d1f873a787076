// Builds the add-in: one page (taskpane.html) that runs both the task pane and the custom
// functions (shared runtime), functions.js for Excel's CustomFunctions Script entry,
// functions.json generated from the JSDoc, the icons, and manifest.xml with the
// production URL in place of https://localhost:3000/.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { swedishParameterNames } = require("./scripts/webpack/swedishParameterNames");

const {
  checkedProductionUrl,
  productionManifest,
} = require("./scripts/webpack/productionManifest");

const URL_PROD = process.env.SCHEMAKOLL_URL || "https://app.schemakoll.se/";

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    // On Linux the tool installs its CA with sudo, which a container or CI machine may lack.
    // The certificates are generated before that step, so serve with them and say so.
    const fs = require("fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const files = [
      defaults.caCertificatePath,
      defaults.localhostKeyPath,
      defaults.localhostCertificatePath,
    ];
    if (!files.every((f) => fs.existsSync(f))) throw error;
    console.warn(
      `Varning: utvecklingscertifikatet kunde inte installeras som betrott (${error.message.split("\n")[0]}). ` +
        "Servern startar ändå; installera certifikatet med npx office-addin-dev-certs install där Excel körs.",
    );
    const [ca, key, cert] = files.map((f) => fs.readFileSync(f));
    return { ca, key, cert };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const productionUrl = dev ? null : checkedProductionUrl(URL_PROD);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      swedishParameterNames("functions.json"),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return productionUrl === null
                ? content
                : productionManifest(content.toString(), productionUrl);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          static: { directory: path.resolve(__dirname, "dist") },
        }
      : undefined,
  };
};
