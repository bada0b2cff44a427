/**
 * Debian's headless Chromium for the console's browser tests, and the
 * folder their screenshots go to: a temp dir, copied to
 * $TRELLIS_CONSOLE_SHOTS when set (how docs/images/console-*.png are made).
 */
import { rmSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { onProcessEnd } from './process-end.ts'

/** A temp dir for screenshots, kept in $TRELLIS_CONSOLE_SHOTS (if set) and removed at teardown. */
export async function screenshotDir (teardown: (fn: () => Promise<void>) => void, prefix: string): Promise<string> {
  const shots = await mkdtemp(join(tmpdir(), `${prefix}-`))
  // Gone however the test process ends, its teardowns run or not (a top-level await that threw).
  const unhook = onProcessEnd(() => { rmSync(shots, { recursive: true, force: true }) })
  teardown(async () => {
    const keep = process.env.TRELLIS_CONSOLE_SHOTS
    if (keep !== undefined && keep !== '') {
      await mkdir(resolve(keep), { recursive: true })
      await cp(shots, resolve(keep), { recursive: true })
    }
    await rm(shots, { recursive: true, force: true })
    unhook()
  })
  return shots
}

/** Debian's chromium, headless, closed at teardown. */
export async function launchChromium (teardown: (fn: () => Promise<void>) => void): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
  teardown(async () => { await browser.close() })
  return browser
}
