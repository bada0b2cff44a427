import t from 'tap'
import { StreamState, YamuxStream } from '@libp2p/yamux/stream'
import { patchYamuxWindowUpdates } from '../../../daemon/mesh/yamux-window.ts'

/** A stream as sendWindowUpdate sees it, recording the frames it sends. */
function stream (state: StreamState, recvWindowCapacity: number): { frames: unknown[], s: { sendWindowUpdate: () => void, recvWindowCapacity: number } } {
  const frames: unknown[] = []
  const s = Object.assign(Object.create(YamuxStream.prototype) as object, {
    state, recvWindow: 256 * 1024, recvWindowCapacity, maxStreamWindowSize: 4 * 1024 * 1024, epochStart: 0,
    getRTT: () => -1,
    sendFrame: (header: unknown) => { frames.push(header) }
  }) as unknown as { sendWindowUpdate: () => void, recvWindowCapacity: number }
  return { frames, s }
}

patchYamuxWindowUpdates()
patchYamuxWindowUpdates()

t.test('an established stream with half its window or more open sends no update', async t => {
  const { frames, s } = stream(StreamState.Established, 256 * 1024 - 100)
  s.sendWindowUpdate()
  t.equal(frames.length, 0)
})

t.test('past half its window, it sends one that restores the whole window', async t => {
  const { frames, s } = stream(StreamState.Established, 100 * 1024)
  s.sendWindowUpdate()
  t.match(frames, [{ length: 156 * 1024 }])
  t.equal(s.recvWindowCapacity, 256 * 1024)
})

t.test('a stream still opening sends its flags at once', async t => {
  const { frames, s } = stream(StreamState.SYNReceived, 256 * 1024 - 100)
  s.sendWindowUpdate()
  t.equal(frames.length, 1, 'the ACK goes out')
})
