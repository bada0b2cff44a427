/**
 * Notes live in the db one key per note, `note/<id>`, where the id sorts by
 * time (zero-padded milliseconds, then a per-process sequence and a random
 * tail so that two web instances never collide). Listing the prefix in
 * reverse gives the newest notes first.
 */
import { randomBytes } from 'node:crypto'
import { HttpError } from './shared/index.ts'
import type { DbClient } from './db-client.ts'

/** Key prefix of every note. */
export const NOTE_PREFIX = 'note/'

/** Longest note, in characters. */
export const MAX_NOTE_CHARS = 1000

/** How many notes a listing returns at most. */
export const NOTES_SHOWN = 100

/** A stored note. */
export interface Note {
  id: string
  text: string
  /** ISO 8601 time the note was added. */
  at: string
}

let seq = 0

/** A fresh time-sortable id. */
export function noteId (now = Date.now()): string {
  seq = (seq + 1) % 0x10000
  return `${String(now).padStart(15, '0')}-${seq.toString(16).padStart(4, '0')}-${randomBytes(4).toString('hex')}`
}

/** The trimmed note text in `value`, or a 400 HttpError naming the field `text`. */
export function checkText (value: unknown): string {
  if (value === undefined || value === null) throw new HttpError(400, 'text is required', 'text')
  if (typeof value !== 'string') throw new HttpError(400, 'text must be a string', 'text')
  const text = value.trim()
  if (text === '') throw new HttpError(400, 'text must not be empty', 'text')
  if (text.length > MAX_NOTE_CHARS) throw new HttpError(400, `text must be at most ${MAX_NOTE_CHARS} characters`, 'text')
  return text
}

/** Stores a new note with `text`; the stored note. */
export async function addNote (db: DbClient, text: string): Promise<Note> {
  const at = new Date()
  const note: Note = { id: noteId(at.getTime()), text, at: at.toISOString() }
  await db.put(NOTE_PREFIX + note.id, JSON.stringify(note))
  return note
}

/** The newest notes, newest first; entries that do not parse are skipped. */
export async function listNotes (db: DbClient): Promise<Note[]> {
  const entries = await db.list(NOTE_PREFIX, NOTES_SHOWN, true)
  const notes: Note[] = []
  for (const e of entries) {
    try {
      const n = JSON.parse(e.value) as Note
      if (typeof n.text === 'string') notes.push(n)
    } catch {
      // Someone wrote a non-note under the prefix; showing the rest beats failing the page.
    }
  }
  return notes
}
