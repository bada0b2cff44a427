/**
 * The web console: a small single-page app in plain JavaScript modules
 * (web/), served by every node on the admin API's listener, and the elkjs
 * layout engine it draws app graphs with. The page reaches the grid only
 * through the admin API, as the CLI does. Reference: docs/console.md.
 */
export { loadConsoleAssets, exampleKinds, CONSOLE_DIR } from './assets.ts'
export type { ConsoleAsset, ExampleKind } from './assets.ts'
