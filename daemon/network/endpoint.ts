/** Where a connection to an input terminal goes: one instance's input, on some node. */
export interface Endpoint {
  node: string
  instance: string
  terminal: string
}

/** Host and port of a TCP listener. */
export interface Address {
  host: string
  port: number
}

export function formatAddress (a: Address): string {
  return a.host.includes(':') ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`
}
