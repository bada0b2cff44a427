/**
 * The client's side of the WebSocket protocol (controller/client
 * session-protocol.ts) as the daemon reads it: text messages checked and
 * turned into what the session stream carries. Pure.
 */
import { commandProblem, DEFAULT_TERM, sizeProblem, TERM_PATTERN, type ClientMessage, type SessionStart } from '../../controller/client/session-protocol.ts'
import { BadSessionMessageError } from './errors.ts'
import type { SessionOpen } from './wire.ts'

/** A terminal's size when the client gives none. */
const DEFAULT_SIZE = { cols: 80, rows: 24 }

/** Parses a client's text message; throws BadSessionMessageError naming what is wrong. */
export function parseClientMessage (text: string): ClientMessage {
  let m: unknown
  try {
    m = JSON.parse(text)
  } catch (err) {
    throw new BadSessionMessageError('a text message must be a JSON object', { cause: err })
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) throw new BadSessionMessageError('a text message must be a JSON object')
  const msg = m as Record<string, unknown>
  switch (msg.type) {
    case 'start': return checkStart(msg)
    case 'resize': {
      const problem = sizeProblem(msg.cols, msg.rows)
      if (problem !== undefined) throw new BadSessionMessageError(`resize: ${problem}`)
      return { type: 'resize', cols: msg.cols as number, rows: msg.rows as number }
    }
    case 'eof': return { type: 'eof' }
    default: throw new BadSessionMessageError(`unknown message type ${JSON.stringify(msg.type)}: start, resize or eof`)
  }
}

function checkStart (msg: Record<string, unknown>): SessionStart {
  if (msg.tty !== undefined && typeof msg.tty !== 'boolean') throw new BadSessionMessageError('start: tty must be true or false')
  if (msg.cols !== undefined || msg.rows !== undefined) {
    const problem = sizeProblem(msg.cols, msg.rows)
    if (problem !== undefined) throw new BadSessionMessageError(`start: ${problem}`)
  }
  if (msg.term !== undefined && (typeof msg.term !== 'string' || !TERM_PATTERN.test(msg.term))) throw new BadSessionMessageError(`start: ${JSON.stringify(msg.term)} is not a TERM name`)
  if (msg.command !== undefined) {
    const problem = commandProblem(msg.command)
    if (problem !== undefined) throw new BadSessionMessageError(`start: ${problem}`)
  }
  return msg as unknown as SessionStart
}

/**
 * What to open for a start message on a console or exec endpoint. A console
 * always has a terminal and runs no command; exec needs a command and has a
 * terminal only when asked.
 */
export function openFor (start: SessionStart, instance: string, kind: 'console' | 'exec'): SessionOpen {
  if (kind === 'console' && start.command !== undefined) throw new BadSessionMessageError('start: a console runs the image\'s console command; use exec to run a command')
  if (kind === 'exec' && start.command === undefined) throw new BadSessionMessageError('start: exec needs a command')
  const tty = kind === 'console' || start.tty === true
  return {
    instance,
    console: kind === 'console',
    command: start.command ?? [],
    ...(tty ? { tty: { cols: start.cols ?? DEFAULT_SIZE.cols, rows: start.rows ?? DEFAULT_SIZE.rows, term: start.term ?? DEFAULT_TERM } } : {})
  }
}
