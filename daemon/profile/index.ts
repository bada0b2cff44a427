/**
 * Node profiles (`trellisd --profile lan|field`): every periodic timer of a
 * node in one table, and the relations between them. docs/field.md.
 */
export { checkProfile, FIELD_PROFILE, LAN_PROFILE, nodeProfile, PROFILES, raftTimes } from './profiles.ts'
export type { NodeProfile, ProfileName } from './profiles.ts'
export { InvalidProfileError, UnknownProfileError } from './errors.ts'
