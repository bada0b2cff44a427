/**
 * The YAML library (the `yaml` package's browser build, served by the node
 * under /console/yaml/), loaded on first use: only the editor needs it, and
 * it is some seventy small modules.
 */

/** @typedef {typeof import('/console/yaml/index.js')} Yaml */

/** @type {Promise<Yaml> | undefined} */
let loading

/** @returns {Promise<Yaml>} */
export function loadYaml () {
  loading ??= import('/console/yaml/index.js').catch((err) => { loading = undefined; throw err })
  return loading
}
