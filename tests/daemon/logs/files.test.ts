/**
 * Instance log files: time marks, size rotation while the instance keeps
 * its file open for appending, reading tails and times across rotated
 * files, and following through a rotation.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { RealClock, VirtualClock } from '../../../controller/clock/index.ts'
import {
  encodeMark, followInstanceLog, LogKeeper, offsetSince, readInstanceLog, readMarks, rotatedPath, splitLines, thinMarks, timeAt, timesPath, type LogLine
} from '../../../daemon/logs/index.ts'

const logger = pino({ level: 'silent' })

async function scratch (teardown: (fn: () => Promise<void>) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-logs-'))
  teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  return dir
}

/** A file held open for appending, as the process driver hands it to an instance. */
function appender (path: string): { write: (text: string) => void, close: () => void } {
  const fd = openSync(path, 'a', 0o600)
  return { write: text => { writeSync(fd, text) }, close: () => { closeSync(fd) } }
}

const lines = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join('')

t.test('marks: a byte\'s time is the first mark past it; since starts after the last earlier mark', async t => {
  const marks = [{ end: 10, at: 1000 }, { end: 25, at: 2000 }, { end: 40, at: 3000 }]
  t.equal(timeAt(marks, 0, 9999), 1000)
  t.equal(timeAt(marks, 9, 9999), 1000)
  t.equal(timeAt(marks, 10, 9999), 2000)
  t.equal(timeAt(marks, 39, 9999), 3000)
  t.equal(timeAt(marks, 40, 9999), 9999, 'past every mark: not yet seen by the keeper, so now')
  t.equal(offsetSince(marks, 0), 0)
  t.equal(offsetSince(marks, 1500), 10)
  t.equal(offsetSince(marks, 2000), 10, 'bytes seen at exactly `since` are included')
  t.equal(offsetSince(marks, 5000), 40)
})

t.test('a sidecar grown too long keeps every other mark and the last', async t => {
  const dir = await scratch(fn => t.teardown(fn))
  const path = join(dir, 'a.w.0.stdout.log')
  writeFileSync(timesPath(path), Buffer.concat(Array.from({ length: 11 }, (_, i) => encodeMark({ end: (i + 1) * 10, at: 1000 + i }))))
  t.equal(await thinMarks(path), 6)
  t.same((await readMarks(path)).map(m => m.end), [20, 40, 60, 80, 100, 110], 'the file\'s length at the last mark stays known')
  t.equal(timeAt(await readMarks(path), 25, 0), 1003, 'a byte\'s time is now the next kept mark\'s: coarser, never earlier')
})

t.test('splitLines: offsets past each line, a cut first line dropped, long lines in pieces', async t => {
  const s = splitLines(Buffer.from('tail of a line\nfirst\n\nsecond\nhalf'), 100, true)
  t.same(s.lines.map(l => [l.text, l.end]), [['first', 121], ['', 122], ['second', 129], ['half', 133]])
  t.equal(s.wholeEnd, 129)
  const long = splitLines(Buffer.from('x'.repeat(64 * 1024 + 5) + '\n'), 0, false)
  t.same(long.lines.map(l => l.text.length), [64 * 1024, 5])
  t.equal(long.lines[1]!.end, 64 * 1024 + 6)
})

t.test('rotation: the live file restarts at 0 for a writer that keeps it open, older files shift, the oldest goes', async t => {
  const dir = await scratch(fn => t.teardown(fn))
  const clock = new VirtualClock(1_000_000)
  const keeper = new LogKeeper({ clock, logger }, { dir, maxBytes: 80, files: 3 })
  const path = join(dir, 'a.web.0.stdout.log')
  const out = appender(path)
  t.teardown(out.close)
  out.write(lines(1, 12)) // 87 bytes: over 80
  await keeper.round()
  t.equal(statSync(path).size, 0, 'the live file was truncated')
  t.equal(readFileSync(rotatedPath(path, 1), 'utf8'), lines(1, 12), '.1 holds every byte')
  out.write(lines(13, 14))
  t.equal(readFileSync(path, 'utf8'), lines(13, 14), 'appends land at the start: no hole of zeros')
  out.write(lines(15, 30))
  await clock.advance(1000)
  await keeper.round()
  t.equal(readFileSync(rotatedPath(path, 2), 'utf8'), lines(1, 12), '.1 moved to .2')
  t.equal(readFileSync(rotatedPath(path, 1), 'utf8'), lines(13, 30))
  out.write(lines(31, 50))
  await clock.advance(1000)
  await keeper.round()
  t.equal(readFileSync(rotatedPath(path, 2), 'utf8'), lines(13, 30), 'the oldest was dropped')
  t.notOk(existsSync(rotatedPath(path, 3)), 'never more than `files` files')
  t.same((await readMarks(rotatedPath(path, 1))).map(m => m.at), [1_002_000], 'the marks went with their bytes')
  t.same(await readMarks(path), [], 'the live file starts a new timeline')
})

t.test('rotation under a writer that never stops: order kept, no holes, no duplicates', async t => {
  const dir = await scratch(fn => t.teardown(fn))
  const path = join(dir, 'a.w.0.stdout.log')
  const keeper = new LogKeeper({ clock: new RealClock(), logger }, { dir, maxBytes: 8 * 1024, files: 1000 })
  const fd = openSync(path, 'a', 0o600)
  const count = 30_000
  // A real process with the file as its stdout, writing in small pieces over about a second.
  const child = spawn(process.execPath, ['-e', `
    let i = 1
    const step = () => { let s = ''; for (let k = 0; k < 100 && i <= ${count}; k++) s += 'n' + (i++) + '\\n'; require('fs').writeSync(1, s); if (i <= ${count}) setTimeout(step, 2) }
    step()`], { stdio: ['ignore', fd, 'inherit'] })
  closeSync(fd)
  t.teardown(() => { child.kill('SIGKILL') })
  const exited = new Promise(resolve => child.once('exit', resolve))
  let done = false
  void exited.then(() => { done = true })
  let rounds = 0
  while (!done) { await keeper.round(); rounds++; await new Promise(resolve => setTimeout(resolve, 5)) }
  await keeper.round()
  let n = 0
  while (existsSync(rotatedPath(path, n + 1))) n++
  t.ok(n >= 5, `rotated ${n} times in ${rounds} rounds`)
  const text = Array.from({ length: n + 1 }, (_, i) => readFileSync(rotatedPath(path, n - i), 'utf8')).join('')
  t.notOk(text.includes('\0'), 'no hole of zeros')
  const got = text.split('\n').filter(l => l !== '').map(l => Number(l.slice(1)))
  t.ok(got.every((v, i) => i === 0 || v > got[i - 1]!), 'strictly increasing: in order, nothing twice')
  t.comment(`rotated ${n} times, ${count - got.length} of ${count} lines lost in copy-truncate windows`)
  t.ok(got.length >= count * 0.99, `${count - got.length} of ${count} lines lost in copy-truncate windows`)
})

t.test('reading: tail across rotated files, since by the marks, stdout and stderr merged by time', async t => {
  const dir = await scratch(fn => t.teardown(fn))
  const clock = new VirtualClock(1_000_000)
  const keeper = new LogKeeper({ clock, logger }, { dir, maxBytes: 60, files: 3 })
  const out = appender(join(dir, 'a.web.0.stdout.log'))
  const err = appender(join(dir, 'a.web.0.stderr.log'))
  t.teardown(() => { out.close(); err.close() })
  out.write('o1\no2\n')
  await keeper.round() // at 1_000_000
  await clock.advance(1000)
  err.write('e1\n')
  await keeper.round() // at 1_001_000
  await clock.advance(1000)
  out.write(lines(1, 8)) // over 60 bytes with o1,o2: rotated at 1_002_000
  await keeper.round()
  await clock.advance(1000)
  out.write('o3\n')
  err.write('e2\npartial')
  const now = clock.now() // 1_003_000: not yet marked
  const all = await readInstanceLog(dir, 'a.web.0', { stream: 'both', files: 3, now })
  t.same(all.lines.map(l => l.text), ['o1', 'o2', 'e1', ...lines(1, 8).trim().split('\n'), 'o3', 'e2', 'partial'])
  t.same(all.lines.slice(0, 3).map((l: LogLine) => l.at), [1_000_000, 1_000_000, 1_001_000])
  t.equal(all.lines.at(-1)!.at, now, 'unmarked lines are stamped now')
  t.same(all.position, { stdout: 3, stderr: 3 + 3 }, 'a follower goes on past the last whole line')
  const tail = await readInstanceLog(dir, 'a.web.0', { stream: 'stdout', tail: 3, files: 3, now })
  t.same(tail.lines.map(l => l.text), ['line 7', 'line 8', 'o3'], 'the tail reaches into .1')
  const since = await readInstanceLog(dir, 'a.web.0', { stream: 'both', since: 1_001_000, files: 3, now, partial: false })
  t.same(since.lines.map(l => l.text), ['e1', ...lines(1, 8).trim().split('\n'), 'o3', 'e2'], 'since skips what was seen before; no partial line')
  const nothing = await readInstanceLog(dir, 'a.nope.0', { stream: 'both', files: 3, now })
  t.same(nothing, { lines: [], position: { stdout: 0, stderr: 0 } }, 'an instance that wrote nothing has no lines')
})

t.test('following: new lines as they come, through a rotation, a partial line flushed after a while', async t => {
  const dir = await scratch(fn => t.teardown(fn))
  const clock = new VirtualClock(1_000_000)
  const keeper = new LogKeeper({ clock, logger }, { dir, maxBytes: 20, files: 2 })
  const out = appender(join(dir, 'a.web.0.stdout.log'))
  t.teardown(out.close)
  out.write('before\n')
  const start = await readInstanceLog(dir, 'a.web.0', { stream: 'both', files: 2, now: clock.now() })
  const ac = new AbortController()
  const it = followInstanceLog({ clock }, dir, 'a.web.0', { stream: 'both', from: start.position, signal: ac.signal, pollMs: 100 })
  const got: string[] = []
  const reading = (async () => { for await (const batch of it) got.push(...batch.map(l => l.text)) })()
  // File reads are real I/O: let each poll's reads finish before the next virtual step.
  const until = async (n: number): Promise<void> => {
    for (let i = 0; i < 500 && got.length < n; i++) { await clock.advance(100); await new Promise(resolve => setTimeout(resolve, 5)) }
  }
  out.write('one\ntwo\n')
  await until(2)
  t.same(got, ['one', 'two'])
  out.write('three\nfour\n') // 'before…four' is over 20 bytes
  await keeper.round()
  out.write('five\n')
  await until(5)
  t.same(got, ['one', 'two', 'three', 'four', 'five'], 'the lines before the rotation are read from .1')
  out.write('prompt> ')
  await until(6)
  t.same(got.at(-1), 'prompt> ', 'a partial line comes out after PARTIAL_FLUSH_MS')
  ac.abort()
  await clock.advance(100)
  await reading
})
