/**
 * Numbers of the NBD protocol, from
 * https://github.com/NetworkBlockDevice/nbd/blob/master/doc/proto.md
 * (section "Values" unless noted). Only what this server speaks.
 */

/** 'NBDMAGIC', the first 8 bytes a server sends. */
export const NBD_MAGIC = 0x4e42444d41474943n
/** 'IHAVEOPT': newstyle handshake magic, also prefixing every option. */
export const IHAVEOPT = 0x49484156454f5054n
/** Prefix of every fixed-newstyle option reply. */
export const OPTION_REPLY_MAGIC = 0x3e889045565a9n
/** NBD_REQUEST_MAGIC ("Request message"). */
export const REQUEST_MAGIC = 0x25609513
/** NBD_SIMPLE_REPLY_MAGIC ("Simple reply message"). */
export const SIMPLE_REPLY_MAGIC = 0x67446698

/** Handshake flags (server → client). */
export const NBD_FLAG_FIXED_NEWSTYLE = 1 << 0
export const NBD_FLAG_NO_ZEROES = 1 << 1
/** Client flags (client → server). */
export const NBD_FLAG_C_FIXED_NEWSTYLE = 1 << 0
export const NBD_FLAG_C_NO_ZEROES = 1 << 1

/** Transmission flags. */
export const NBD_FLAG_HAS_FLAGS = 1 << 0
export const NBD_FLAG_READ_ONLY = 1 << 1
export const NBD_FLAG_SEND_FLUSH = 1 << 2
export const NBD_FLAG_SEND_FUA = 1 << 3
export const NBD_FLAG_SEND_TRIM = 1 << 5
export const NBD_FLAG_SEND_WRITE_ZEROES = 1 << 6
export const NBD_FLAG_CAN_MULTI_CONN = 1 << 8

/** Options. */
export const NBD_OPT_EXPORT_NAME = 1
export const NBD_OPT_ABORT = 2
export const NBD_OPT_LIST = 3
export const NBD_OPT_INFO = 6
export const NBD_OPT_GO = 7

/** Option reply types; errors have bit 31 set. */
export const NBD_REP_ACK = 1
export const NBD_REP_SERVER = 2
export const NBD_REP_INFO = 3
export const NBD_REP_ERR_UNSUP = 0x80000001
export const NBD_REP_ERR_INVALID = 0x80000003
export const NBD_REP_ERR_UNKNOWN = 0x80000006
export const NBD_REP_ERR_SHUTDOWN = 0x80000007

/** Information types of NBD_REP_INFO. */
export const NBD_INFO_EXPORT = 0
export const NBD_INFO_NAME = 1
export const NBD_INFO_DESCRIPTION = 2
export const NBD_INFO_BLOCK_SIZE = 3

/** Command flags. */
export const NBD_CMD_FLAG_FUA = 1 << 0
export const NBD_CMD_FLAG_NO_HOLE = 1 << 1

/** Commands. */
export const NBD_CMD_READ = 0
export const NBD_CMD_WRITE = 1
export const NBD_CMD_DISC = 2
export const NBD_CMD_FLUSH = 3
export const NBD_CMD_TRIM = 4
export const NBD_CMD_WRITE_ZEROES = 6

/** Error values of replies ("Error values"). */
export const NBD_EPERM = 1
export const NBD_EIO = 5
export const NBD_EINVAL = 22
export const NBD_ENOSPC = 28
export const NBD_ESHUTDOWN = 108

/** Bytes of a request header: magic, flags, type, cookie, offset, length. */
export const REQUEST_HEADER_BYTES = 28
/** Bytes of a simple reply header: magic, error, cookie. */
export const SIMPLE_REPLY_BYTES = 16
/** Bytes of an option header: IHAVEOPT, option, length. */
export const OPTION_HEADER_BYTES = 16
/** Largest read or write payload: 2^25, the size the spec says no client should be refused ("Size constraints"). */
export const MAX_PAYLOAD = 32 * 1024 * 1024 // bytes
/** Longest option data accepted; names are at most 4096 bytes, so more than this is abuse. */
export const MAX_OPTION_BYTES = 64 * 1024 // bytes
