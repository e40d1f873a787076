// The manifest carries https://localhost:3000/ while developing; a production build replaces
// every occurrence with the production address (SCHEMAKOLL_URL), which must be https and end
// with "/".
const URL_DEV = "https://localhost:3000/";

function checkedProductionUrl(url) {
  if (!/^https:\/\/[^/\s]+\/([^\s]*\/)?$/.test(url)) {
    throw new Error(`SCHEMAKOLL_URL måste vara en https-adress som slutar med "/": ${url}`);
  }
  return url;
}

function productionManifest(xml, url) {
  return xml.split(URL_DEV).join(checkedProductionUrl(url));
}

module.exports = { URL_DEV, checkedProductionUrl, productionManifest };
