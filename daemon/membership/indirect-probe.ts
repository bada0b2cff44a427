import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { readFrame, writeFrame, readExactly, type Transport } from '../network/index.ts'

/** Protocol by which one node asks another to check on a third (SWIM's indirect probe). */
export const PROBE_PROTOCOL = '/trellis/probe/1'
const MAX_REQUEST_BYTES = 256
const ALIVE = 1
const NO_ANSWER = 0

/** Checks whether a peer answers directly; resolves true or false, never rejects. */
export type Pinger = (peer: string, timeoutMs: number) => Promise<boolean>

/**
 * Answers indirect probe requests: reads the target's id, pings it with
 * `ping`, answers one byte. A peer that asks too much or sends garbage gets
 * its stream closed.
 */
export function serveProbes (components: { transport: Transport, ping: Pinger, logger: Logger }, init: { timeoutMs: number }): void {
  components.transport.handle(PROBE_PROTOCOL, (stream, from) => {
    stream.on('error', () => {})
    void (async () => {
      try {
        const target = (await readFrame(stream, MAX_REQUEST_BYTES, init.timeoutMs)).toString('utf8')
        const alive = await components.ping(target, init.timeoutMs)
        stream.end(Buffer.from([alive ? ALIVE : NO_ANSWER]))
      } catch (err) {
        components.logger.debug({ err, from }, 'probe request refused')
        stream.destroy()
      }
    })()
  })
}

/** Asks `helper` whether it can reach `target`; false on any failure. */
export async function askHelper (transport: Transport, helper: string, target: string, timeoutMs: number): Promise<boolean> {
  let stream: Duplex | undefined
  try {
    stream = await transport.dial(helper, PROBE_PROTOCOL, { signal: AbortSignal.timeout(timeoutMs) })
    stream.on('error', () => {})
    writeFrame(stream, Buffer.from(target))
    const [answer] = await readExactly(stream, 1, timeoutMs * 2)
    return answer === ALIVE
  } catch {
    return false
  } finally {
    stream?.destroy()
  }
}
