/** How an instance is doing where it runs, as far as its logs are concerned. */
export interface InstanceCondition {
  /** starting, running, healthy, unhealthy, backoff, stopped, failed (daemon/runtime). */
  state: string
  restarts: number
  /** How it last ended, for people ("exit code 1", "killed by SIGKILL"); absent when it has not. */
  lastExit?: string
}

/**
 * What an operator should be told beside (or instead of) an instance's
 * lines: that it wrote nothing yet, that it keeps crashing and waits in
 * back-off, that its node gave up on it.
 */
export function conditionNotices (instance: string, node: string, c: InstanceCondition | undefined, noLines: boolean): string[] {
  const notices: string[] = []
  const exit = c?.lastExit !== undefined ? `; last exit: ${c.lastExit}` : ''
  if (c?.state === 'backoff') notices.push(`${instance}: crash-looping on ${node}: waiting in back-off after ${c.restarts} restart${c.restarts === 1 ? '' : 's'}${exit}`)
  else if (c?.state === 'failed') notices.push(`${instance}: ${node} gave up on it after ${c.restarts} restarts${exit}; the grid places it elsewhere`)
  if (noLines) notices.push(`${instance}: no lines yet on ${node} (${c === undefined ? 'not reported yet' : `state ${c.state}`})`)
  return notices
}
