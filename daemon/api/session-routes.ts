import type { WebSocket } from 'ws'
import type { ApiServer } from './server.ts'

/** Consoles and exec, as the session routes need them (daemon/sessions' SessionGateway). */
export interface SessionService {
  /** The instance id a client names (`web.0` or `<app>.web.0`); ERR_NOT_FOUND names what does not exist, once the node has caught up with the grid. */
  instance (app: string, name: string): Promise<string>
  /** Carries one session on an upgraded WebSocket. */
  attach (ws: WebSocket, instance: string, kind: 'console' | 'exec'): void
}

/**
 * Binds the WebSocket routes of consoles and exec. docs/api.md and
 * docs/console-exec.md document them. A missing app or instance is refused
 * before the upgrade, as a plain 404.
 */
export function addSessionRoutes (server: ApiServer, sessions: SessionService): void {
  for (const kind of ['console', 'exec'] as const) {
    server.socketRoute(`/v1/apps/:name/instances/:instance/${kind}`, async req => {
      const id = await sessions.instance(req.params.name!, req.params.instance!)
      return ws => { sessions.attach(ws, id, kind) }
    })
  }
}
