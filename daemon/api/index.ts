export { ApiServer, MAX_BODY_BYTES } from './server.ts'
export { addRoutes } from './routes.ts'
export type { GridService } from './routes.ts'
export { ApiError, statusOf, notFound, badRequest } from './errors.ts'
