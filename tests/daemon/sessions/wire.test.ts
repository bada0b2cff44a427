/**
 * The framing of consoles and exec: data and control frames of
 * /trellis/exec/1 round-trip through the length-prefixed decoder, output
 * is cut into 64 KiB chunks, and whatever a correct peer or client would
 * not send is refused with its code; the WebSocket's client messages are
 * checked and turned into what the stream opens; the entering argv.
 */
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { Channel, MAX_CHUNK_BYTES } from '../../../controller/client/index.ts'
import { FrameDecoder } from '../../../daemon/network/index.ts'
import { controlFrame, dataFrames, decodeFrame, enterArgv, MAX_FRAME_BYTES, openFor, parseClientMessage, type SessionControl, type SessionFrame } from '../../../daemon/sessions/index.ts'
import { frame } from '../../../daemon/network/index.ts'
import { trellis } from '../../../proto/gen/trellis.js'

function decodeAll (bytes: Buffer[]): SessionFrame[] {
  const decoder = new FrameDecoder(MAX_FRAME_BYTES)
  return bytes.flatMap(b => decoder.push(b)).map(decodeFrame)
}

function codeOf (fn: () => unknown): string | undefined {
  try { fn() } catch (err) { return (err as { code?: string }).code }
  return undefined
}

t.test('data frames: channel kept, cut at 64 KiB, bytes whole, split anywhere on the wire', async t => {
  const out = Buffer.alloc(MAX_CHUNK_BYTES * 2 + 100, 7)
  out[0] = 1; out[out.length - 1] = 2
  const frames = dataFrames(Channel.stdout, out)
  t.equal(frames.length, 3, '2 × 64 KiB + 100 bytes: three frames')
  // the wire may cut frames anywhere: feed it byte runs of 1000
  const wire = Buffer.concat([...frames, ...dataFrames(Channel.stderr, Buffer.from('oops'))])
  const pieces: Buffer[] = []
  for (let at = 0; at < wire.length; at += 1000) pieces.push(wire.subarray(at, at + 1000))
  const decoded = decodeAll(pieces)
  t.same(decoded.map(f => f.kind === 'data' ? f.channel : -1), [1, 1, 1, 2])
  t.same(Buffer.concat(decoded.slice(0, 3).map(f => f.kind === 'data' ? f.bytes : Buffer.alloc(0))), out, 'stdout arrives whole')
  t.equal(decoded[3]!.kind === 'data' && decoded[3]!.bytes.toString(), 'oops', 'stderr apart')
  t.same(dataFrames(Channel.stdin, Buffer.alloc(0)), [], 'nothing to send: no frame')
})

t.test('control frames round-trip', async t => {
  const cases: SessionControl[] = [
    { open: { instance: 'shop.web.0', console: true, command: [], tty: { cols: 120, rows: 40, term: 'xterm-256color' } } },
    { open: { instance: 'shop.web.0', console: false, command: ['sh', '-c', 'echo "$HOME"'] } },
    { resize: { cols: 1, rows: 1000 } },
    { eof: true },
    { end: { code: 0, signal: null } },
    { end: { code: 3, signal: null } },
    { end: { code: null, signal: 'SIGKILL' } },
    { end: { code: null, signal: null, error: { code: 'ERR_NOT_RUNNING', message: 'instance shop.web.0 does not run on this node' } } }
  ]
  for (const c of cases) {
    const [f] = decodeAll([controlFrame(c)])
    t.same(f, { kind: 'control', control: c }, JSON.stringify(c))
  }
})

t.test('what a correct peer would not send is refused with its code', async t => {
  const control = (m: trellis.session.Control.$Properties): Buffer => Buffer.concat([Buffer.from([3]), trellis.session.Control.encode(m).finish()])
  const bad: Array<[string, Buffer]> = [
    ['an unknown kind', Buffer.from([9, 1, 2])],
    ['an empty data frame', Buffer.from([Channel.stdin])],
    ['a control frame that does not decode', Buffer.from([3, 0xff, 0xff, 0xff])],
    ['a control frame with nothing in it', control({})],
    ['an instance id that is no file name', control({ open: { instance: '../etc', console: true } })],
    ['a console with a command', control({ open: { instance: 'a.b.0', console: true, command: ['sh'] } })],
    ['exec without a command', control({ open: { instance: 'a.b.0', console: false } })],
    ['a terminal 0 wide', control({ open: { instance: 'a.b.0', console: true, tty: true, cols: 0, rows: 24, term: 'xterm' } })],
    ['a TERM with a space', control({ open: { instance: 'a.b.0', console: true, tty: true, cols: 80, rows: 24, term: 'x term' } })],
    ['a resize of 1001 rows', control({ resize: { cols: 80, rows: 1001 } })]
  ]
  for (const [name, payload] of bad) t.equal(codeOf(() => decodeFrame(payload)), 'ERR_BAD_SESSION_MESSAGE', name)
  const decoder = new FrameDecoder(MAX_FRAME_BYTES)
  t.equal(codeOf(() => decoder.push(frame(Buffer.alloc(MAX_FRAME_BYTES + 1)))), 'ERR_FRAME_TOO_LARGE', 'a frame over 64 KiB + its kind byte')
})

t.test('client messages: checked, with defaults for what they leave out', async t => {
  t.same(openFor(parseClientMessage('{"type":"start"}') as never, 'a.web.0', 'console'),
    { instance: 'a.web.0', console: true, command: [], tty: { cols: 80, rows: 24, term: 'xterm-256color' } }, 'a console has a terminal, 80 × 24 unless told')
  t.same(openFor(parseClientMessage('{"type":"start","command":["ls","-l"]}') as never, 'a.web.0', 'exec'),
    { instance: 'a.web.0', console: false, command: ['ls', '-l'] }, 'exec has none unless asked')
  t.same(openFor(parseClientMessage('{"type":"start","command":["top"],"tty":true,"cols":100,"rows":30,"term":"vt100"}') as never, 'a.web.0', 'exec').tty,
    { cols: 100, rows: 30, term: 'vt100' })
  t.same(parseClientMessage('{"type":"resize","cols":90,"rows":20}'), { type: 'resize', cols: 90, rows: 20 })
  t.same(parseClientMessage('{"type":"eof"}'), { type: 'eof' })
  const bad: Array<[string, () => unknown]> = [
    ['not JSON', () => parseClientMessage('stty size')],
    ['a list', () => parseClientMessage('[1]')],
    ['an unknown type', () => parseClientMessage('{"type":"kill"}')],
    ['a resize without rows', () => parseClientMessage('{"type":"resize","cols":80}')],
    ['a fractional size', () => parseClientMessage('{"type":"start","cols":80.5,"rows":24}')],
    ['a command that is a string', () => parseClientMessage('{"type":"start","command":"ls -l"}')],
    ['a NUL in an argument', () => parseClientMessage('{"type":"start","command":["a\\u0000b"]}')],
    ['tty as a string', () => parseClientMessage('{"type":"start","tty":"yes"}')],
    ['a console with a command', () => openFor({ type: 'start', command: ['sh'] }, 'a.b.0', 'console')],
    ['exec without a command', () => openFor({ type: 'start' }, 'a.b.0', 'exec')]
  ]
  for (const [name, fn] of bad) t.equal(codeOf(fn), 'ERR_BAD_SESSION_MESSAGE', name)
})

t.test('entering a task: as is with nothing to join; else through the shell, cgroups first, then the user', async t => {
  t.same(enterArgv({ kind: 'process', pid: 1, cgroupDirs: [] }, ['id'], '/usr/bin/setpriv'), ['id'])
  const argv = enterArgv({ kind: 'process', pid: 1, user: { uid: 65534, gid: 65534 }, cgroupDirs: ['/sys/fs/cgroup/memory/t/a.b.0', '/sys/fs/cgroup/cpu/t/a.b.0'] }, ['sh', '-c', 'x'], '/usr/bin/setpriv')
  t.same(argv.slice(3), ['trellis-enter', '/usr/bin/setpriv', '/sys/fs/cgroup/memory/t/a.b.0', '/sys/fs/cgroup/cpu/t/a.b.0', '--', 'sh', '-c', 'x'], 'paths and the command are arguments, not script')
  t.match(argv[2], /--reuid=65534 --regid=65534 --clear-groups/)
  t.throws(() => enterArgv({ kind: 'process', pid: 1, user: { uid: -1, gid: 0 }, cgroupDirs: [] }, ['id'], '/usr/bin/setpriv'), 'a uid that is no number never reaches the script')
})

t.test('the entering shell really drops to the user with no groups', { skip: process.getuid?.() === 0 ? false : 'needs root to change users' }, async t => {
  const argv = enterArgv({ kind: 'process', pid: 1, user: { uid: 65534, gid: 65533 }, cgroupDirs: [] }, ['sh', '-c', 'id -u; id -g; id -G; echo "$1"', 'sh', '$(not run)'], execFileSync('sh', ['-c', 'command -v setpriv']).toString().trim())
  t.equal(execFileSync(argv[0]!, argv.slice(1)).toString(), '65534\n65533\n65533\n$(not run)\n', 'uid, gid, only its own group; arguments untouched')
})
