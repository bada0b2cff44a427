import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace trellis {

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
            static encodeDelimited(message: trellis.runtime.InstanceRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): trellis.runtime.InstanceRecord & trellis.runtime.InstanceRecord.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): trellis.runtime.InstanceRecord & trellis.runtime.InstanceRecord.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): trellis.runtime.InstanceRecord;
            static toObject(m: trellis.runtime.InstanceRecord, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
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
}
