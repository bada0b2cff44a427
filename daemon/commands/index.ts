/**
 * The commands that make a data dir part of a grid before the node runs:
 * `trellisd init`, `join` and `recover`, and the files they leave (grid.key,
 * grid.json, the join token's format).
 */
export { initGrid } from './init.ts'
export { joinGrid, readJoinToken } from './join.ts'
export type { JoinTokenSource } from './join.ts'
export { recoverGrid } from './recover.ts'
export { encodeJoinToken, decodeJoinToken } from './token.ts'
export type { JoinSecrets } from './token.ts'
export { loadGridConfig, saveGridConfig, inGrid, GRID_KEY_FILE, GRID_CONFIG_FILE, JOIN_TOKEN_FILE, DEFAULT_MESH_PORT } from './grid-config.ts'
export type { GridConfig } from './grid-config.ts'
export { JoinTokenInvalidError, AlreadyInGridError, GridConfigInvalidError } from './errors.ts'
