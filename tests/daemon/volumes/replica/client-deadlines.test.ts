import t from 'tap'
import type { Test } from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { LoopbackNetwork, LoopbackTransport, readFrames } from '../../../../daemon/network/index.ts'
import { ReplicaClient } from '../../../../daemon/volumes/replica/client.ts'
import { MAX_FRAME, Op, REPLICA_PROTOCOL_2, decodeRequest, encodeGeometry, framedResponse } from '../../../../daemon/volumes/replica/wire.ts'
import { KiB, MiB, VOLUME, logger } from './helpers.ts'

const TIMEOUT_MS = 300

/** A client of node b, whose replica answers only its first `answers` requests (the hello among them) and swallows the rest, as a disk that hung would. */
async function halfDeadReplica (t: Test, answers: number): Promise<ReplicaClient> {
  const network = new LoopbackNetwork()
  const a = new LoopbackTransport({ network }, { nodeId: 'a' })
  const b = new LoopbackTransport({ network }, { nodeId: 'b' })
  let answered = 0
  b.handle(REPLICA_PROTOCOL_2, stream => {
    stream.on('error', () => {})
    readFrames(stream, MAX_FRAME, payload => {
      const req = decodeRequest(payload, 2)
      if (answered++ >= answers) return
      const body = req.op === Op.hello ? encodeGeometry({ size: 16 * MiB, minBlockSize: 4 * KiB, preferredBlockSize: 4 * KiB }) : Buffer.alloc(0)
      stream.write(framedResponse({ id: req.id, error: '', generation: 1, payload: body }))
    }).catch(() => {})
  })
  const client = new ReplicaClient({ transport: a, logger }, { node: 'b', volume: VOLUME, generation: 1, timeoutMs: TIMEOUT_MS })
  t.teardown(async () => { await client.close(); await a.close(); await b.close() })
  return client
}

const write = (offset: number): Parameters<ReplicaClient['request']>[0] => ({ op: Op.write, generation: 1, offset, payload: Buffer.alloc(4 * KiB, 7) })

t.test('a request times out at its own deadline, not at that of a request answered before it', async t => {
  const client = await halfDeadReplica(t, 2)
  // The hello and this write are answered; the deadline timer armed for the hello is still running.
  await client.request(write(0))
  await sleep(TIMEOUT_MS / 2)
  const sent = performance.now()
  await t.rejects(client.request(write(4 * KiB)), { code: 'ERR_REPLICA_TIMEOUT' })
  const waited = performance.now() - sent
  // Timers may fire a ms early by the clock; failing when the hello's deadline passed would read about TIMEOUT_MS / 2.
  t.ok(waited >= TIMEOUT_MS - 2, `failed after ${waited.toFixed(0)} ms, not before its ${TIMEOUT_MS} ms were up`)
})

t.test('a timeout fails every request in flight, and the next request dials again', async t => {
  const client = await halfDeadReplica(t, 1)
  const pending = [client.request(write(0)), client.request(write(4 * KiB))]
  for (const p of pending) await t.rejects(p, { code: 'ERR_REPLICA_TIMEOUT' })
  // The new stream's hello is not answered either (the replica swallows all after its first answer): it times out in turn.
  await t.rejects(client.request(write(0)), { code: 'ERR_REPLICA_TIMEOUT' }, 'a new stream, which times out on its own deadline')
})

t.test('answered requests leave no timer that could fail a later stream', async t => {
  const client = await halfDeadReplica(t, 100)
  for (let i = 0; i < 10; i++) await client.request(write(i * 4 * KiB))
  await sleep(TIMEOUT_MS + 50)
  // The deadline timer found nothing pending and stopped; a request now is answered.
  await client.request(write(0))
  t.pass('answered after the timeout had passed with nothing in flight')
})
