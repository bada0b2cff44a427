/**
 * Instance logs: the files a node's instances write, kept in size (rotation)
 * and in time (marks), read and followed here, and served to every other
 * node over the mesh so that `trellis logs` works from anywhere.
 *
 *   instance ──fd──► <id>.stdout.log ◄── LogKeeper (marks, rotation, every second)
 *                         │
 *   LogServer /trellis/logs/1 ◄── mesh ── GridLogs (on the node asked) ──► API ──► trellis logs [-f]
 */
export { LogKeeper, KEEP_INTERVAL_MS } from './keeper.ts'
export type { LogKeeperComponents, LogKeeperInit } from './keeper.ts'
export { rotate, rotatedPath, DEFAULT_LOG_FILES, DEFAULT_LOG_MAX_BYTES } from './rotate.ts'
export { readMarks, timeAt, offsetSince, timesPath, decodeMarks, encodeMark, thinMarks, MAX_MARKS, MARK_BYTES } from './timeline.ts'
export type { Mark } from './timeline.ts'
export { readInstanceLog, mergeByTime, splitLines, logFile, MAX_LINE_BYTES, MAX_READ_BYTES } from './read.ts'
export type { LogLine, LogPosition, LogStream, ReadOptions, StreamChoice } from './read.ts'
export { followInstanceLog, FOLLOW_POLL_MS, PARTIAL_FLUSH_MS } from './follow.ts'
export type { FollowOptions } from './follow.ts'
export { GridLogs, WATCH_MS, MOVE_LOOKBACK_MS } from './grid-logs.ts'
export type { GridLogsComponents, InstanceLog, LogEvent, LogRequestOptions } from './grid-logs.ts'
export type { InstanceCondition } from './notices.ts'
export { conditionNotices } from './notices.ts'
export { LogServer } from './server.ts'
export type { LogServerComponents } from './server.ts'
export { remoteLog } from './client.ts'
export { localLog } from './source.ts'
export type { LocalLogs } from './source.ts'
export { LOGS_PROTOCOL, MAX_TAIL_LINES, checkQuery, decodeQuery, encodeQuery } from './wire.ts'
export type { LogQuery } from './wire.ts'
export { Channel } from './channel.ts'
export { BadLogRequestError, LogLinkError, RemoteLogError } from './errors.ts'
