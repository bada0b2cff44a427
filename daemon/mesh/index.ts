export { GridKey, loadGridKey, saveGridKey, loadNodeKey, NODE_KEY_FILE } from './keys.ts'
export { createMeshHost, MeshHost } from './host.ts'
export { Admission } from './admission.ts'
export type { AdmissionSource, Verdict } from './admission.ts'
export { JOIN_PROTOCOL } from './join-protocol.ts'
export type { MeshHostComponents, MeshHostInit, MeshServices } from './host.ts'
export { Links, backoffDelay, DEFAULT_BACKOFF } from './links.ts'
export type { BackoffPolicy, LinksComponents, LinksInit, Rng } from './links.ts'
export { Libp2pTransport } from './libp2p-transport.ts'
export { Libp2pGossip } from './libp2p-gossip.ts'
export type { Libp2pTransportInit, TransportHost } from './libp2p-transport.ts'
export { Libp2pDuplex } from './libp2p-stream.ts'
export {
  GridKeyInvalidError,
  KeyFileExposedError,
  MeshAddressInvalidError,
  NodeKeyInvalidError
} from './errors.ts'
export { probeMulticast } from './multicast.ts'
export { UdpDatagrams } from './udp-datagrams.ts'
export { openPorts, scanRanges, SubnetScanner, subnetHosts } from './subnet-scan.ts'
export type { MulticastProbe } from './multicast.ts'
export { TlsChannel } from './tls-channel.ts'
export type { BulkLocator } from './tls-channel.ts'
export { bulkListenHost, startBulkTransport, BULK_INFO_PROTOCOL } from './bulk.ts'
