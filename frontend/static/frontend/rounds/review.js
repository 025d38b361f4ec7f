// The review queue: one small map per contested cluster.
import { pageConfig } from "../lib/config.js";
import { claimsMap } from "./map.js";

const config = pageConfig();

function start() {
  for (const element of document.querySelectorAll("[data-cluster-map]")) {
    const data = config.clusters[element.dataset.clusterMap];
    if (data) claimsMap(element, data, { palette: config.palette, base: config.base });
  }
}

if (window.L) start();
else window.addEventListener("load", start);
