/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const trellis = $root.trellis = (() => {

    /**
     * Namespace trellis.
     * @exports trellis
     * @namespace
     */
    const trellis = {};

    trellis.runtime = (function() {

        /**
         * Namespace runtime.
         * @memberof trellis
         * @namespace
         */
        const runtime = {};

        runtime.InstanceRecord = (function() {

            /**
             * Properties of an InstanceRecord.
             * @typedef {Object} trellis.runtime.InstanceRecord.$Properties
             * @property {string|null} [id] InstanceRecord id
             * @property {number|Long|null} [appVersion] InstanceRecord appVersion
             * @property {string|null} [driver] InstanceRecord driver
             * @property {number|Long|null} [startedAt] InstanceRecord startedAt
             * @property {string|null} [driverState] InstanceRecord driverState
             * @property {number|null} [restarts] InstanceRecord restarts
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstanceRecord.
             * @memberof trellis.runtime
             * @interface IInstanceRecord
             * @augments trellis.runtime.InstanceRecord.$Properties
             * @deprecated Use trellis.runtime.InstanceRecord.$Properties instead.
             */

            /**
             * Shape of an InstanceRecord.
             * @typedef {trellis.runtime.InstanceRecord.$Properties} trellis.runtime.InstanceRecord.$Shape
             */

            /**
             * Constructs a new InstanceRecord.
             * @memberof trellis.runtime
             * @classdesc Represents an InstanceRecord.
             * @constructor
             * @param {trellis.runtime.InstanceRecord.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstanceRecord = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * InstanceRecord id.
             * @member {string} id
             * @memberof trellis.runtime.InstanceRecord
             * @instance
             */
            InstanceRecord.prototype.id = "";

            /**
             * InstanceRecord appVersion.
             * @member {number|Long} appVersion
             * @memberof trellis.runtime.InstanceRecord
             * @instance
             */
            InstanceRecord.prototype.appVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstanceRecord driver.
             * @member {string} driver
             * @memberof trellis.runtime.InstanceRecord
             * @instance
             */
            InstanceRecord.prototype.driver = "";

            /**
             * InstanceRecord startedAt.
             * @member {number|Long} startedAt
             * @memberof trellis.runtime.InstanceRecord
             * @instance
             */
            InstanceRecord.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstanceRecord driverState.
             * @member {string} driverState
             * @memberof trellis.runtime.InstanceRecord
             * @instance
             */
            InstanceRecord.prototype.driverState = "";

            /**
             * InstanceRecord restarts.
             * @member {number} restarts
             * @memberof trellis.runtime.InstanceRecord
             * @instance
             */
            InstanceRecord.prototype.restarts = 0;

            /**
             * Creates a new InstanceRecord instance using the specified properties.
             * @function create
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {trellis.runtime.InstanceRecord.$Properties=} [properties] Properties to set
             * @returns {trellis.runtime.InstanceRecord} InstanceRecord instance
             * @type {{
             *   (properties: trellis.runtime.InstanceRecord.$Shape): trellis.runtime.InstanceRecord & trellis.runtime.InstanceRecord.$Shape;
             *   (properties?: trellis.runtime.InstanceRecord.$Properties): trellis.runtime.InstanceRecord;
             * }}
             */
            InstanceRecord.create = function(properties) {
                return new InstanceRecord(properties);
            };

            /**
             * Encodes the specified InstanceRecord message. Does not implicitly {@link trellis.runtime.InstanceRecord.verify|verify} messages.
             * @function encode
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {trellis.runtime.InstanceRecord.$Properties} m InstanceRecord message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceRecord.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.id);
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion") && (typeof m.appVersion === "object" ? m.appVersion.low || m.appVersion.high : m.appVersion !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.appVersion);
                if (m.driver != null && $Object.hasOwnProperty.call(m, "driver") && m.driver !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.driver);
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt") && (typeof m.startedAt === "object" ? m.startedAt.low || m.startedAt.high : m.startedAt !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.startedAt);
                if (m.driverState != null && $Object.hasOwnProperty.call(m, "driverState") && m.driverState !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.driverState);
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts") && m.restarts !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.restarts);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified InstanceRecord message, length delimited. Does not implicitly {@link trellis.runtime.InstanceRecord.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {trellis.runtime.InstanceRecord.$Properties} message InstanceRecord message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceRecord.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InstanceRecord message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.runtime.InstanceRecord & trellis.runtime.InstanceRecord.$Shape} InstanceRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceRecord.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.trellis.runtime.InstanceRecord();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.appVersion = v;
                            else
                                delete m.appVersion;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.driver = v;
                            else
                                delete m.driver;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedAt = v;
                            else
                                delete m.startedAt;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.driverState = v;
                            else
                                delete m.driverState;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.restarts = v;
                            else
                                delete m.restarts;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an InstanceRecord message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.runtime.InstanceRecord & trellis.runtime.InstanceRecord.$Shape} InstanceRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceRecord.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InstanceRecord message.
             * @function verify
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InstanceRecord.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion")) {
                    if (!$util.isInteger(m.appVersion) && !(m.appVersion && $util.isInteger(m.appVersion.low) && $util.isInteger(m.appVersion.high)))
                        return "appVersion: integer|Long expected";
                }
                if (m.driver != null && $Object.hasOwnProperty.call(m, "driver")) {
                    if (!$util.isString(m.driver))
                        return "driver: string expected";
                }
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt")) {
                    if (!$util.isInteger(m.startedAt) && !(m.startedAt && $util.isInteger(m.startedAt.low) && $util.isInteger(m.startedAt.high)))
                        return "startedAt: integer|Long expected";
                }
                if (m.driverState != null && $Object.hasOwnProperty.call(m, "driverState")) {
                    if (!$util.isString(m.driverState))
                        return "driverState: string expected";
                }
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts")) {
                    if (!$util.isInteger(m.restarts))
                        return "restarts: integer expected";
                }
                return null;
            };

            /**
             * Creates an InstanceRecord message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.runtime.InstanceRecord} InstanceRecord
             */
            InstanceRecord.fromObject = function (d, q) {
                if (d instanceof $root.trellis.runtime.InstanceRecord)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.runtime.InstanceRecord: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.runtime.InstanceRecord();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.appVersion != null) {
                    if (typeof d.appVersion === "object" ? d.appVersion.low || d.appVersion.high : $Number(d.appVersion) !== 0) {
                        if ($util.Long)
                            m.appVersion = $util.Long.fromValue(d.appVersion, true);
                        else if (typeof d.appVersion === "string")
                            m.appVersion = $parseInt(d.appVersion, 10);
                        else if (typeof d.appVersion === "number")
                            m.appVersion = d.appVersion;
                        else if (typeof d.appVersion === "object")
                            m.appVersion = new $util.LongBits(d.appVersion.low >>> 0, d.appVersion.high >>> 0).toNumber(true);
                    }
                }
                if (d.driver != null) {
                    if (typeof d.driver !== "string" || d.driver.length) {
                        m.driver = $String(d.driver);
                    }
                }
                if (d.startedAt != null) {
                    if (typeof d.startedAt === "object" ? d.startedAt.low || d.startedAt.high : $Number(d.startedAt) !== 0) {
                        if ($util.Long)
                            m.startedAt = $util.Long.fromValue(d.startedAt, true);
                        else if (typeof d.startedAt === "string")
                            m.startedAt = $parseInt(d.startedAt, 10);
                        else if (typeof d.startedAt === "number")
                            m.startedAt = d.startedAt;
                        else if (typeof d.startedAt === "object")
                            m.startedAt = new $util.LongBits(d.startedAt.low >>> 0, d.startedAt.high >>> 0).toNumber(true);
                    }
                }
                if (d.driverState != null) {
                    if (typeof d.driverState !== "string" || d.driverState.length) {
                        m.driverState = $String(d.driverState);
                    }
                }
                if (d.restarts != null) {
                    if ($Number(d.restarts) !== 0) {
                        m.restarts = d.restarts >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an InstanceRecord message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {trellis.runtime.InstanceRecord} m InstanceRecord
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstanceRecord.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.appVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.appVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.driver = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.startedAt = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedAt = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.driverState = "";
                    d.restarts = 0;
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.appVersion = typeof m.appVersion === "number" ? $BigInt(m.appVersion) : $util.Long.fromBits(m.appVersion.low >>> 0, m.appVersion.high >>> 0, true).toBigInt();
                    else if (typeof m.appVersion === "number")
                        d.appVersion = o.longs === $String ? $String(m.appVersion) : m.appVersion;
                    else
                        d.appVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.appVersion) : o.longs === $Number ? new $util.LongBits(m.appVersion.low >>> 0, m.appVersion.high >>> 0).toNumber(true) : m.appVersion;
                }
                if (m.driver != null && $Object.hasOwnProperty.call(m, "driver")) {
                    d.driver = m.driver;
                }
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedAt = typeof m.startedAt === "number" ? $BigInt(m.startedAt) : $util.Long.fromBits(m.startedAt.low >>> 0, m.startedAt.high >>> 0, true).toBigInt();
                    else if (typeof m.startedAt === "number")
                        d.startedAt = o.longs === $String ? $String(m.startedAt) : m.startedAt;
                    else
                        d.startedAt = o.longs === $String ? $util.Long.prototype.toString.call(m.startedAt) : o.longs === $Number ? new $util.LongBits(m.startedAt.low >>> 0, m.startedAt.high >>> 0).toNumber(true) : m.startedAt;
                }
                if (m.driverState != null && $Object.hasOwnProperty.call(m, "driverState")) {
                    d.driverState = m.driverState;
                }
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts")) {
                    d.restarts = m.restarts;
                }
                return d;
            };

            /**
             * Converts this InstanceRecord to JSON.
             * @function toJSON
             * @memberof trellis.runtime.InstanceRecord
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstanceRecord.prototype.toJSON = function() {
                return InstanceRecord.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstanceRecord
             * @function getTypeUrl
             * @memberof trellis.runtime.InstanceRecord
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstanceRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.runtime.InstanceRecord";
            };

            return InstanceRecord;
        })();

        return runtime;
    })();

    return trellis;
})();

export {
  $root as default
};
