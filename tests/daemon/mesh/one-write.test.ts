import t from 'tap'
import { AbstractMultiaddrConnection } from '@libp2p/utils'
import { multiaddr } from '@multiformats/multiaddr'
import { Uint8ArrayList } from 'uint8arraylist'
import { patchOneWritePerMessage } from '../../../daemon/mesh/one-write.ts'

/** A transport connection that records the pieces it is asked to write, as @libp2p/tcp writes each with a socket write. */
class RecordingConnection extends AbstractMultiaddrConnection {
  readonly writes: number[][] = []
  sendData (data: Uint8ArrayList): { sentBytes: number, canSendMore: boolean } {
    this.writes.push([...data].map(b => b.byteLength))
    return { sentBytes: data.byteLength, canSendMore: true }
  }

  async sendClose (): Promise<void> {}
  sendReset (): void {}
  sendPause (): void {}
  sendResume (): void {}
}

/** A list of buffers as noise hands one encrypted record on: the 2-byte length, then the ciphertext. */
function record (bytes: number): Uint8Array[] {
  return [new Uint8Array([bytes >> 8, bytes & 0xff]), new Uint8Array(bytes)]
}

function connection (): RecordingConnection {
  const log = Object.assign(() => {}, { enabled: false, trace: () => {}, error: () => {}, newScope: () => log })
  return new RecordingConnection({ remoteAddr: multiaddr('/ip4/127.0.0.1/tcp/1'), direction: 'outbound', log } as unknown as ConstructorParameters<typeof AbstractMultiaddrConnection>[0])
}

function listOf (bufs: Uint8Array[]): Uint8ArrayList {
  return new Uint8ArrayList(...bufs)
}

t.test('without the patch a record goes in two writes', async t => {
  const c = connection()
  c.send(listOf(record(147)))
  t.same(c.writes, [[2, 147]], 'the length and the ciphertext apart')
})

t.test('with it, one write per record; a large list goes as it is', async t => {
  patchOneWritePerMessage()
  patchOneWritePerMessage()
  const c = connection()
  c.send(listOf(record(147)))
  t.same(c.writes, [[149]], 'one piece: one socket write, one segment')
  c.send(listOf([...record(40_000), ...record(40_000)]))
  t.same(c.writes[1], [2, 40_000, 2, 40_000], 'over 64 KiB: not copied')
  c.send(new Uint8Array(10))
  t.same(c.writes[2], [10], 'a single buffer unchanged')
})
