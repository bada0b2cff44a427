import type { SupervisorEvent } from '../runtime/index.ts'

/** One line about a supervisor event, for `describe app`. */
export function describeSupervisorEvent (e: SupervisorEvent): string {
  switch (e.type) {
    case 'started': return `pid ${e.pid ?? '?'}${e.restarts > 0 ? `, restart ${e.restarts}` : ''}`
    case 'adopted': return `pid ${e.pid ?? '?'} re-adopted`
    case 'healthy': return 'health check passes'
    case 'unhealthy': return `${e.failures} failed checks${e.error !== undefined ? `: ${e.error}` : ''}`
    case 'unready': return `not ready, ${e.failures} failed checks${e.error !== undefined ? `: ${e.error}` : ''}; alive, so not restarted`
    case 'exited': return e.oomKilled ? 'killed for exceeding its memory limit' : e.signal !== null ? `killed by ${e.signal}` : `exit code ${e.code ?? 'unknown'}`
    case 'restarting': return `${e.reason}; restart ${e.attempt} in ${e.delayMs} ms`
    case 'stopped': return 'stopped'
    case 'failed': return e.reason
  }
}
