import type { Logger } from 'pino'
import type { TokenView } from '../controller/client/types.ts'
import { putToken, revokeToken, TOKEN_ROLES, type CommandLog, type TokenRole } from '../controller/state/index.ts'
import { ApiError, badRequest, hashSecret, newTokenSecret, type TokenService } from './api/index.ts'

const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/

/**
 * The grid's API tokens: made here (the secret leaves this node once, in the
 * answer), recorded in the log as a hash, accepted by every node.
 */
export class GridTokens implements TokenService {
  readonly #c: { log: CommandLog, logger: Logger }

  constructor (components: { log: CommandLog, logger: Logger }) {
    this.#c = components
  }

  async create (name: string, role: string): Promise<TokenView & { token: string }> {
    if (!NAME.test(name)) throw badRequest(`token name ${JSON.stringify(name)} must be a DNS label (lower-case letters, digits and -, at most 63)`)
    if (!(TOKEN_ROLES as readonly string[]).includes(role)) throw badRequest(`role must be ${TOKEN_ROLES.join(' or ')}, not ${JSON.stringify(role)}`)
    const secret = newTokenSecret()
    const result = await this.#c.log.propose(putToken(name, hashSecret(secret), role as TokenRole))
    if (result.kind !== 'token-put') throw new Error('token create produced no token result')
    if (!result.created) throw new ApiError('ERR_CONFLICT', `a token named ${name} exists; revoke it first or choose another name`)
    this.#c.logger.info({ token: name, role }, 'API token created')
    const record = this.#c.log.state.tokens.get(name)
    return { name, role: role as TokenRole, createdIndex: record?.createdIndex ?? 0, token: secret }
  }

  async list (): Promise<TokenView[]> {
    await this.#c.log.readBarrier?.()
    return [...this.#c.log.state.tokens.values()]
      .sort((a, b) => a.name < b.name ? -1 : 1)
      .map(t => ({ name: t.name, role: t.role, createdIndex: t.createdIndex }))
  }

  async revoke (name: string): Promise<{ name: string, revoked: boolean }> {
    const result = await this.#c.log.propose(revokeToken(name))
    if (result.kind !== 'token-revoked') throw new Error('token revoke produced no token result')
    if (result.existed) this.#c.logger.info({ token: name }, 'API token revoked')
    return { name, revoked: result.existed }
  }
}
