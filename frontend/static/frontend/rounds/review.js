// The review queue: one small map per contested cluster.
import { claimsMap } from "./map.js";

const config = JSON.parse(document.getElementById("page-config").textContent);

function start() {
  for (const element of document.querySelectorAll("[data-cluster-map]")) {
    const data = config.clusters[element.dataset.clusterMap];
    if (data) claimsMap(element, data, { palette: config.palette, strings: config.strings });
  }
}

if (window.L) start();
else window.addEventListener("load", start);
