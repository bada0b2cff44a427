/**
 * node:http as `require` gives it. The namespace of an ESM `import … from
 * 'node:http'` is built by reading every export, and three of them
 * (WebSocket, CloseEvent, MessageEvent) are getters that load undici, http2
 * and web streams: about 2 MB of heap and the node binary's pages that hold
 * them, in every daemon, for code it never runs (docs/benchmarks.md, idle).
 * Type-only imports of node:http cost nothing and stay as they are.
 */
export const http = process.getBuiltinModule('node:http')
