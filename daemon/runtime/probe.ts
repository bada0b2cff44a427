import { connect } from 'node:net'
import { deadline } from '../network/deadline.ts'
import { http } from '../node-http.ts'
import type { ProbeResult } from './health.ts'
import type { HealthCheck } from './types.ts'

/**
 * Runs one health probe over a real socket. The timeout is wall-clock time
 * on purpose: it measures the instance, not the supervisor's clock. Never
 * rejects; every failure is a result with a reason.
 */
export async function probe (check: HealthCheck): Promise<ProbeResult> {
  return check.kind === 'http' ? await probeHttp(check) : await probeTcp(check)
}

async function probeTcp (check: HealthCheck): Promise<ProbeResult> {
  return await new Promise(resolve => {
    const socket = connect({ host: check.host, port: check.port })
    const done = (result: ProbeResult): void => { socket.destroy(); resolve(result) }
    socket.setTimeout(check.timeoutMs, () => done({ ok: false, error: `no connection within ${check.timeoutMs} ms` }))
    socket.once('connect', () => done({ ok: true }))
    socket.once('error', (err) => done({ ok: false, error: err.message }))
  })
}

async function probeHttp (check: HealthCheck): Promise<ProbeResult> {
  return await new Promise(resolve => {
    let settled = false
    // Cleared with the probe, so a probe that answered wakes nobody when its time would have been up.
    const timeout = deadline(check.timeoutMs)
    const done = (result: ProbeResult): void => {
      if (settled) return
      settled = true
      timeout.clear()
      req.destroy()
      resolve(result)
    }
    const req = http.request({ host: check.host, port: check.port, path: check.path, method: 'GET', agent: false, signal: timeout.signal }, (res) => {
      res.resume()
      const status = res.statusCode ?? 0
      done(status >= 200 && status < 300 ? { ok: true } : { ok: false, error: `HTTP ${status}` })
    })
    // the signal bounds the whole exchange, not just idle time
    req.once('error', (err) => done({ ok: false, error: err.name === 'AbortError' ? `no answer within ${check.timeoutMs} ms` : err.message }))
    req.end()
  })
}
