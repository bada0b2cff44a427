/**
 * The session cookie on the wire (RFC 6265). Only what the console needs:
 * read one cookie from a Cookie header, write the session cookie.
 */

/** The value of cookie `name` in a Cookie header; undefined when absent or empty. */
export function readCookie (header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=')
    if (eq < 0) continue
    if (pair.slice(0, eq).trim() !== name) continue
    const value = pair.slice(eq + 1).trim()
    return value === '' ? undefined : value
  }
  return undefined
}

/**
 * The Set-Cookie value for a session id: HttpOnly so page scripts never see
 * it, SameSite=Strict so other sites' pages never send it, no Max-Age so it
 * ends with the browser (the node ends it sooner). Not Secure: the API speaks
 * plain HTTP on loopback; reach it through an SSH tunnel (docs/console.md).
 * An empty id clears the cookie.
 */
export function sessionCookie (name: string, id: string): string {
  const base = `${name}=${id}; Path=/; HttpOnly; SameSite=Strict`
  return id === '' ? `${base}; Max-Age=0` : base
}
