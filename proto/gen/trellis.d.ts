import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace trellis {

    namespace logs {

        interface ILogRequest extends trellis.logs.LogRequest.$Properties {
        }

        class LogRequest {
            constructor(p?: trellis.logs.LogRequest.$Properties);
            $unknowns?: Uint8Array[];
            instance: string;
            tail: number;
            since: (number|Long);
            stream: string;
            follow: boolean;
            static create(properties: trellis.logs.LogRequest.$Shape): trellis.logs.LogRequest & trellis.logs.LogRequest.$Shape;
            static create(properties?: trellis.logs.LogRequest.$Properties): trellis.logs.LogRequest;
            static encode(m: trellis.logs.LogRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.logs.LogRequest & trellis.logs.LogRequest.$Shape;
        }

        namespace LogRequest {
            interface $Properties {
                instance?: (string|null);
                tail?: (number|null);
                since?: (number|Long|null);
                stream?: (string|null);
                follow?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.logs.LogRequest.$Properties;
        }

        interface ILogLine extends trellis.logs.LogLine.$Properties {
        }

        class LogLine {
            constructor(p?: trellis.logs.LogLine.$Properties);
            $unknowns?: Uint8Array[];
            at: (number|Long);
            stderr: boolean;
            text: string;
            static create(properties: trellis.logs.LogLine.$Shape): trellis.logs.LogLine & trellis.logs.LogLine.$Shape;
            static create(properties?: trellis.logs.LogLine.$Properties): trellis.logs.LogLine;
            static encode(m: trellis.logs.LogLine.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.logs.LogLine & trellis.logs.LogLine.$Shape;
        }

        namespace LogLine {
            interface $Properties {
                at?: (number|Long|null);
                stderr?: (boolean|null);
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.logs.LogLine.$Properties;
        }

        interface ILogChunk extends trellis.logs.LogChunk.$Properties {
        }

        class LogChunk {
            constructor(p?: trellis.logs.LogChunk.$Properties);
            $unknowns?: Uint8Array[];
            lines: trellis.logs.LogLine.$Properties[];
            error: string;
            message: string;
            static create(properties: trellis.logs.LogChunk.$Shape): trellis.logs.LogChunk & trellis.logs.LogChunk.$Shape;
            static create(properties?: trellis.logs.LogChunk.$Properties): trellis.logs.LogChunk;
            static encode(m: trellis.logs.LogChunk.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.logs.LogChunk & trellis.logs.LogChunk.$Shape;
        }

        namespace LogChunk {
            interface $Properties {
                lines?: (trellis.logs.LogLine.$Properties[]|null);
                error?: (string|null);
                message?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.logs.LogChunk.$Properties;
        }
    }

    namespace mesh {

        interface INodeAdvert extends trellis.mesh.NodeAdvert.$Properties {
        }

        class NodeAdvert {
            constructor(p?: trellis.mesh.NodeAdvert.$Properties);
            $unknowns?: Uint8Array[];
            nodeId: string;
            name: string;
            incarnation: (number|Long);
            sequence: (number|Long);
            sentAt: (number|Long);
            versions?: (trellis.mesh.Versions.$Properties|null);
            zone: string;
            labels: { [k: string]: string };
            cpu?: (trellis.mesh.Cpu.$Properties|null);
            memory?: (trellis.mesh.Memory.$Properties|null);
            disk?: (trellis.mesh.Disk.$Properties|null);
            power?: (trellis.mesh.Power.$Properties|null);
            capabilities: string[];
            notes: string[];
            apiAddress: string;
            listenAddrs: string[];
            wakeMac: string;
            static create(properties: trellis.mesh.NodeAdvert.$Shape): trellis.mesh.NodeAdvert & trellis.mesh.NodeAdvert.$Shape;
            static create(properties?: trellis.mesh.NodeAdvert.$Properties): trellis.mesh.NodeAdvert;
            static encode(m: trellis.mesh.NodeAdvert.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.NodeAdvert & trellis.mesh.NodeAdvert.$Shape;
        }

        namespace NodeAdvert {
            interface $Properties {
                nodeId?: (string|null);
                name?: (string|null);
                incarnation?: (number|Long|null);
                sequence?: (number|Long|null);
                sentAt?: (number|Long|null);
                versions?: (trellis.mesh.Versions.$Properties|null);
                zone?: (string|null);
                labels?: ({ [k: string]: string }|null);
                cpu?: (trellis.mesh.Cpu.$Properties|null);
                memory?: (trellis.mesh.Memory.$Properties|null);
                disk?: (trellis.mesh.Disk.$Properties|null);
                power?: (trellis.mesh.Power.$Properties|null);
                capabilities?: (string[]|null);
                notes?: (string[]|null);
                apiAddress?: (string|null);
                listenAddrs?: (string[]|null);
                wakeMac?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.NodeAdvert.$Properties;
        }

        interface IVersions extends trellis.mesh.Versions.$Properties {
        }

        class Versions {
            constructor(p?: trellis.mesh.Versions.$Properties);
            $unknowns?: Uint8Array[];
            trellis: string;
            node: string;
            static create(properties: trellis.mesh.Versions.$Shape): trellis.mesh.Versions & trellis.mesh.Versions.$Shape;
            static create(properties?: trellis.mesh.Versions.$Properties): trellis.mesh.Versions;
            static encode(m: trellis.mesh.Versions.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.Versions & trellis.mesh.Versions.$Shape;
        }

        namespace Versions {
            interface $Properties {
                trellis?: (string|null);
                node?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.Versions.$Properties;
        }

        interface ICpu extends trellis.mesh.Cpu.$Properties {
        }

        class Cpu {
            constructor(p?: trellis.mesh.Cpu.$Properties);
            $unknowns?: Uint8Array[];
            cores: number;
            model: string;
            load1: number;
            load5: number;
            load15: number;
            usage: number;
            allocatable: number;
            allocated: number;
            static create(properties: trellis.mesh.Cpu.$Shape): trellis.mesh.Cpu & trellis.mesh.Cpu.$Shape;
            static create(properties?: trellis.mesh.Cpu.$Properties): trellis.mesh.Cpu;
            static encode(m: trellis.mesh.Cpu.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.Cpu & trellis.mesh.Cpu.$Shape;
        }

        namespace Cpu {
            interface $Properties {
                cores?: (number|null);
                model?: (string|null);
                load1?: (number|null);
                load5?: (number|null);
                load15?: (number|null);
                usage?: (number|null);
                allocatable?: (number|null);
                allocated?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.Cpu.$Properties;
        }

        interface IMemory extends trellis.mesh.Memory.$Properties {
        }

        class Memory {
            constructor(p?: trellis.mesh.Memory.$Properties);
            $unknowns?: Uint8Array[];
            total: (number|Long);
            free: (number|Long);
            allocatable: (number|Long);
            allocated: (number|Long);
            static create(properties: trellis.mesh.Memory.$Shape): trellis.mesh.Memory & trellis.mesh.Memory.$Shape;
            static create(properties?: trellis.mesh.Memory.$Properties): trellis.mesh.Memory;
            static encode(m: trellis.mesh.Memory.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.Memory & trellis.mesh.Memory.$Shape;
        }

        namespace Memory {
            interface $Properties {
                total?: (number|Long|null);
                free?: (number|Long|null);
                allocatable?: (number|Long|null);
                allocated?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.Memory.$Properties;
        }

        interface IDisk extends trellis.mesh.Disk.$Properties {
        }

        class Disk {
            constructor(p?: trellis.mesh.Disk.$Properties);
            $unknowns?: Uint8Array[];
            total: (number|Long);
            free: (number|Long);
            allocatable: (number|Long);
            allocated: (number|Long);
            static create(properties: trellis.mesh.Disk.$Shape): trellis.mesh.Disk & trellis.mesh.Disk.$Shape;
            static create(properties?: trellis.mesh.Disk.$Properties): trellis.mesh.Disk;
            static encode(m: trellis.mesh.Disk.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.Disk & trellis.mesh.Disk.$Shape;
        }

        namespace Disk {
            interface $Properties {
                total?: (number|Long|null);
                free?: (number|Long|null);
                allocatable?: (number|Long|null);
                allocated?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.Disk.$Properties;
        }

        enum PowerSource {
            POWER_SOURCE_UNKNOWN = 0,
            POWER_SOURCE_MAINS = 1,
            POWER_SOURCE_BATTERY = 2
        }

        interface IPower extends trellis.mesh.Power.$Properties {
        }

        class Power {
            constructor(p?: trellis.mesh.Power.$Properties);
            $unknowns?: Uint8Array[];
            source: trellis.mesh.PowerSource;
            chargePercent?: (number|null);
            timeRemainingMinutes?: (number|null);
            charging: boolean;
            static create(properties: trellis.mesh.Power.$Shape): trellis.mesh.Power & trellis.mesh.Power.$Shape;
            static create(properties?: trellis.mesh.Power.$Properties): trellis.mesh.Power;
            static encode(m: trellis.mesh.Power.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.Power & trellis.mesh.Power.$Shape;
        }

        namespace Power {
            interface $Properties {
                source?: (trellis.mesh.PowerSource|null);
                chargePercent?: (number|null);
                timeRemainingMinutes?: (number|null);
                charging?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.Power.$Properties;
        }

        interface IHeartbeat extends trellis.mesh.Heartbeat.$Properties {
        }

        class Heartbeat {
            constructor(p?: trellis.mesh.Heartbeat.$Properties);
            $unknowns?: Uint8Array[];
            nodeId: string;
            incarnation: (number|Long);
            sequence: (number|Long);
            sentAt: (number|Long);
            leaving: boolean;
            heard: boolean;
            static create(properties: trellis.mesh.Heartbeat.$Shape): trellis.mesh.Heartbeat & trellis.mesh.Heartbeat.$Shape;
            static create(properties?: trellis.mesh.Heartbeat.$Properties): trellis.mesh.Heartbeat;
            static encode(m: trellis.mesh.Heartbeat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.Heartbeat & trellis.mesh.Heartbeat.$Shape;
        }

        namespace Heartbeat {
            interface $Properties {
                nodeId?: (string|null);
                incarnation?: (number|Long|null);
                sequence?: (number|Long|null);
                sentAt?: (number|Long|null);
                leaving?: (boolean|null);
                heard?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.Heartbeat.$Properties;
        }

        interface IInstanceReport extends trellis.mesh.InstanceReport.$Properties {
        }

        class InstanceReport {
            constructor(p?: trellis.mesh.InstanceReport.$Properties);
            $unknowns?: Uint8Array[];
            nodeId: string;
            incarnation: (number|Long);
            sequence: (number|Long);
            sentAt: (number|Long);
            instances: trellis.mesh.InstanceState.$Properties[];
            events: trellis.mesh.InstanceEvent.$Properties[];
            volumeSyncs: trellis.mesh.VolumeSync.$Properties[];
            static create(properties: trellis.mesh.InstanceReport.$Shape): trellis.mesh.InstanceReport & trellis.mesh.InstanceReport.$Shape;
            static create(properties?: trellis.mesh.InstanceReport.$Properties): trellis.mesh.InstanceReport;
            static encode(m: trellis.mesh.InstanceReport.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.InstanceReport & trellis.mesh.InstanceReport.$Shape;
        }

        namespace InstanceReport {
            interface $Properties {
                nodeId?: (string|null);
                incarnation?: (number|Long|null);
                sequence?: (number|Long|null);
                sentAt?: (number|Long|null);
                instances?: (trellis.mesh.InstanceState.$Properties[]|null);
                events?: (trellis.mesh.InstanceEvent.$Properties[]|null);
                volumeSyncs?: (trellis.mesh.VolumeSync.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.InstanceReport.$Properties;
        }

        interface IVolumeSync extends trellis.mesh.VolumeSync.$Properties {
        }

        class VolumeSync {
            constructor(p?: trellis.mesh.VolumeSync.$Properties);
            $unknowns?: Uint8Array[];
            volume: string;
            node: string;
            comparedBytes: (number|Long);
            totalBytes: (number|Long);
            copiedBytes: (number|Long);
            startedAt: (number|Long);
            static create(properties: trellis.mesh.VolumeSync.$Shape): trellis.mesh.VolumeSync & trellis.mesh.VolumeSync.$Shape;
            static create(properties?: trellis.mesh.VolumeSync.$Properties): trellis.mesh.VolumeSync;
            static encode(m: trellis.mesh.VolumeSync.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.VolumeSync & trellis.mesh.VolumeSync.$Shape;
        }

        namespace VolumeSync {
            interface $Properties {
                volume?: (string|null);
                node?: (string|null);
                comparedBytes?: (number|Long|null);
                totalBytes?: (number|Long|null);
                copiedBytes?: (number|Long|null);
                startedAt?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.VolumeSync.$Properties;
        }

        interface IInstanceState extends trellis.mesh.InstanceState.$Properties {
        }

        class InstanceState {
            constructor(p?: trellis.mesh.InstanceState.$Properties);
            $unknowns?: Uint8Array[];
            id: string;
            state: string;
            pid: number;
            restarts: number;
            health: string;
            since: (number|Long);
            exitCode: number;
            exitSignal: string;
            oomKilled: boolean;
            exited: boolean;
            plan: string;
            static create(properties: trellis.mesh.InstanceState.$Shape): trellis.mesh.InstanceState & trellis.mesh.InstanceState.$Shape;
            static create(properties?: trellis.mesh.InstanceState.$Properties): trellis.mesh.InstanceState;
            static encode(m: trellis.mesh.InstanceState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.InstanceState & trellis.mesh.InstanceState.$Shape;
        }

        namespace InstanceState {
            interface $Properties {
                id?: (string|null);
                state?: (string|null);
                pid?: (number|null);
                restarts?: (number|null);
                health?: (string|null);
                since?: (number|Long|null);
                exitCode?: (number|null);
                exitSignal?: (string|null);
                oomKilled?: (boolean|null);
                exited?: (boolean|null);
                plan?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.InstanceState.$Properties;
        }

        interface IInstanceEvent extends trellis.mesh.InstanceEvent.$Properties {
        }

        class InstanceEvent {
            constructor(p?: trellis.mesh.InstanceEvent.$Properties);
            $unknowns?: Uint8Array[];
            at: (number|Long);
            instance: string;
            kind: string;
            detail: string;
            seq: (number|Long);
            static create(properties: trellis.mesh.InstanceEvent.$Shape): trellis.mesh.InstanceEvent & trellis.mesh.InstanceEvent.$Shape;
            static create(properties?: trellis.mesh.InstanceEvent.$Properties): trellis.mesh.InstanceEvent;
            static encode(m: trellis.mesh.InstanceEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.mesh.InstanceEvent & trellis.mesh.InstanceEvent.$Shape;
        }

        namespace InstanceEvent {
            interface $Properties {
                at?: (number|Long|null);
                instance?: (string|null);
                kind?: (string|null);
                detail?: (string|null);
                seq?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.mesh.InstanceEvent.$Properties;
        }
    }

    namespace raft {

        enum MessageType {
            MESSAGE_TYPE_UNSPECIFIED = 0,
            APPEND = 1,
            APPEND_RESPONSE = 2,
            HEARTBEAT = 3,
            HEARTBEAT_RESPONSE = 4,
            VOTE = 5,
            PRE_VOTE = 6,
            VOTE_RESPONSE = 7,
            PRE_VOTE_RESPONSE = 8,
            SNAPSHOT = 9,
            READ_INDEX = 10,
            READ_INDEX_RESPONSE = 11,
            TIMEOUT_NOW = 12
        }

        interface IMessage extends trellis.raft.Message.$Properties {
        }

        class Message {
            constructor(p?: trellis.raft.Message.$Properties);
            $unknowns?: Uint8Array[];
            type: trellis.raft.MessageType;
            from: string;
            to: string;
            term: (number|Long);
            index: (number|Long);
            logTerm: (number|Long);
            commit: (number|Long);
            entries: trellis.raft.Entry.$Properties[];
            reject: boolean;
            rejectHint: (number|Long);
            context: Uint8Array;
            transfer: boolean;
            snapshot?: (trellis.raft.Snapshot.$Properties|null);
            round: (number|Long);
            confirmed: (number|Long);
            static create(properties: trellis.raft.Message.$Shape): trellis.raft.Message & trellis.raft.Message.$Shape;
            static create(properties?: trellis.raft.Message.$Properties): trellis.raft.Message;
            static encode(m: trellis.raft.Message.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.Message & trellis.raft.Message.$Shape;
        }

        namespace Message {
            interface $Properties {
                type?: (trellis.raft.MessageType|null);
                from?: (string|null);
                to?: (string|null);
                term?: (number|Long|null);
                index?: (number|Long|null);
                logTerm?: (number|Long|null);
                commit?: (number|Long|null);
                entries?: (trellis.raft.Entry.$Properties[]|null);
                reject?: (boolean|null);
                rejectHint?: (number|Long|null);
                context?: (Uint8Array|null);
                transfer?: (boolean|null);
                snapshot?: (trellis.raft.Snapshot.$Properties|null);
                round?: (number|Long|null);
                confirmed?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.Message.$Properties;
        }

        enum EntryType {
            ENTRY_TYPE_UNSPECIFIED = 0,
            NORMAL = 1,
            CONF_CHANGE = 2
        }

        interface IEntry extends trellis.raft.Entry.$Properties {
        }

        class Entry {
            constructor(p?: trellis.raft.Entry.$Properties);
            $unknowns?: Uint8Array[];
            type: trellis.raft.EntryType;
            term: (number|Long);
            index: (number|Long);
            data: Uint8Array;
            change?: (trellis.raft.ConfChange.$Properties|null);
            static create(properties: trellis.raft.Entry.$Shape): trellis.raft.Entry & trellis.raft.Entry.$Shape;
            static create(properties?: trellis.raft.Entry.$Properties): trellis.raft.Entry;
            static encode(m: trellis.raft.Entry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.Entry & trellis.raft.Entry.$Shape;
        }

        namespace Entry {
            interface $Properties {
                type?: (trellis.raft.EntryType|null);
                term?: (number|Long|null);
                index?: (number|Long|null);
                data?: (Uint8Array|null);
                change?: (trellis.raft.ConfChange.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.Entry.$Properties;
        }

        enum ConfChangeType {
            CONF_CHANGE_TYPE_UNSPECIFIED = 0,
            ADD_VOTER = 1,
            ADD_LEARNER = 2,
            PROMOTE = 3,
            REMOVE = 4
        }

        interface IConfChange extends trellis.raft.ConfChange.$Properties {
        }

        class ConfChange {
            constructor(p?: trellis.raft.ConfChange.$Properties);
            $unknowns?: Uint8Array[];
            type: trellis.raft.ConfChangeType;
            node: string;
            static create(properties: trellis.raft.ConfChange.$Shape): trellis.raft.ConfChange & trellis.raft.ConfChange.$Shape;
            static create(properties?: trellis.raft.ConfChange.$Properties): trellis.raft.ConfChange;
            static encode(m: trellis.raft.ConfChange.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.ConfChange & trellis.raft.ConfChange.$Shape;
        }

        namespace ConfChange {
            interface $Properties {
                type?: (trellis.raft.ConfChangeType|null);
                node?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.ConfChange.$Properties;
        }

        interface IConfState extends trellis.raft.ConfState.$Properties {
        }

        class ConfState {
            constructor(p?: trellis.raft.ConfState.$Properties);
            $unknowns?: Uint8Array[];
            voters: string[];
            learners: string[];
            static create(properties: trellis.raft.ConfState.$Shape): trellis.raft.ConfState & trellis.raft.ConfState.$Shape;
            static create(properties?: trellis.raft.ConfState.$Properties): trellis.raft.ConfState;
            static encode(m: trellis.raft.ConfState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.ConfState & trellis.raft.ConfState.$Shape;
        }

        namespace ConfState {
            interface $Properties {
                voters?: (string[]|null);
                learners?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.ConfState.$Properties;
        }

        interface IHardState extends trellis.raft.HardState.$Properties {
        }

        class HardState {
            constructor(p?: trellis.raft.HardState.$Properties);
            $unknowns?: Uint8Array[];
            term: (number|Long);
            vote: string;
            commit: (number|Long);
            static create(properties: trellis.raft.HardState.$Shape): trellis.raft.HardState & trellis.raft.HardState.$Shape;
            static create(properties?: trellis.raft.HardState.$Properties): trellis.raft.HardState;
            static encode(m: trellis.raft.HardState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.HardState & trellis.raft.HardState.$Shape;
        }

        namespace HardState {
            interface $Properties {
                term?: (number|Long|null);
                vote?: (string|null);
                commit?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.HardState.$Properties;
        }

        interface ISnapshot extends trellis.raft.Snapshot.$Properties {
        }

        class Snapshot {
            constructor(p?: trellis.raft.Snapshot.$Properties);
            $unknowns?: Uint8Array[];
            index: (number|Long);
            term: (number|Long);
            conf?: (trellis.raft.ConfState.$Properties|null);
            data: Uint8Array;
            static create(properties: trellis.raft.Snapshot.$Shape): trellis.raft.Snapshot & trellis.raft.Snapshot.$Shape;
            static create(properties?: trellis.raft.Snapshot.$Properties): trellis.raft.Snapshot;
            static encode(m: trellis.raft.Snapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.Snapshot & trellis.raft.Snapshot.$Shape;
        }

        namespace Snapshot {
            interface $Properties {
                index?: (number|Long|null);
                term?: (number|Long|null);
                conf?: (trellis.raft.ConfState.$Properties|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.Snapshot.$Properties;
        }

        interface IForwardRequest extends trellis.raft.ForwardRequest.$Properties {
        }

        class ForwardRequest {
            constructor(p?: trellis.raft.ForwardRequest.$Properties);
            $unknowns?: Uint8Array[];
            command: Uint8Array;
            static create(properties: trellis.raft.ForwardRequest.$Shape): trellis.raft.ForwardRequest & trellis.raft.ForwardRequest.$Shape;
            static create(properties?: trellis.raft.ForwardRequest.$Properties): trellis.raft.ForwardRequest;
            static encode(m: trellis.raft.ForwardRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.ForwardRequest & trellis.raft.ForwardRequest.$Shape;
        }

        namespace ForwardRequest {
            interface $Properties {
                command?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.ForwardRequest.$Properties;
        }

        enum ForwardStatus {
            FORWARD_STATUS_UNSPECIFIED = 0,
            OK = 1,
            NOT_LEADER = 2,
            ERROR = 3
        }

        interface IForwardResponse extends trellis.raft.ForwardResponse.$Properties {
        }

        class ForwardResponse {
            constructor(p?: trellis.raft.ForwardResponse.$Properties);
            $unknowns?: Uint8Array[];
            status: trellis.raft.ForwardStatus;
            resultJson: string;
            leader: string;
            code: string;
            message: string;
            index: (number|Long);
            static create(properties: trellis.raft.ForwardResponse.$Shape): trellis.raft.ForwardResponse & trellis.raft.ForwardResponse.$Shape;
            static create(properties?: trellis.raft.ForwardResponse.$Properties): trellis.raft.ForwardResponse;
            static encode(m: trellis.raft.ForwardResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.raft.ForwardResponse & trellis.raft.ForwardResponse.$Shape;
        }

        namespace ForwardResponse {
            interface $Properties {
                status?: (trellis.raft.ForwardStatus|null);
                resultJson?: (string|null);
                leader?: (string|null);
                code?: (string|null);
                message?: (string|null);
                index?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.raft.ForwardResponse.$Properties;
        }
    }

    namespace runtime {

        interface IInstanceRecord extends trellis.runtime.InstanceRecord.$Properties {
        }

        class InstanceRecord {
            constructor(p?: trellis.runtime.InstanceRecord.$Properties);
            $unknowns?: Uint8Array[];
            id: string;
            appVersion: (number|Long);
            driver: string;
            startedAt: (number|Long);
            driverState: string;
            restarts: number;
            static create(properties: trellis.runtime.InstanceRecord.$Shape): trellis.runtime.InstanceRecord & trellis.runtime.InstanceRecord.$Shape;
            static create(properties?: trellis.runtime.InstanceRecord.$Properties): trellis.runtime.InstanceRecord;
            static encode(m: trellis.runtime.InstanceRecord.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.runtime.InstanceRecord & trellis.runtime.InstanceRecord.$Shape;
        }

        namespace InstanceRecord {
            interface $Properties {
                id?: (string|null);
                appVersion?: (number|Long|null);
                driver?: (string|null);
                startedAt?: (number|Long|null);
                driverState?: (string|null);
                restarts?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.runtime.InstanceRecord.$Properties;
        }
    }

    namespace session {

        interface IOpen extends trellis.session.Open.$Properties {
        }

        class Open {
            constructor(p?: trellis.session.Open.$Properties);
            $unknowns?: Uint8Array[];
            instance: string;
            console: boolean;
            command: string[];
            tty: boolean;
            cols: number;
            rows: number;
            term: string;
            static create(properties: trellis.session.Open.$Shape): trellis.session.Open & trellis.session.Open.$Shape;
            static create(properties?: trellis.session.Open.$Properties): trellis.session.Open;
            static encode(m: trellis.session.Open.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.session.Open & trellis.session.Open.$Shape;
        }

        namespace Open {
            interface $Properties {
                instance?: (string|null);
                console?: (boolean|null);
                command?: (string[]|null);
                tty?: (boolean|null);
                cols?: (number|null);
                rows?: (number|null);
                term?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.session.Open.$Properties;
        }

        interface IResize extends trellis.session.Resize.$Properties {
        }

        class Resize {
            constructor(p?: trellis.session.Resize.$Properties);
            $unknowns?: Uint8Array[];
            cols: number;
            rows: number;
            static create(properties: trellis.session.Resize.$Shape): trellis.session.Resize & trellis.session.Resize.$Shape;
            static create(properties?: trellis.session.Resize.$Properties): trellis.session.Resize;
            static encode(m: trellis.session.Resize.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.session.Resize & trellis.session.Resize.$Shape;
        }

        namespace Resize {
            interface $Properties {
                cols?: (number|null);
                rows?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.session.Resize.$Properties;
        }

        interface IEnd extends trellis.session.End.$Properties {
        }

        class End {
            constructor(p?: trellis.session.End.$Properties);
            $unknowns?: Uint8Array[];
            code?: (number|null);
            signal: string;
            errorCode: string;
            errorMessage: string;
            static create(properties: trellis.session.End.$Shape): trellis.session.End & trellis.session.End.$Shape;
            static create(properties?: trellis.session.End.$Properties): trellis.session.End;
            static encode(m: trellis.session.End.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.session.End & trellis.session.End.$Shape;
        }

        namespace End {
            interface $Properties {
                code?: (number|null);
                signal?: (string|null);
                errorCode?: (string|null);
                errorMessage?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.session.End.$Properties;
        }

        interface IControl extends trellis.session.Control.$Properties {
        }

        class Control {
            constructor(p?: trellis.session.Control.$Properties);
            $unknowns?: Uint8Array[];
            open?: (trellis.session.Open.$Properties|null);
            resize?: (trellis.session.Resize.$Properties|null);
            eof?: (boolean|null);
            end?: (trellis.session.End.$Properties|null);
            kind?: ("open"|"resize"|"eof"|"end");
            static create(properties: trellis.session.Control.$Shape): trellis.session.Control & trellis.session.Control.$Shape;
            static create(properties?: trellis.session.Control.$Properties): trellis.session.Control;
            static encode(m: trellis.session.Control.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.session.Control & trellis.session.Control.$Shape;
        }

        namespace Control {
            interface $Properties {
                open?: (trellis.session.Open.$Properties|null);
                resize?: (trellis.session.Resize.$Properties|null);
                eof?: (boolean|null);
                end?: (trellis.session.End.$Properties|null);
                kind?: ("open"|"resize"|"eof"|"end");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              open?: trellis.session.Open.$Shape|null;
              resize?: trellis.session.Resize.$Shape|null;
              eof?: boolean|null;
              end?: trellis.session.End.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; open?: null; resize?: null; eof?: null; end?: null }|{ kind?: "open"; open: trellis.session.Open.$Shape; resize?: null; eof?: null; end?: null }|{ kind?: "resize"; open?: null; resize: trellis.session.Resize.$Shape; eof?: null; end?: null }|{ kind?: "eof"; open?: null; resize?: null; eof: boolean; end?: null }|{ kind?: "end"; open?: null; resize?: null; eof?: null; end: trellis.session.End.$Shape })
            );
        }
    }

    namespace state {

        interface ICommand extends trellis.state.Command.$Properties {
        }

        class Command {
            constructor(p?: trellis.state.Command.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            putApp?: (trellis.state.PutApp.$Properties|null);
            deleteApp?: (trellis.state.DeleteApp.$Properties|null);
            placeApp?: (trellis.state.PlaceApp.$Properties|null);
            setNodeAdmin?: (trellis.state.SetNodeAdmin.$Properties|null);
            updateVolume?: (trellis.state.UpdateVolume.$Properties|null);
            copyVolume?: (trellis.state.CopyVolume.$Properties|null);
            deleteSnapshot?: (trellis.state.DeleteSnapshot.$Properties|null);
            putImage?: (trellis.state.PutImage.$Properties|null);
            deleteImage?: (trellis.state.DeleteImage.$Properties|null);
            imageHeld?: (trellis.state.ImageHeld.$Properties|null);
            putToken?: (trellis.state.PutToken.$Properties|null);
            revokeToken?: (trellis.state.RevokeToken.$Properties|null);
            setPower?: (trellis.state.SetPower.$Properties|null);
            revokeNode?: (trellis.state.RevokeNode.$Properties|null);
            kind?: ("putApp"|"deleteApp"|"placeApp"|"setNodeAdmin"|"updateVolume"|"copyVolume"|"deleteSnapshot"|"putImage"|"deleteImage"|"imageHeld"|"putToken"|"revokeToken"|"setPower"|"revokeNode");
            static create(properties: trellis.state.Command.$Shape): trellis.state.Command & trellis.state.Command.$Shape;
            static create(properties?: trellis.state.Command.$Properties): trellis.state.Command;
            static encode(m: trellis.state.Command.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.Command & trellis.state.Command.$Shape;
        }

        namespace Command {
            interface $Properties {
                version?: (number|null);
                putApp?: (trellis.state.PutApp.$Properties|null);
                deleteApp?: (trellis.state.DeleteApp.$Properties|null);
                placeApp?: (trellis.state.PlaceApp.$Properties|null);
                setNodeAdmin?: (trellis.state.SetNodeAdmin.$Properties|null);
                updateVolume?: (trellis.state.UpdateVolume.$Properties|null);
                copyVolume?: (trellis.state.CopyVolume.$Properties|null);
                deleteSnapshot?: (trellis.state.DeleteSnapshot.$Properties|null);
                putImage?: (trellis.state.PutImage.$Properties|null);
                deleteImage?: (trellis.state.DeleteImage.$Properties|null);
                imageHeld?: (trellis.state.ImageHeld.$Properties|null);
                putToken?: (trellis.state.PutToken.$Properties|null);
                revokeToken?: (trellis.state.RevokeToken.$Properties|null);
                setPower?: (trellis.state.SetPower.$Properties|null);
                revokeNode?: (trellis.state.RevokeNode.$Properties|null);
                kind?: ("putApp"|"deleteApp"|"placeApp"|"setNodeAdmin"|"updateVolume"|"copyVolume"|"deleteSnapshot"|"putImage"|"deleteImage"|"imageHeld"|"putToken"|"revokeToken"|"setPower"|"revokeNode");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              version?: number|null;
              putApp?: trellis.state.PutApp.$Shape|null;
              deleteApp?: trellis.state.DeleteApp.$Shape|null;
              placeApp?: trellis.state.PlaceApp.$Shape|null;
              setNodeAdmin?: trellis.state.SetNodeAdmin.$Shape|null;
              updateVolume?: trellis.state.UpdateVolume.$Shape|null;
              copyVolume?: trellis.state.CopyVolume.$Shape|null;
              deleteSnapshot?: trellis.state.DeleteSnapshot.$Shape|null;
              putImage?: trellis.state.PutImage.$Shape|null;
              deleteImage?: trellis.state.DeleteImage.$Shape|null;
              imageHeld?: trellis.state.ImageHeld.$Shape|null;
              putToken?: trellis.state.PutToken.$Shape|null;
              revokeToken?: trellis.state.RevokeToken.$Shape|null;
              setPower?: trellis.state.SetPower.$Shape|null;
              revokeNode?: trellis.state.RevokeNode.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "putApp"; putApp: trellis.state.PutApp.$Shape; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "deleteApp"; putApp?: null; deleteApp: trellis.state.DeleteApp.$Shape; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "placeApp"; putApp?: null; deleteApp?: null; placeApp: trellis.state.PlaceApp.$Shape; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "setNodeAdmin"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin: trellis.state.SetNodeAdmin.$Shape; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "updateVolume"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume: trellis.state.UpdateVolume.$Shape; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "copyVolume"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume: trellis.state.CopyVolume.$Shape; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "deleteSnapshot"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot: trellis.state.DeleteSnapshot.$Shape; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "putImage"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage: trellis.state.PutImage.$Shape; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "deleteImage"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage: trellis.state.DeleteImage.$Shape; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "imageHeld"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld: trellis.state.ImageHeld.$Shape; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "putToken"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken: trellis.state.PutToken.$Shape; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "revokeToken"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken: trellis.state.RevokeToken.$Shape; setPower?: null; revokeNode?: null }|{ kind?: "setPower"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower: trellis.state.SetPower.$Shape; revokeNode?: null }|{ kind?: "revokeNode"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode: trellis.state.RevokeNode.$Shape })
            );
        }

        interface IPutApp extends trellis.state.PutApp.$Properties {
        }

        class PutApp {
            constructor(p?: trellis.state.PutApp.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            specJson: string;
            source: string;
            homeNode: string;
            rollbackOf: number;
            static create(properties: trellis.state.PutApp.$Shape): trellis.state.PutApp & trellis.state.PutApp.$Shape;
            static create(properties?: trellis.state.PutApp.$Properties): trellis.state.PutApp;
            static encode(m: trellis.state.PutApp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.PutApp & trellis.state.PutApp.$Shape;
        }

        namespace PutApp {
            interface $Properties {
                name?: (string|null);
                specJson?: (string|null);
                source?: (string|null);
                homeNode?: (string|null);
                rollbackOf?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.PutApp.$Properties;
        }

        interface IDeleteApp extends trellis.state.DeleteApp.$Properties {
        }

        class DeleteApp {
            constructor(p?: trellis.state.DeleteApp.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            static create(properties: trellis.state.DeleteApp.$Shape): trellis.state.DeleteApp & trellis.state.DeleteApp.$Shape;
            static create(properties?: trellis.state.DeleteApp.$Properties): trellis.state.DeleteApp;
            static encode(m: trellis.state.DeleteApp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.DeleteApp & trellis.state.DeleteApp.$Shape;
        }

        namespace DeleteApp {
            interface $Properties {
                name?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.DeleteApp.$Properties;
        }

        interface IPlaceApp extends trellis.state.PlaceApp.$Properties {
        }

        class PlaceApp {
            constructor(p?: trellis.state.PlaceApp.$Properties);
            $unknowns?: Uint8Array[];
            app: string;
            appVersion: (number|Long);
            placements: trellis.state.Placement.$Properties[];
            reason: string;
            volumes: trellis.state.VolumeMembers.$Properties[];
            static create(properties: trellis.state.PlaceApp.$Shape): trellis.state.PlaceApp & trellis.state.PlaceApp.$Shape;
            static create(properties?: trellis.state.PlaceApp.$Properties): trellis.state.PlaceApp;
            static encode(m: trellis.state.PlaceApp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.PlaceApp & trellis.state.PlaceApp.$Shape;
        }

        namespace PlaceApp {
            interface $Properties {
                app?: (string|null);
                appVersion?: (number|Long|null);
                placements?: (trellis.state.Placement.$Properties[]|null);
                reason?: (string|null);
                volumes?: (trellis.state.VolumeMembers.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.PlaceApp.$Properties;
        }

        interface IVolumeMembers extends trellis.state.VolumeMembers.$Properties {
        }

        class VolumeMembers {
            constructor(p?: trellis.state.VolumeMembers.$Properties);
            $unknowns?: Uint8Array[];
            volume: string;
            members: string[];
            static create(properties: trellis.state.VolumeMembers.$Shape): trellis.state.VolumeMembers & trellis.state.VolumeMembers.$Shape;
            static create(properties?: trellis.state.VolumeMembers.$Properties): trellis.state.VolumeMembers;
            static encode(m: trellis.state.VolumeMembers.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.VolumeMembers & trellis.state.VolumeMembers.$Shape;
        }

        namespace VolumeMembers {
            interface $Properties {
                volume?: (string|null);
                members?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.VolumeMembers.$Properties;
        }

        interface IUpdateVolume extends trellis.state.UpdateVolume.$Properties {
        }

        class UpdateVolume {
            constructor(p?: trellis.state.UpdateVolume.$Properties);
            $unknowns?: Uint8Array[];
            volume: string;
            generation: (number|Long);
            addMembers: string[];
            removeMembers: string[];
            addInSync: string[];
            removeInSync: string[];
            reason: string;
            static create(properties: trellis.state.UpdateVolume.$Shape): trellis.state.UpdateVolume & trellis.state.UpdateVolume.$Shape;
            static create(properties?: trellis.state.UpdateVolume.$Properties): trellis.state.UpdateVolume;
            static encode(m: trellis.state.UpdateVolume.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.UpdateVolume & trellis.state.UpdateVolume.$Shape;
        }

        namespace UpdateVolume {
            interface $Properties {
                volume?: (string|null);
                generation?: (number|Long|null);
                addMembers?: (string[]|null);
                removeMembers?: (string[]|null);
                addInSync?: (string[]|null);
                removeInSync?: (string[]|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.UpdateVolume.$Properties;
        }

        interface IPlacement extends trellis.state.Placement.$Properties {
        }

        class Placement {
            constructor(p?: trellis.state.Placement.$Properties);
            $unknowns?: Uint8Array[];
            instance: string;
            node: string;
            static create(properties: trellis.state.Placement.$Shape): trellis.state.Placement & trellis.state.Placement.$Shape;
            static create(properties?: trellis.state.Placement.$Properties): trellis.state.Placement;
            static encode(m: trellis.state.Placement.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.Placement & trellis.state.Placement.$Shape;
        }

        namespace Placement {
            interface $Properties {
                instance?: (string|null);
                node?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.Placement.$Properties;
        }

        interface ISetNodeAdmin extends trellis.state.SetNodeAdmin.$Properties {
        }

        class SetNodeAdmin {
            constructor(p?: trellis.state.SetNodeAdmin.$Properties);
            $unknowns?: Uint8Array[];
            node: string;
            cordoned: boolean;
            draining: boolean;
            parked: boolean;
            reason: string;
            static create(properties: trellis.state.SetNodeAdmin.$Shape): trellis.state.SetNodeAdmin & trellis.state.SetNodeAdmin.$Shape;
            static create(properties?: trellis.state.SetNodeAdmin.$Properties): trellis.state.SetNodeAdmin;
            static encode(m: trellis.state.SetNodeAdmin.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.SetNodeAdmin & trellis.state.SetNodeAdmin.$Shape;
        }

        namespace SetNodeAdmin {
            interface $Properties {
                node?: (string|null);
                cordoned?: (boolean|null);
                draining?: (boolean|null);
                parked?: (boolean|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.SetNodeAdmin.$Properties;
        }

        interface ISetPower extends trellis.state.SetPower.$Properties {
        }

        class SetPower {
            constructor(p?: trellis.state.SetPower.$Properties);
            $unknowns?: Uint8Array[];
            consolidate: boolean;
            lowPercent: number;
            highPercent: number;
            minActiveNodes: number;
            static create(properties: trellis.state.SetPower.$Shape): trellis.state.SetPower & trellis.state.SetPower.$Shape;
            static create(properties?: trellis.state.SetPower.$Properties): trellis.state.SetPower;
            static encode(m: trellis.state.SetPower.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.SetPower & trellis.state.SetPower.$Shape;
        }

        namespace SetPower {
            interface $Properties {
                consolidate?: (boolean|null);
                lowPercent?: (number|null);
                highPercent?: (number|null);
                minActiveNodes?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.SetPower.$Properties;
        }

        interface ICopyVolume extends trellis.state.CopyVolume.$Properties {
        }

        class CopyVolume {
            constructor(p?: trellis.state.CopyVolume.$Properties);
            $unknowns?: Uint8Array[];
            source: string;
            target: string;
            app: string;
            component: string;
            name: string;
            static create(properties: trellis.state.CopyVolume.$Shape): trellis.state.CopyVolume & trellis.state.CopyVolume.$Shape;
            static create(properties?: trellis.state.CopyVolume.$Properties): trellis.state.CopyVolume;
            static encode(m: trellis.state.CopyVolume.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.CopyVolume & trellis.state.CopyVolume.$Shape;
        }

        namespace CopyVolume {
            interface $Properties {
                source?: (string|null);
                target?: (string|null);
                app?: (string|null);
                component?: (string|null);
                name?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.CopyVolume.$Properties;
        }

        interface IDeleteSnapshot extends trellis.state.DeleteSnapshot.$Properties {
        }

        class DeleteSnapshot {
            constructor(p?: trellis.state.DeleteSnapshot.$Properties);
            $unknowns?: Uint8Array[];
            volume: string;
            static create(properties: trellis.state.DeleteSnapshot.$Shape): trellis.state.DeleteSnapshot & trellis.state.DeleteSnapshot.$Shape;
            static create(properties?: trellis.state.DeleteSnapshot.$Properties): trellis.state.DeleteSnapshot;
            static encode(m: trellis.state.DeleteSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.DeleteSnapshot & trellis.state.DeleteSnapshot.$Shape;
        }

        namespace DeleteSnapshot {
            interface $Properties {
                volume?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.DeleteSnapshot.$Properties;
        }

        interface IPutImage extends trellis.state.PutImage.$Properties {
        }

        class PutImage {
            constructor(p?: trellis.state.PutImage.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            version: string;
            digest: string;
            size: (number|Long);
            chunkSize: number;
            chunks: string[];
            manifest: string;
            holder: string;
            static create(properties: trellis.state.PutImage.$Shape): trellis.state.PutImage & trellis.state.PutImage.$Shape;
            static create(properties?: trellis.state.PutImage.$Properties): trellis.state.PutImage;
            static encode(m: trellis.state.PutImage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.PutImage & trellis.state.PutImage.$Shape;
        }

        namespace PutImage {
            interface $Properties {
                name?: (string|null);
                version?: (string|null);
                digest?: (string|null);
                size?: (number|Long|null);
                chunkSize?: (number|null);
                chunks?: (string[]|null);
                manifest?: (string|null);
                holder?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.PutImage.$Properties;
        }

        interface IDeleteImage extends trellis.state.DeleteImage.$Properties {
        }

        class DeleteImage {
            constructor(p?: trellis.state.DeleteImage.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            version: string;
            static create(properties: trellis.state.DeleteImage.$Shape): trellis.state.DeleteImage & trellis.state.DeleteImage.$Shape;
            static create(properties?: trellis.state.DeleteImage.$Properties): trellis.state.DeleteImage;
            static encode(m: trellis.state.DeleteImage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.DeleteImage & trellis.state.DeleteImage.$Shape;
        }

        namespace DeleteImage {
            interface $Properties {
                name?: (string|null);
                version?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.DeleteImage.$Properties;
        }

        interface IImageHeld extends trellis.state.ImageHeld.$Properties {
        }

        class ImageHeld {
            constructor(p?: trellis.state.ImageHeld.$Properties);
            $unknowns?: Uint8Array[];
            digest: string;
            node: string;
            held: boolean;
            static create(properties: trellis.state.ImageHeld.$Shape): trellis.state.ImageHeld & trellis.state.ImageHeld.$Shape;
            static create(properties?: trellis.state.ImageHeld.$Properties): trellis.state.ImageHeld;
            static encode(m: trellis.state.ImageHeld.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.ImageHeld & trellis.state.ImageHeld.$Shape;
        }

        namespace ImageHeld {
            interface $Properties {
                digest?: (string|null);
                node?: (string|null);
                held?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.ImageHeld.$Properties;
        }

        interface IPutToken extends trellis.state.PutToken.$Properties {
        }

        class PutToken {
            constructor(p?: trellis.state.PutToken.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            hash: string;
            role: string;
            static create(properties: trellis.state.PutToken.$Shape): trellis.state.PutToken & trellis.state.PutToken.$Shape;
            static create(properties?: trellis.state.PutToken.$Properties): trellis.state.PutToken;
            static encode(m: trellis.state.PutToken.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.PutToken & trellis.state.PutToken.$Shape;
        }

        namespace PutToken {
            interface $Properties {
                name?: (string|null);
                hash?: (string|null);
                role?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.PutToken.$Properties;
        }

        interface IRevokeToken extends trellis.state.RevokeToken.$Properties {
        }

        class RevokeToken {
            constructor(p?: trellis.state.RevokeToken.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            static create(properties: trellis.state.RevokeToken.$Shape): trellis.state.RevokeToken & trellis.state.RevokeToken.$Shape;
            static create(properties?: trellis.state.RevokeToken.$Properties): trellis.state.RevokeToken;
            static encode(m: trellis.state.RevokeToken.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.RevokeToken & trellis.state.RevokeToken.$Shape;
        }

        namespace RevokeToken {
            interface $Properties {
                name?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.RevokeToken.$Properties;
        }

        interface IRevokeNode extends trellis.state.RevokeNode.$Properties {
        }

        class RevokeNode {
            constructor(p?: trellis.state.RevokeNode.$Properties);
            $unknowns?: Uint8Array[];
            node: string;
            static create(properties: trellis.state.RevokeNode.$Shape): trellis.state.RevokeNode & trellis.state.RevokeNode.$Shape;
            static create(properties?: trellis.state.RevokeNode.$Properties): trellis.state.RevokeNode;
            static encode(m: trellis.state.RevokeNode.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.RevokeNode & trellis.state.RevokeNode.$Shape;
        }

        namespace RevokeNode {
            interface $Properties {
                node?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.RevokeNode.$Properties;
        }

        interface ILogEntry extends trellis.state.LogEntry.$Properties {
        }

        class LogEntry {
            constructor(p?: trellis.state.LogEntry.$Properties);
            $unknowns?: Uint8Array[];
            index: (number|Long);
            at: (number|Long);
            command: Uint8Array;
            static create(properties: trellis.state.LogEntry.$Shape): trellis.state.LogEntry & trellis.state.LogEntry.$Shape;
            static create(properties?: trellis.state.LogEntry.$Properties): trellis.state.LogEntry;
            static encode(m: trellis.state.LogEntry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.state.LogEntry & trellis.state.LogEntry.$Shape;
        }

        namespace LogEntry {
            interface $Properties {
                index?: (number|Long|null);
                at?: (number|Long|null);
                command?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = trellis.state.LogEntry.$Properties;
        }
    }
}
