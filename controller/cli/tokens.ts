/** `trellis token create|list|revoke`: API tokens every node of the grid accepts. */
import type { TrellisClient } from '../client/index.ts'
import type { Format, Output } from './commands.ts'
import { table } from './format.ts'

/** Creates a token and prints its secret: the only time anyone sees it. */
export async function tokenCreate (client: TrellisClient, out: Output, name: string, readOnly: boolean, format: Format): Promise<number> {
  const t = await client.createToken(name, readOnly ? 'read-only' : 'admin')
  if (format === 'json') { out.write(JSON.stringify(t, null, 2)); return 0 }
  out.write([
    t.token,
    `token ${t.name} (${t.role}) created; every node accepts it. It is shown this once: keep it in a file (mode 0600)`,
    'and use it with trellis --token-file FILE --api http://NODE:7420, or revoke it with trellis token revoke ' + t.name
  ].join('\n'))
  return 0
}

export async function tokenList (client: TrellisClient, out: Output, format: Format): Promise<number> {
  const tokens = await client.tokens()
  if (format === 'json') { out.write(JSON.stringify(tokens, null, 2)); return 0 }
  if (tokens.length === 0) { out.write('no grid tokens (each node\'s own admin.token still works on that node)'); return 0 }
  out.write(table(['NAME', 'ROLE', 'CREATED AT INDEX'], tokens.map(t => [t.name, t.role, String(t.createdIndex)])))
  return 0
}

export async function tokenRevoke (client: TrellisClient, out: Output, name: string, format: Format): Promise<number> {
  const r = await client.revokeToken(name)
  if (format === 'json') { out.write(JSON.stringify(r, null, 2)); return 0 }
  out.write(r.revoked ? `token ${name} revoked: no node accepts it any more` : `no token ${name}`)
  return r.revoked ? 0 : 1
}
