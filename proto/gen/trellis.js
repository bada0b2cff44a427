/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const trellis = $root.trellis = (() => {

    /**
     * Namespace trellis.
     * @exports trellis
     * @namespace
     */
    const trellis = {};

    trellis.logs = (function() {

        /**
         * Namespace logs.
         * @memberof trellis
         * @namespace
         */
        const logs = {};

        logs.LogRequest = (function() {

            /**
             * Properties of a LogRequest.
             * @typedef {Object} trellis.logs.LogRequest.$Properties
             * @property {string|null} [instance] LogRequest instance
             * @property {number|null} [tail] LogRequest tail
             * @property {number|Long|null} [since] LogRequest since
             * @property {string|null} [stream] LogRequest stream
             * @property {boolean|null} [follow] LogRequest follow
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LogRequest.
             * @memberof trellis.logs
             * @interface ILogRequest
             * @augments trellis.logs.LogRequest.$Properties
             * @deprecated Use trellis.logs.LogRequest.$Properties instead.
             */

            /**
             * Shape of a LogRequest.
             * @typedef {trellis.logs.LogRequest.$Properties} trellis.logs.LogRequest.$Shape
             */

            /**
             * Constructs a new LogRequest.
             * @memberof trellis.logs
             * @classdesc Represents a LogRequest.
             * @constructor
             * @param {trellis.logs.LogRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LogRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LogRequest instance.
             * @member {string} instance
             * @memberof trellis.logs.LogRequest
             * @instance
             */
            LogRequest.prototype.instance = "";

            /**
             * LogRequest tail.
             * @member {number} tail
             * @memberof trellis.logs.LogRequest
             * @instance
             */
            LogRequest.prototype.tail = 0;

            /**
             * LogRequest since.
             * @member {number|Long} since
             * @memberof trellis.logs.LogRequest
             * @instance
             */
            LogRequest.prototype.since = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogRequest stream.
             * @member {string} stream
             * @memberof trellis.logs.LogRequest
             * @instance
             */
            LogRequest.prototype.stream = "";

            /**
             * LogRequest follow.
             * @member {boolean} follow
             * @memberof trellis.logs.LogRequest
             * @instance
             */
            LogRequest.prototype.follow = false;

            /**
             * Creates a new LogRequest instance using the specified properties.
             * @function create
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {trellis.logs.LogRequest.$Properties=} [properties] Properties to set
             * @returns {trellis.logs.LogRequest} LogRequest instance
             * @type {{
             *   (properties: trellis.logs.LogRequest.$Shape): trellis.logs.LogRequest & trellis.logs.LogRequest.$Shape;
             *   (properties?: trellis.logs.LogRequest.$Properties): trellis.logs.LogRequest;
             * }}
             */
            LogRequest.create = function(properties) {
                return new LogRequest(properties);
            };

            /**
             * Encodes the specified LogRequest message. Does not implicitly {@link trellis.logs.LogRequest.verify|verify} messages.
             * @function encode
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {trellis.logs.LogRequest.$Properties} m LogRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.instance);
                if (m.tail != null && $Object.hasOwnProperty.call(m, "tail") && m.tail !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.tail);
                if (m.since != null && $Object.hasOwnProperty.call(m, "since") && (typeof m.since === "object" ? m.since.low || m.since.high : m.since !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.since);
                if (m.stream != null && $Object.hasOwnProperty.call(m, "stream") && m.stream !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.stream);
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow") && m.follow !== false)
                    w.uint32(/* id 5, wireType 0 =*/40).bool(m.follow);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified LogRequest message, length delimited. Does not implicitly {@link trellis.logs.LogRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {trellis.logs.LogRequest.$Properties} message LogRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LogRequest message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.logs.LogRequest & trellis.logs.LogRequest.$Shape} LogRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogRequest.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.logs.LogRequest();
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
                                m.instance = v;
                            else
                                delete m.instance;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.tail = v;
                            else
                                delete m.tail;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.since = v;
                            else
                                delete m.since;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.stream = v;
                            else
                                delete m.stream;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.follow = v;
                            else
                                delete m.follow;
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
             * Decodes a LogRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.logs.LogRequest & trellis.logs.LogRequest.$Shape} LogRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LogRequest message.
             * @function verify
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LogRequest.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    if (!$util.isString(m.instance))
                        return "instance: string expected";
                }
                if (m.tail != null && $Object.hasOwnProperty.call(m, "tail")) {
                    if (!$util.isInteger(m.tail))
                        return "tail: integer expected";
                }
                if (m.since != null && $Object.hasOwnProperty.call(m, "since")) {
                    if (!$util.isInteger(m.since) && !(m.since && $util.isInteger(m.since.low) && $util.isInteger(m.since.high)))
                        return "since: integer|Long expected";
                }
                if (m.stream != null && $Object.hasOwnProperty.call(m, "stream")) {
                    if (!$util.isString(m.stream))
                        return "stream: string expected";
                }
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow")) {
                    if (typeof m.follow !== "boolean")
                        return "follow: boolean expected";
                }
                return null;
            };

            /**
             * Creates a LogRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.logs.LogRequest} LogRequest
             */
            LogRequest.fromObject = function (d, q) {
                if (d instanceof $root.trellis.logs.LogRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.logs.LogRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.logs.LogRequest();
                if (d.instance != null) {
                    if (typeof d.instance !== "string" || d.instance.length) {
                        m.instance = $String(d.instance);
                    }
                }
                if (d.tail != null) {
                    if ($Number(d.tail) !== 0) {
                        m.tail = d.tail >>> 0;
                    }
                }
                if (d.since != null) {
                    if (typeof d.since === "object" ? d.since.low || d.since.high : $Number(d.since) !== 0) {
                        if ($util.Long)
                            m.since = $util.Long.fromValue(d.since, true);
                        else if (typeof d.since === "string")
                            m.since = $parseInt(d.since, 10);
                        else if (typeof d.since === "number")
                            m.since = d.since;
                        else if (typeof d.since === "object")
                            m.since = new $util.LongBits(d.since.low >>> 0, d.since.high >>> 0).toNumber(true);
                    }
                }
                if (d.stream != null) {
                    if (typeof d.stream !== "string" || d.stream.length) {
                        m.stream = $String(d.stream);
                    }
                }
                if (d.follow != null) {
                    if (d.follow) {
                        m.follow = $Boolean(d.follow);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a LogRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {trellis.logs.LogRequest} m LogRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LogRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.instance = "";
                    d.tail = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.since = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.since = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.stream = "";
                    d.follow = false;
                }
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    d.instance = m.instance;
                }
                if (m.tail != null && $Object.hasOwnProperty.call(m, "tail")) {
                    d.tail = m.tail;
                }
                if (m.since != null && $Object.hasOwnProperty.call(m, "since")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.since = typeof m.since === "number" ? $BigInt(m.since) : $util.Long.fromBits(m.since.low >>> 0, m.since.high >>> 0, true).toBigInt();
                    else if (typeof m.since === "number")
                        d.since = o.longs === $String ? $String(m.since) : m.since;
                    else
                        d.since = o.longs === $String ? $util.Long.prototype.toString.call(m.since) : o.longs === $Number ? new $util.LongBits(m.since.low >>> 0, m.since.high >>> 0).toNumber(true) : m.since;
                }
                if (m.stream != null && $Object.hasOwnProperty.call(m, "stream")) {
                    d.stream = m.stream;
                }
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow")) {
                    d.follow = m.follow;
                }
                return d;
            };

            /**
             * Converts this LogRequest to JSON.
             * @function toJSON
             * @memberof trellis.logs.LogRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LogRequest.prototype.toJSON = function() {
                return LogRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LogRequest
             * @function getTypeUrl
             * @memberof trellis.logs.LogRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LogRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.logs.LogRequest";
            };

            return LogRequest;
        })();

        logs.LogLine = (function() {

            /**
             * Properties of a LogLine.
             * @typedef {Object} trellis.logs.LogLine.$Properties
             * @property {number|Long|null} [at] LogLine at
             * @property {boolean|null} [stderr] LogLine stderr
             * @property {string|null} [text] LogLine text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LogLine.
             * @memberof trellis.logs
             * @interface ILogLine
             * @augments trellis.logs.LogLine.$Properties
             * @deprecated Use trellis.logs.LogLine.$Properties instead.
             */

            /**
             * Shape of a LogLine.
             * @typedef {trellis.logs.LogLine.$Properties} trellis.logs.LogLine.$Shape
             */

            /**
             * Constructs a new LogLine.
             * @memberof trellis.logs
             * @classdesc Represents a LogLine.
             * @constructor
             * @param {trellis.logs.LogLine.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LogLine = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LogLine at.
             * @member {number|Long} at
             * @memberof trellis.logs.LogLine
             * @instance
             */
            LogLine.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogLine stderr.
             * @member {boolean} stderr
             * @memberof trellis.logs.LogLine
             * @instance
             */
            LogLine.prototype.stderr = false;

            /**
             * LogLine text.
             * @member {string} text
             * @memberof trellis.logs.LogLine
             * @instance
             */
            LogLine.prototype.text = "";

            /**
             * Creates a new LogLine instance using the specified properties.
             * @function create
             * @memberof trellis.logs.LogLine
             * @static
             * @param {trellis.logs.LogLine.$Properties=} [properties] Properties to set
             * @returns {trellis.logs.LogLine} LogLine instance
             * @type {{
             *   (properties: trellis.logs.LogLine.$Shape): trellis.logs.LogLine & trellis.logs.LogLine.$Shape;
             *   (properties?: trellis.logs.LogLine.$Properties): trellis.logs.LogLine;
             * }}
             */
            LogLine.create = function(properties) {
                return new LogLine(properties);
            };

            /**
             * Encodes the specified LogLine message. Does not implicitly {@link trellis.logs.LogLine.verify|verify} messages.
             * @function encode
             * @memberof trellis.logs.LogLine
             * @static
             * @param {trellis.logs.LogLine.$Properties} m LogLine message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogLine.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.at != null && $Object.hasOwnProperty.call(m, "at") && (typeof m.at === "object" ? m.at.low || m.at.high : m.at !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.at);
                if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr") && m.stderr !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.stderr);
                if (m.text != null && $Object.hasOwnProperty.call(m, "text") && m.text !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.text);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified LogLine message, length delimited. Does not implicitly {@link trellis.logs.LogLine.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.logs.LogLine
             * @static
             * @param {trellis.logs.LogLine.$Properties} message LogLine message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogLine.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LogLine message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.logs.LogLine
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.logs.LogLine & trellis.logs.LogLine.$Shape} LogLine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogLine.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.logs.LogLine();
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
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.at = v;
                            else
                                delete m.at;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.stderr = v;
                            else
                                delete m.stderr;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.text = v;
                            else
                                delete m.text;
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
             * Decodes a LogLine message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.logs.LogLine
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.logs.LogLine & trellis.logs.LogLine.$Shape} LogLine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogLine.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LogLine message.
             * @function verify
             * @memberof trellis.logs.LogLine
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LogLine.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.at != null && $Object.hasOwnProperty.call(m, "at")) {
                    if (!$util.isInteger(m.at) && !(m.at && $util.isInteger(m.at.low) && $util.isInteger(m.at.high)))
                        return "at: integer|Long expected";
                }
                if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr")) {
                    if (typeof m.stderr !== "boolean")
                        return "stderr: boolean expected";
                }
                if (m.text != null && $Object.hasOwnProperty.call(m, "text")) {
                    if (!$util.isString(m.text))
                        return "text: string expected";
                }
                return null;
            };

            /**
             * Creates a LogLine message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.logs.LogLine
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.logs.LogLine} LogLine
             */
            LogLine.fromObject = function (d, q) {
                if (d instanceof $root.trellis.logs.LogLine)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.logs.LogLine: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.logs.LogLine();
                if (d.at != null) {
                    if (typeof d.at === "object" ? d.at.low || d.at.high : $Number(d.at) !== 0) {
                        if ($util.Long)
                            m.at = $util.Long.fromValue(d.at, true);
                        else if (typeof d.at === "string")
                            m.at = $parseInt(d.at, 10);
                        else if (typeof d.at === "number")
                            m.at = d.at;
                        else if (typeof d.at === "object")
                            m.at = new $util.LongBits(d.at.low >>> 0, d.at.high >>> 0).toNumber(true);
                    }
                }
                if (d.stderr != null) {
                    if (d.stderr) {
                        m.stderr = $Boolean(d.stderr);
                    }
                }
                if (d.text != null) {
                    if (typeof d.text !== "string" || d.text.length) {
                        m.text = $String(d.text);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a LogLine message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.logs.LogLine
             * @static
             * @param {trellis.logs.LogLine} m LogLine
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LogLine.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.at = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.at = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.stderr = false;
                    d.text = "";
                }
                if (m.at != null && $Object.hasOwnProperty.call(m, "at")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.at = typeof m.at === "number" ? $BigInt(m.at) : $util.Long.fromBits(m.at.low >>> 0, m.at.high >>> 0, true).toBigInt();
                    else if (typeof m.at === "number")
                        d.at = o.longs === $String ? $String(m.at) : m.at;
                    else
                        d.at = o.longs === $String ? $util.Long.prototype.toString.call(m.at) : o.longs === $Number ? new $util.LongBits(m.at.low >>> 0, m.at.high >>> 0).toNumber(true) : m.at;
                }
                if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr")) {
                    d.stderr = m.stderr;
                }
                if (m.text != null && $Object.hasOwnProperty.call(m, "text")) {
                    d.text = m.text;
                }
                return d;
            };

            /**
             * Converts this LogLine to JSON.
             * @function toJSON
             * @memberof trellis.logs.LogLine
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LogLine.prototype.toJSON = function() {
                return LogLine.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LogLine
             * @function getTypeUrl
             * @memberof trellis.logs.LogLine
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LogLine.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.logs.LogLine";
            };

            return LogLine;
        })();

        logs.LogChunk = (function() {

            /**
             * Properties of a LogChunk.
             * @typedef {Object} trellis.logs.LogChunk.$Properties
             * @property {Array.<trellis.logs.LogLine.$Properties>|null} [lines] LogChunk lines
             * @property {string|null} [error] LogChunk error
             * @property {string|null} [message] LogChunk message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LogChunk.
             * @memberof trellis.logs
             * @interface ILogChunk
             * @augments trellis.logs.LogChunk.$Properties
             * @deprecated Use trellis.logs.LogChunk.$Properties instead.
             */

            /**
             * Shape of a LogChunk.
             * @typedef {trellis.logs.LogChunk.$Properties} trellis.logs.LogChunk.$Shape
             */

            /**
             * Constructs a new LogChunk.
             * @memberof trellis.logs
             * @classdesc Represents a LogChunk.
             * @constructor
             * @param {trellis.logs.LogChunk.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LogChunk = function (p) {
                this.lines = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LogChunk lines.
             * @member {Array.<trellis.logs.LogLine.$Properties>} lines
             * @memberof trellis.logs.LogChunk
             * @instance
             */
            LogChunk.prototype.lines = $util.emptyArray;

            /**
             * LogChunk error.
             * @member {string} error
             * @memberof trellis.logs.LogChunk
             * @instance
             */
            LogChunk.prototype.error = "";

            /**
             * LogChunk message.
             * @member {string} message
             * @memberof trellis.logs.LogChunk
             * @instance
             */
            LogChunk.prototype.message = "";

            /**
             * Creates a new LogChunk instance using the specified properties.
             * @function create
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {trellis.logs.LogChunk.$Properties=} [properties] Properties to set
             * @returns {trellis.logs.LogChunk} LogChunk instance
             * @type {{
             *   (properties: trellis.logs.LogChunk.$Shape): trellis.logs.LogChunk & trellis.logs.LogChunk.$Shape;
             *   (properties?: trellis.logs.LogChunk.$Properties): trellis.logs.LogChunk;
             * }}
             */
            LogChunk.create = function(properties) {
                return new LogChunk(properties);
            };

            /**
             * Encodes the specified LogChunk message. Does not implicitly {@link trellis.logs.LogChunk.verify|verify} messages.
             * @function encode
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {trellis.logs.LogChunk.$Properties} m LogChunk message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogChunk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.lines != null && m.lines.length) {
                    for (var i = 0; i < m.lines.length; ++i)
                        $root.trellis.logs.LogLine.encode(m.lines[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.error);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.message);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified LogChunk message, length delimited. Does not implicitly {@link trellis.logs.LogChunk.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {trellis.logs.LogChunk.$Properties} message LogChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogChunk.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LogChunk message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.logs.LogChunk & trellis.logs.LogChunk.$Shape} LogChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogChunk.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.logs.LogChunk();
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
                            if (!(m.lines && m.lines.length))
                                m.lines = [];
                            m.lines.push($root.trellis.logs.LogLine.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.error = v;
                            else
                                delete m.error;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
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
             * Decodes a LogChunk message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.logs.LogChunk & trellis.logs.LogChunk.$Shape} LogChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogChunk.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LogChunk message.
             * @function verify
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LogChunk.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.lines != null && $Object.hasOwnProperty.call(m, "lines")) {
                    if (!$Array.isArray(m.lines))
                        return "lines: array expected";
                    for (var i = 0; i < m.lines.length; ++i) {
                        {
                            var e = $root.trellis.logs.LogLine.verify(m.lines[i], q + 1);
                            if (e)
                                return "lines." + e;
                        }
                    }
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    if (!$util.isString(m.error))
                        return "error: string expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                return null;
            };

            /**
             * Creates a LogChunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.logs.LogChunk} LogChunk
             */
            LogChunk.fromObject = function (d, q) {
                if (d instanceof $root.trellis.logs.LogChunk)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.logs.LogChunk: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.logs.LogChunk();
                if (d.lines) {
                    if (!$Array.isArray(d.lines))
                        throw $TypeError(".trellis.logs.LogChunk.lines: array expected");
                    m.lines = $Array(d.lines.length);
                    for (var i = 0; i < d.lines.length; ++i) {
                        if (!$util.isObject(d.lines[i]))
                            throw $TypeError(".trellis.logs.LogChunk.lines: object expected");
                        m.lines[i] = $root.trellis.logs.LogLine.fromObject(d.lines[i], q + 1);
                    }
                }
                if (d.error != null) {
                    if (typeof d.error !== "string" || d.error.length) {
                        m.error = $String(d.error);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a LogChunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {trellis.logs.LogChunk} m LogChunk
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LogChunk.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.lines = [];
                }
                if (o.defaults) {
                    d.error = "";
                    d.message = "";
                }
                if (m.lines && m.lines.length) {
                    d.lines = $Array(m.lines.length);
                    for (var j = 0; j < m.lines.length; ++j) {
                        d.lines[j] = $root.trellis.logs.LogLine.toObject(m.lines[j], o, q + 1);
                    }
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = m.error;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                return d;
            };

            /**
             * Converts this LogChunk to JSON.
             * @function toJSON
             * @memberof trellis.logs.LogChunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LogChunk.prototype.toJSON = function() {
                return LogChunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LogChunk
             * @function getTypeUrl
             * @memberof trellis.logs.LogChunk
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LogChunk.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.logs.LogChunk";
            };

            return LogChunk;
        })();

        return logs;
    })();

    trellis.mesh = (function() {

        /**
         * Namespace mesh.
         * @memberof trellis
         * @namespace
         */
        const mesh = {};

        mesh.NodeAdvert = (function() {

            /**
             * Properties of a NodeAdvert.
             * @typedef {Object} trellis.mesh.NodeAdvert.$Properties
             * @property {string|null} [nodeId] NodeAdvert nodeId
             * @property {string|null} [name] NodeAdvert name
             * @property {number|Long|null} [incarnation] NodeAdvert incarnation
             * @property {number|Long|null} [sequence] NodeAdvert sequence
             * @property {number|Long|null} [sentAt] NodeAdvert sentAt
             * @property {trellis.mesh.Versions.$Properties|null} [versions] NodeAdvert versions
             * @property {string|null} [zone] NodeAdvert zone
             * @property {Object.<string,string>|null} [labels] NodeAdvert labels
             * @property {trellis.mesh.Cpu.$Properties|null} [cpu] NodeAdvert cpu
             * @property {trellis.mesh.Memory.$Properties|null} [memory] NodeAdvert memory
             * @property {trellis.mesh.Disk.$Properties|null} [disk] NodeAdvert disk
             * @property {trellis.mesh.Power.$Properties|null} [power] NodeAdvert power
             * @property {Array.<string>|null} [capabilities] NodeAdvert capabilities
             * @property {Array.<string>|null} [notes] NodeAdvert notes
             * @property {string|null} [apiAddress] NodeAdvert apiAddress
             * @property {Array.<string>|null} [listenAddrs] NodeAdvert listenAddrs
             * @property {string|null} [wakeMac] NodeAdvert wakeMac
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NodeAdvert.
             * @memberof trellis.mesh
             * @interface INodeAdvert
             * @augments trellis.mesh.NodeAdvert.$Properties
             * @deprecated Use trellis.mesh.NodeAdvert.$Properties instead.
             */

            /**
             * Shape of a NodeAdvert.
             * @typedef {trellis.mesh.NodeAdvert.$Properties} trellis.mesh.NodeAdvert.$Shape
             */

            /**
             * Constructs a new NodeAdvert.
             * @memberof trellis.mesh
             * @classdesc Represents a NodeAdvert.
             * @constructor
             * @param {trellis.mesh.NodeAdvert.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NodeAdvert = function (p) {
                this.labels = {};
                this.capabilities = [];
                this.notes = [];
                this.listenAddrs = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * NodeAdvert nodeId.
             * @member {string} nodeId
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.nodeId = "";

            /**
             * NodeAdvert name.
             * @member {string} name
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.name = "";

            /**
             * NodeAdvert incarnation.
             * @member {number|Long} incarnation
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.incarnation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * NodeAdvert sequence.
             * @member {number|Long} sequence
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * NodeAdvert sentAt.
             * @member {number|Long} sentAt
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * NodeAdvert versions.
             * @member {trellis.mesh.Versions.$Properties|null|undefined} versions
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.versions = null;

            /**
             * NodeAdvert zone.
             * @member {string} zone
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.zone = "";

            /**
             * NodeAdvert labels.
             * @member {Object.<string,string>} labels
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.labels = $util.emptyObject;

            /**
             * NodeAdvert cpu.
             * @member {trellis.mesh.Cpu.$Properties|null|undefined} cpu
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.cpu = null;

            /**
             * NodeAdvert memory.
             * @member {trellis.mesh.Memory.$Properties|null|undefined} memory
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.memory = null;

            /**
             * NodeAdvert disk.
             * @member {trellis.mesh.Disk.$Properties|null|undefined} disk
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.disk = null;

            /**
             * NodeAdvert power.
             * @member {trellis.mesh.Power.$Properties|null|undefined} power
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.power = null;

            /**
             * NodeAdvert capabilities.
             * @member {Array.<string>} capabilities
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.capabilities = $util.emptyArray;

            /**
             * NodeAdvert notes.
             * @member {Array.<string>} notes
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.notes = $util.emptyArray;

            /**
             * NodeAdvert apiAddress.
             * @member {string} apiAddress
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.apiAddress = "";

            /**
             * NodeAdvert listenAddrs.
             * @member {Array.<string>} listenAddrs
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.listenAddrs = $util.emptyArray;

            /**
             * NodeAdvert wakeMac.
             * @member {string} wakeMac
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             */
            NodeAdvert.prototype.wakeMac = "";

            /**
             * Creates a new NodeAdvert instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {trellis.mesh.NodeAdvert.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.NodeAdvert} NodeAdvert instance
             * @type {{
             *   (properties: trellis.mesh.NodeAdvert.$Shape): trellis.mesh.NodeAdvert & trellis.mesh.NodeAdvert.$Shape;
             *   (properties?: trellis.mesh.NodeAdvert.$Properties): trellis.mesh.NodeAdvert;
             * }}
             */
            NodeAdvert.create = function(properties) {
                return new NodeAdvert(properties);
            };

            /**
             * Encodes the specified NodeAdvert message. Does not implicitly {@link trellis.mesh.NodeAdvert.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {trellis.mesh.NodeAdvert.$Properties} m NodeAdvert message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NodeAdvert.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.nodeId);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.name);
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation") && (typeof m.incarnation === "object" ? m.incarnation.low || m.incarnation.high : m.incarnation !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.incarnation);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.sequence);
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt") && (typeof m.sentAt === "object" ? m.sentAt.low || m.sentAt.high : m.sentAt !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.sentAt);
                if (m.versions != null && $Object.hasOwnProperty.call(m, "versions"))
                    $root.trellis.mesh.Versions.encode(m.versions, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.zone != null && $Object.hasOwnProperty.call(m, "zone") && m.zone !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.zone);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(/* id 8, wireType 2 =*/66).fork().uint32(/* id 1, wireType 2 =*/10).string(ks[i]).uint32(/* id 2, wireType 2 =*/18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.cpu != null && $Object.hasOwnProperty.call(m, "cpu"))
                    $root.trellis.mesh.Cpu.encode(m.cpu, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (m.memory != null && $Object.hasOwnProperty.call(m, "memory"))
                    $root.trellis.mesh.Memory.encode(m.memory, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.disk != null && $Object.hasOwnProperty.call(m, "disk"))
                    $root.trellis.mesh.Disk.encode(m.disk, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.power != null && $Object.hasOwnProperty.call(m, "power"))
                    $root.trellis.mesh.Power.encode(m.power, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.capabilities != null && m.capabilities.length) {
                    for (var i = 0; i < m.capabilities.length; ++i)
                        w.uint32(/* id 13, wireType 2 =*/106).string(m.capabilities[i]);
                }
                if (m.notes != null && m.notes.length) {
                    for (var i = 0; i < m.notes.length; ++i)
                        w.uint32(/* id 14, wireType 2 =*/114).string(m.notes[i]);
                }
                if (m.apiAddress != null && $Object.hasOwnProperty.call(m, "apiAddress") && m.apiAddress !== "")
                    w.uint32(/* id 15, wireType 2 =*/122).string(m.apiAddress);
                if (m.listenAddrs != null && m.listenAddrs.length) {
                    for (var i = 0; i < m.listenAddrs.length; ++i)
                        w.uint32(/* id 16, wireType 2 =*/130).string(m.listenAddrs[i]);
                }
                if (m.wakeMac != null && $Object.hasOwnProperty.call(m, "wakeMac") && m.wakeMac !== "")
                    w.uint32(/* id 17, wireType 2 =*/138).string(m.wakeMac);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified NodeAdvert message, length delimited. Does not implicitly {@link trellis.mesh.NodeAdvert.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {trellis.mesh.NodeAdvert.$Properties} message NodeAdvert message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NodeAdvert.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NodeAdvert message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.NodeAdvert & trellis.mesh.NodeAdvert.$Shape} NodeAdvert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NodeAdvert.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.trellis.mesh.NodeAdvert();
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
                                m.nodeId = v;
                            else
                                delete m.nodeId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.incarnation = v;
                            else
                                delete m.incarnation;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sequence = v;
                            else
                                delete m.sequence;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAt = v;
                            else
                                delete m.sentAt;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.versions = $root.trellis.mesh.Versions.decode(r, r.size(), $undefined, q + 1, m.versions);
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.zone = v;
                            else
                                delete m.zone;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.cpu = $root.trellis.mesh.Cpu.decode(r, r.size(), $undefined, q + 1, m.cpu);
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.memory = $root.trellis.mesh.Memory.decode(r, r.size(), $undefined, q + 1, m.memory);
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.disk = $root.trellis.mesh.Disk.decode(r, r.size(), $undefined, q + 1, m.disk);
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.power = $root.trellis.mesh.Power.decode(r, r.size(), $undefined, q + 1, m.power);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if (!(m.capabilities && m.capabilities.length))
                                m.capabilities = [];
                            m.capabilities.push(r.stringVerify());
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if (!(m.notes && m.notes.length))
                                m.notes = [];
                            m.notes.push(r.stringVerify());
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.apiAddress = v;
                            else
                                delete m.apiAddress;
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            if (!(m.listenAddrs && m.listenAddrs.length))
                                m.listenAddrs = [];
                            m.listenAddrs.push(r.stringVerify());
                            continue;
                        }
                    case 17: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.wakeMac = v;
                            else
                                delete m.wakeMac;
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
             * Decodes a NodeAdvert message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.NodeAdvert & trellis.mesh.NodeAdvert.$Shape} NodeAdvert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NodeAdvert.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a NodeAdvert message.
             * @function verify
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NodeAdvert.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    if (!$util.isString(m.nodeId))
                        return "nodeId: string expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation")) {
                    if (!$util.isInteger(m.incarnation) && !(m.incarnation && $util.isInteger(m.incarnation.low) && $util.isInteger(m.incarnation.high)))
                        return "incarnation: integer|Long expected";
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (!$util.isInteger(m.sequence) && !(m.sequence && $util.isInteger(m.sequence.low) && $util.isInteger(m.sequence.high)))
                        return "sequence: integer|Long expected";
                }
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt")) {
                    if (!$util.isInteger(m.sentAt) && !(m.sentAt && $util.isInteger(m.sentAt.low) && $util.isInteger(m.sentAt.high)))
                        return "sentAt: integer|Long expected";
                }
                if (m.versions != null && $Object.hasOwnProperty.call(m, "versions")) {
                    {
                        var e = $root.trellis.mesh.Versions.verify(m.versions, q + 1);
                        if (e)
                            return "versions." + e;
                    }
                }
                if (m.zone != null && $Object.hasOwnProperty.call(m, "zone")) {
                    if (!$util.isString(m.zone))
                        return "zone: string expected";
                }
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    if (!$util.isObject(m.labels))
                        return "labels: object expected";
                    var k = $Object.keys(m.labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.labels[k[i]]))
                            return "labels: string{k:string} expected";
                    }
                }
                if (m.cpu != null && $Object.hasOwnProperty.call(m, "cpu")) {
                    {
                        var e = $root.trellis.mesh.Cpu.verify(m.cpu, q + 1);
                        if (e)
                            return "cpu." + e;
                    }
                }
                if (m.memory != null && $Object.hasOwnProperty.call(m, "memory")) {
                    {
                        var e = $root.trellis.mesh.Memory.verify(m.memory, q + 1);
                        if (e)
                            return "memory." + e;
                    }
                }
                if (m.disk != null && $Object.hasOwnProperty.call(m, "disk")) {
                    {
                        var e = $root.trellis.mesh.Disk.verify(m.disk, q + 1);
                        if (e)
                            return "disk." + e;
                    }
                }
                if (m.power != null && $Object.hasOwnProperty.call(m, "power")) {
                    {
                        var e = $root.trellis.mesh.Power.verify(m.power, q + 1);
                        if (e)
                            return "power." + e;
                    }
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    if (!$Array.isArray(m.capabilities))
                        return "capabilities: array expected";
                    for (var i = 0; i < m.capabilities.length; ++i) {
                        if (!$util.isString(m.capabilities[i]))
                            return "capabilities: string[] expected";
                    }
                }
                if (m.notes != null && $Object.hasOwnProperty.call(m, "notes")) {
                    if (!$Array.isArray(m.notes))
                        return "notes: array expected";
                    for (var i = 0; i < m.notes.length; ++i) {
                        if (!$util.isString(m.notes[i]))
                            return "notes: string[] expected";
                    }
                }
                if (m.apiAddress != null && $Object.hasOwnProperty.call(m, "apiAddress")) {
                    if (!$util.isString(m.apiAddress))
                        return "apiAddress: string expected";
                }
                if (m.listenAddrs != null && $Object.hasOwnProperty.call(m, "listenAddrs")) {
                    if (!$Array.isArray(m.listenAddrs))
                        return "listenAddrs: array expected";
                    for (var i = 0; i < m.listenAddrs.length; ++i) {
                        if (!$util.isString(m.listenAddrs[i]))
                            return "listenAddrs: string[] expected";
                    }
                }
                if (m.wakeMac != null && $Object.hasOwnProperty.call(m, "wakeMac")) {
                    if (!$util.isString(m.wakeMac))
                        return "wakeMac: string expected";
                }
                return null;
            };

            /**
             * Creates a NodeAdvert message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.NodeAdvert} NodeAdvert
             */
            NodeAdvert.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.NodeAdvert)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.NodeAdvert: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.NodeAdvert();
                if (d.nodeId != null) {
                    if (typeof d.nodeId !== "string" || d.nodeId.length) {
                        m.nodeId = $String(d.nodeId);
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.incarnation != null) {
                    if (typeof d.incarnation === "object" ? d.incarnation.low || d.incarnation.high : $Number(d.incarnation) !== 0) {
                        if ($util.Long)
                            m.incarnation = $util.Long.fromValue(d.incarnation, true);
                        else if (typeof d.incarnation === "string")
                            m.incarnation = $parseInt(d.incarnation, 10);
                        else if (typeof d.incarnation === "number")
                            m.incarnation = d.incarnation;
                        else if (typeof d.incarnation === "object")
                            m.incarnation = new $util.LongBits(d.incarnation.low >>> 0, d.incarnation.high >>> 0).toNumber(true);
                    }
                }
                if (d.sequence != null) {
                    if (typeof d.sequence === "object" ? d.sequence.low || d.sequence.high : $Number(d.sequence) !== 0) {
                        if ($util.Long)
                            m.sequence = $util.Long.fromValue(d.sequence, true);
                        else if (typeof d.sequence === "string")
                            m.sequence = $parseInt(d.sequence, 10);
                        else if (typeof d.sequence === "number")
                            m.sequence = d.sequence;
                        else if (typeof d.sequence === "object")
                            m.sequence = new $util.LongBits(d.sequence.low >>> 0, d.sequence.high >>> 0).toNumber(true);
                    }
                }
                if (d.sentAt != null) {
                    if (typeof d.sentAt === "object" ? d.sentAt.low || d.sentAt.high : $Number(d.sentAt) !== 0) {
                        if ($util.Long)
                            m.sentAt = $util.Long.fromValue(d.sentAt, true);
                        else if (typeof d.sentAt === "string")
                            m.sentAt = $parseInt(d.sentAt, 10);
                        else if (typeof d.sentAt === "number")
                            m.sentAt = d.sentAt;
                        else if (typeof d.sentAt === "object")
                            m.sentAt = new $util.LongBits(d.sentAt.low >>> 0, d.sentAt.high >>> 0).toNumber(true);
                    }
                }
                if (d.versions != null) {
                    if (!$util.isObject(d.versions))
                        throw $TypeError(".trellis.mesh.NodeAdvert.versions: object expected");
                    m.versions = $root.trellis.mesh.Versions.fromObject(d.versions, q + 1);
                }
                if (d.zone != null) {
                    if (typeof d.zone !== "string" || d.zone.length) {
                        m.zone = $String(d.zone);
                    }
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".trellis.mesh.NodeAdvert.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                if (d.cpu != null) {
                    if (!$util.isObject(d.cpu))
                        throw $TypeError(".trellis.mesh.NodeAdvert.cpu: object expected");
                    m.cpu = $root.trellis.mesh.Cpu.fromObject(d.cpu, q + 1);
                }
                if (d.memory != null) {
                    if (!$util.isObject(d.memory))
                        throw $TypeError(".trellis.mesh.NodeAdvert.memory: object expected");
                    m.memory = $root.trellis.mesh.Memory.fromObject(d.memory, q + 1);
                }
                if (d.disk != null) {
                    if (!$util.isObject(d.disk))
                        throw $TypeError(".trellis.mesh.NodeAdvert.disk: object expected");
                    m.disk = $root.trellis.mesh.Disk.fromObject(d.disk, q + 1);
                }
                if (d.power != null) {
                    if (!$util.isObject(d.power))
                        throw $TypeError(".trellis.mesh.NodeAdvert.power: object expected");
                    m.power = $root.trellis.mesh.Power.fromObject(d.power, q + 1);
                }
                if (d.capabilities) {
                    if (!$Array.isArray(d.capabilities))
                        throw $TypeError(".trellis.mesh.NodeAdvert.capabilities: array expected");
                    m.capabilities = $Array(d.capabilities.length);
                    for (var i = 0; i < d.capabilities.length; ++i) {
                        m.capabilities[i] = $String(d.capabilities[i]);
                    }
                }
                if (d.notes) {
                    if (!$Array.isArray(d.notes))
                        throw $TypeError(".trellis.mesh.NodeAdvert.notes: array expected");
                    m.notes = $Array(d.notes.length);
                    for (var i = 0; i < d.notes.length; ++i) {
                        m.notes[i] = $String(d.notes[i]);
                    }
                }
                if (d.apiAddress != null) {
                    if (typeof d.apiAddress !== "string" || d.apiAddress.length) {
                        m.apiAddress = $String(d.apiAddress);
                    }
                }
                if (d.listenAddrs) {
                    if (!$Array.isArray(d.listenAddrs))
                        throw $TypeError(".trellis.mesh.NodeAdvert.listenAddrs: array expected");
                    m.listenAddrs = $Array(d.listenAddrs.length);
                    for (var i = 0; i < d.listenAddrs.length; ++i) {
                        m.listenAddrs[i] = $String(d.listenAddrs[i]);
                    }
                }
                if (d.wakeMac != null) {
                    if (typeof d.wakeMac !== "string" || d.wakeMac.length) {
                        m.wakeMac = $String(d.wakeMac);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a NodeAdvert message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {trellis.mesh.NodeAdvert} m NodeAdvert
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NodeAdvert.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.capabilities = [];
                    d.notes = [];
                    d.listenAddrs = [];
                }
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    d.nodeId = "";
                    d.name = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.incarnation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.incarnation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sequence = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sequence = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sentAt = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAt = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.versions = null;
                    d.zone = "";
                    d.cpu = null;
                    d.memory = null;
                    d.disk = null;
                    d.power = null;
                    d.apiAddress = "";
                    d.wakeMac = "";
                }
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    d.nodeId = m.nodeId;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.incarnation = typeof m.incarnation === "number" ? $BigInt(m.incarnation) : $util.Long.fromBits(m.incarnation.low >>> 0, m.incarnation.high >>> 0, true).toBigInt();
                    else if (typeof m.incarnation === "number")
                        d.incarnation = o.longs === $String ? $String(m.incarnation) : m.incarnation;
                    else
                        d.incarnation = o.longs === $String ? $util.Long.prototype.toString.call(m.incarnation) : o.longs === $Number ? new $util.LongBits(m.incarnation.low >>> 0, m.incarnation.high >>> 0).toNumber(true) : m.incarnation;
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sequence = typeof m.sequence === "number" ? $BigInt(m.sequence) : $util.Long.fromBits(m.sequence.low >>> 0, m.sequence.high >>> 0, true).toBigInt();
                    else if (typeof m.sequence === "number")
                        d.sequence = o.longs === $String ? $String(m.sequence) : m.sequence;
                    else
                        d.sequence = o.longs === $String ? $util.Long.prototype.toString.call(m.sequence) : o.longs === $Number ? new $util.LongBits(m.sequence.low >>> 0, m.sequence.high >>> 0).toNumber(true) : m.sequence;
                }
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAt = typeof m.sentAt === "number" ? $BigInt(m.sentAt) : $util.Long.fromBits(m.sentAt.low >>> 0, m.sentAt.high >>> 0, true).toBigInt();
                    else if (typeof m.sentAt === "number")
                        d.sentAt = o.longs === $String ? $String(m.sentAt) : m.sentAt;
                    else
                        d.sentAt = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAt) : o.longs === $Number ? new $util.LongBits(m.sentAt.low >>> 0, m.sentAt.high >>> 0).toNumber(true) : m.sentAt;
                }
                if (m.versions != null && $Object.hasOwnProperty.call(m, "versions")) {
                    d.versions = $root.trellis.mesh.Versions.toObject(m.versions, o, q + 1);
                }
                if (m.zone != null && $Object.hasOwnProperty.call(m, "zone")) {
                    d.zone = m.zone;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                if (m.cpu != null && $Object.hasOwnProperty.call(m, "cpu")) {
                    d.cpu = $root.trellis.mesh.Cpu.toObject(m.cpu, o, q + 1);
                }
                if (m.memory != null && $Object.hasOwnProperty.call(m, "memory")) {
                    d.memory = $root.trellis.mesh.Memory.toObject(m.memory, o, q + 1);
                }
                if (m.disk != null && $Object.hasOwnProperty.call(m, "disk")) {
                    d.disk = $root.trellis.mesh.Disk.toObject(m.disk, o, q + 1);
                }
                if (m.power != null && $Object.hasOwnProperty.call(m, "power")) {
                    d.power = $root.trellis.mesh.Power.toObject(m.power, o, q + 1);
                }
                if (m.capabilities && m.capabilities.length) {
                    d.capabilities = $Array(m.capabilities.length);
                    for (var j = 0; j < m.capabilities.length; ++j) {
                        d.capabilities[j] = m.capabilities[j];
                    }
                }
                if (m.notes && m.notes.length) {
                    d.notes = $Array(m.notes.length);
                    for (var j = 0; j < m.notes.length; ++j) {
                        d.notes[j] = m.notes[j];
                    }
                }
                if (m.apiAddress != null && $Object.hasOwnProperty.call(m, "apiAddress")) {
                    d.apiAddress = m.apiAddress;
                }
                if (m.listenAddrs && m.listenAddrs.length) {
                    d.listenAddrs = $Array(m.listenAddrs.length);
                    for (var j = 0; j < m.listenAddrs.length; ++j) {
                        d.listenAddrs[j] = m.listenAddrs[j];
                    }
                }
                if (m.wakeMac != null && $Object.hasOwnProperty.call(m, "wakeMac")) {
                    d.wakeMac = m.wakeMac;
                }
                return d;
            };

            /**
             * Converts this NodeAdvert to JSON.
             * @function toJSON
             * @memberof trellis.mesh.NodeAdvert
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NodeAdvert.prototype.toJSON = function() {
                return NodeAdvert.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for NodeAdvert
             * @function getTypeUrl
             * @memberof trellis.mesh.NodeAdvert
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            NodeAdvert.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.NodeAdvert";
            };

            return NodeAdvert;
        })();

        mesh.Versions = (function() {

            /**
             * Properties of a Versions.
             * @typedef {Object} trellis.mesh.Versions.$Properties
             * @property {string|null} [trellis] Versions trellis
             * @property {string|null} [node] Versions node
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Versions.
             * @memberof trellis.mesh
             * @interface IVersions
             * @augments trellis.mesh.Versions.$Properties
             * @deprecated Use trellis.mesh.Versions.$Properties instead.
             */

            /**
             * Shape of a Versions.
             * @typedef {trellis.mesh.Versions.$Properties} trellis.mesh.Versions.$Shape
             */

            /**
             * Constructs a new Versions.
             * @memberof trellis.mesh
             * @classdesc Represents a Versions.
             * @constructor
             * @param {trellis.mesh.Versions.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Versions = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Versions trellis.
             * @member {string} trellis
             * @memberof trellis.mesh.Versions
             * @instance
             */
            Versions.prototype.trellis = "";

            /**
             * Versions node.
             * @member {string} node
             * @memberof trellis.mesh.Versions
             * @instance
             */
            Versions.prototype.node = "";

            /**
             * Creates a new Versions instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.Versions
             * @static
             * @param {trellis.mesh.Versions.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.Versions} Versions instance
             * @type {{
             *   (properties: trellis.mesh.Versions.$Shape): trellis.mesh.Versions & trellis.mesh.Versions.$Shape;
             *   (properties?: trellis.mesh.Versions.$Properties): trellis.mesh.Versions;
             * }}
             */
            Versions.create = function(properties) {
                return new Versions(properties);
            };

            /**
             * Encodes the specified Versions message. Does not implicitly {@link trellis.mesh.Versions.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.Versions
             * @static
             * @param {trellis.mesh.Versions.$Properties} m Versions message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Versions.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.trellis != null && $Object.hasOwnProperty.call(m, "trellis") && m.trellis !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.trellis);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Versions message, length delimited. Does not implicitly {@link trellis.mesh.Versions.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.Versions
             * @static
             * @param {trellis.mesh.Versions.$Properties} message Versions message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Versions.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Versions message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.Versions
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.Versions & trellis.mesh.Versions.$Shape} Versions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Versions.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.Versions();
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
                                m.trellis = v;
                            else
                                delete m.trellis;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
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
             * Decodes a Versions message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.Versions
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.Versions & trellis.mesh.Versions.$Shape} Versions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Versions.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Versions message.
             * @function verify
             * @memberof trellis.mesh.Versions
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Versions.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.trellis != null && $Object.hasOwnProperty.call(m, "trellis")) {
                    if (!$util.isString(m.trellis))
                        return "trellis: string expected";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                return null;
            };

            /**
             * Creates a Versions message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.Versions
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.Versions} Versions
             */
            Versions.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.Versions)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.Versions: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.Versions();
                if (d.trellis != null) {
                    if (typeof d.trellis !== "string" || d.trellis.length) {
                        m.trellis = $String(d.trellis);
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Versions message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.Versions
             * @static
             * @param {trellis.mesh.Versions} m Versions
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Versions.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.trellis = "";
                    d.node = "";
                }
                if (m.trellis != null && $Object.hasOwnProperty.call(m, "trellis")) {
                    d.trellis = m.trellis;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                return d;
            };

            /**
             * Converts this Versions to JSON.
             * @function toJSON
             * @memberof trellis.mesh.Versions
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Versions.prototype.toJSON = function() {
                return Versions.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Versions
             * @function getTypeUrl
             * @memberof trellis.mesh.Versions
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Versions.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.Versions";
            };

            return Versions;
        })();

        mesh.Cpu = (function() {

            /**
             * Properties of a Cpu.
             * @typedef {Object} trellis.mesh.Cpu.$Properties
             * @property {number|null} [cores] Cpu cores
             * @property {string|null} [model] Cpu model
             * @property {number|null} [load1] Cpu load1
             * @property {number|null} [load5] Cpu load5
             * @property {number|null} [load15] Cpu load15
             * @property {number|null} [usage] Cpu usage
             * @property {number|null} [allocatable] Cpu allocatable
             * @property {number|null} [allocated] Cpu allocated
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Cpu.
             * @memberof trellis.mesh
             * @interface ICpu
             * @augments trellis.mesh.Cpu.$Properties
             * @deprecated Use trellis.mesh.Cpu.$Properties instead.
             */

            /**
             * Shape of a Cpu.
             * @typedef {trellis.mesh.Cpu.$Properties} trellis.mesh.Cpu.$Shape
             */

            /**
             * Constructs a new Cpu.
             * @memberof trellis.mesh
             * @classdesc Represents a Cpu.
             * @constructor
             * @param {trellis.mesh.Cpu.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Cpu = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Cpu cores.
             * @member {number} cores
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.cores = 0;

            /**
             * Cpu model.
             * @member {string} model
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.model = "";

            /**
             * Cpu load1.
             * @member {number} load1
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.load1 = 0;

            /**
             * Cpu load5.
             * @member {number} load5
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.load5 = 0;

            /**
             * Cpu load15.
             * @member {number} load15
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.load15 = 0;

            /**
             * Cpu usage.
             * @member {number} usage
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.usage = 0;

            /**
             * Cpu allocatable.
             * @member {number} allocatable
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.allocatable = 0;

            /**
             * Cpu allocated.
             * @member {number} allocated
             * @memberof trellis.mesh.Cpu
             * @instance
             */
            Cpu.prototype.allocated = 0;

            /**
             * Creates a new Cpu instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {trellis.mesh.Cpu.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.Cpu} Cpu instance
             * @type {{
             *   (properties: trellis.mesh.Cpu.$Shape): trellis.mesh.Cpu & trellis.mesh.Cpu.$Shape;
             *   (properties?: trellis.mesh.Cpu.$Properties): trellis.mesh.Cpu;
             * }}
             */
            Cpu.create = function(properties) {
                return new Cpu(properties);
            };

            /**
             * Encodes the specified Cpu message. Does not implicitly {@link trellis.mesh.Cpu.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {trellis.mesh.Cpu.$Properties} m Cpu message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Cpu.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores") && m.cores !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.cores);
                if (m.model != null && $Object.hasOwnProperty.call(m, "model") && m.model !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.model);
                if (m.load1 != null && $Object.hasOwnProperty.call(m, "load1") && !$Object.is(m.load1, 0))
                    w.uint32(/* id 3, wireType 1 =*/25).double(m.load1);
                if (m.load5 != null && $Object.hasOwnProperty.call(m, "load5") && !$Object.is(m.load5, 0))
                    w.uint32(/* id 4, wireType 1 =*/33).double(m.load5);
                if (m.load15 != null && $Object.hasOwnProperty.call(m, "load15") && !$Object.is(m.load15, 0))
                    w.uint32(/* id 5, wireType 1 =*/41).double(m.load15);
                if (m.usage != null && $Object.hasOwnProperty.call(m, "usage") && !$Object.is(m.usage, 0))
                    w.uint32(/* id 6, wireType 1 =*/49).double(m.usage);
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable") && !$Object.is(m.allocatable, 0))
                    w.uint32(/* id 7, wireType 1 =*/57).double(m.allocatable);
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated") && !$Object.is(m.allocated, 0))
                    w.uint32(/* id 8, wireType 1 =*/65).double(m.allocated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Cpu message, length delimited. Does not implicitly {@link trellis.mesh.Cpu.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {trellis.mesh.Cpu.$Properties} message Cpu message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Cpu.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Cpu message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.Cpu & trellis.mesh.Cpu.$Shape} Cpu
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Cpu.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.Cpu();
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
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cores = v;
                            else
                                delete m.cores;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.model = v;
                            else
                                delete m.model;
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.load1 = v;
                            else
                                delete m.load1;
                            continue;
                        }
                    case 4: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.load5 = v;
                            else
                                delete m.load5;
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.load15 = v;
                            else
                                delete m.load15;
                            continue;
                        }
                    case 6: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.usage = v;
                            else
                                delete m.usage;
                            continue;
                        }
                    case 7: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.allocatable = v;
                            else
                                delete m.allocatable;
                            continue;
                        }
                    case 8: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.allocated = v;
                            else
                                delete m.allocated;
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
             * Decodes a Cpu message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.Cpu & trellis.mesh.Cpu.$Shape} Cpu
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Cpu.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Cpu message.
             * @function verify
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Cpu.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores")) {
                    if (!$util.isInteger(m.cores))
                        return "cores: integer expected";
                }
                if (m.model != null && $Object.hasOwnProperty.call(m, "model")) {
                    if (!$util.isString(m.model))
                        return "model: string expected";
                }
                if (m.load1 != null && $Object.hasOwnProperty.call(m, "load1")) {
                    if (typeof m.load1 !== "number")
                        return "load1: number expected";
                }
                if (m.load5 != null && $Object.hasOwnProperty.call(m, "load5")) {
                    if (typeof m.load5 !== "number")
                        return "load5: number expected";
                }
                if (m.load15 != null && $Object.hasOwnProperty.call(m, "load15")) {
                    if (typeof m.load15 !== "number")
                        return "load15: number expected";
                }
                if (m.usage != null && $Object.hasOwnProperty.call(m, "usage")) {
                    if (typeof m.usage !== "number")
                        return "usage: number expected";
                }
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable")) {
                    if (typeof m.allocatable !== "number")
                        return "allocatable: number expected";
                }
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated")) {
                    if (typeof m.allocated !== "number")
                        return "allocated: number expected";
                }
                return null;
            };

            /**
             * Creates a Cpu message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.Cpu} Cpu
             */
            Cpu.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.Cpu)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.Cpu: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.Cpu();
                if (d.cores != null) {
                    if ($Number(d.cores) !== 0) {
                        m.cores = d.cores >>> 0;
                    }
                }
                if (d.model != null) {
                    if (typeof d.model !== "string" || d.model.length) {
                        m.model = $String(d.model);
                    }
                }
                if (d.load1 != null) {
                    if (!$Object.is($Number(d.load1), 0)) {
                        m.load1 = $Number(d.load1);
                    }
                }
                if (d.load5 != null) {
                    if (!$Object.is($Number(d.load5), 0)) {
                        m.load5 = $Number(d.load5);
                    }
                }
                if (d.load15 != null) {
                    if (!$Object.is($Number(d.load15), 0)) {
                        m.load15 = $Number(d.load15);
                    }
                }
                if (d.usage != null) {
                    if (!$Object.is($Number(d.usage), 0)) {
                        m.usage = $Number(d.usage);
                    }
                }
                if (d.allocatable != null) {
                    if (!$Object.is($Number(d.allocatable), 0)) {
                        m.allocatable = $Number(d.allocatable);
                    }
                }
                if (d.allocated != null) {
                    if (!$Object.is($Number(d.allocated), 0)) {
                        m.allocated = $Number(d.allocated);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Cpu message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {trellis.mesh.Cpu} m Cpu
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Cpu.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.cores = 0;
                    d.model = "";
                    d.load1 = 0;
                    d.load5 = 0;
                    d.load15 = 0;
                    d.usage = 0;
                    d.allocatable = 0;
                    d.allocated = 0;
                }
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores")) {
                    d.cores = m.cores;
                }
                if (m.model != null && $Object.hasOwnProperty.call(m, "model")) {
                    d.model = m.model;
                }
                if (m.load1 != null && $Object.hasOwnProperty.call(m, "load1")) {
                    d.load1 = o.json && !$isFinite(m.load1) ? $String(m.load1) : m.load1;
                }
                if (m.load5 != null && $Object.hasOwnProperty.call(m, "load5")) {
                    d.load5 = o.json && !$isFinite(m.load5) ? $String(m.load5) : m.load5;
                }
                if (m.load15 != null && $Object.hasOwnProperty.call(m, "load15")) {
                    d.load15 = o.json && !$isFinite(m.load15) ? $String(m.load15) : m.load15;
                }
                if (m.usage != null && $Object.hasOwnProperty.call(m, "usage")) {
                    d.usage = o.json && !$isFinite(m.usage) ? $String(m.usage) : m.usage;
                }
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable")) {
                    d.allocatable = o.json && !$isFinite(m.allocatable) ? $String(m.allocatable) : m.allocatable;
                }
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated")) {
                    d.allocated = o.json && !$isFinite(m.allocated) ? $String(m.allocated) : m.allocated;
                }
                return d;
            };

            /**
             * Converts this Cpu to JSON.
             * @function toJSON
             * @memberof trellis.mesh.Cpu
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Cpu.prototype.toJSON = function() {
                return Cpu.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Cpu
             * @function getTypeUrl
             * @memberof trellis.mesh.Cpu
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Cpu.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.Cpu";
            };

            return Cpu;
        })();

        mesh.Memory = (function() {

            /**
             * Properties of a Memory.
             * @typedef {Object} trellis.mesh.Memory.$Properties
             * @property {number|Long|null} [total] Memory total
             * @property {number|Long|null} [free] Memory free
             * @property {number|Long|null} [allocatable] Memory allocatable
             * @property {number|Long|null} [allocated] Memory allocated
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Memory.
             * @memberof trellis.mesh
             * @interface IMemory
             * @augments trellis.mesh.Memory.$Properties
             * @deprecated Use trellis.mesh.Memory.$Properties instead.
             */

            /**
             * Shape of a Memory.
             * @typedef {trellis.mesh.Memory.$Properties} trellis.mesh.Memory.$Shape
             */

            /**
             * Constructs a new Memory.
             * @memberof trellis.mesh
             * @classdesc Represents a Memory.
             * @constructor
             * @param {trellis.mesh.Memory.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Memory = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Memory total.
             * @member {number|Long} total
             * @memberof trellis.mesh.Memory
             * @instance
             */
            Memory.prototype.total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Memory free.
             * @member {number|Long} free
             * @memberof trellis.mesh.Memory
             * @instance
             */
            Memory.prototype.free = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Memory allocatable.
             * @member {number|Long} allocatable
             * @memberof trellis.mesh.Memory
             * @instance
             */
            Memory.prototype.allocatable = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Memory allocated.
             * @member {number|Long} allocated
             * @memberof trellis.mesh.Memory
             * @instance
             */
            Memory.prototype.allocated = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Memory instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.Memory
             * @static
             * @param {trellis.mesh.Memory.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.Memory} Memory instance
             * @type {{
             *   (properties: trellis.mesh.Memory.$Shape): trellis.mesh.Memory & trellis.mesh.Memory.$Shape;
             *   (properties?: trellis.mesh.Memory.$Properties): trellis.mesh.Memory;
             * }}
             */
            Memory.create = function(properties) {
                return new Memory(properties);
            };

            /**
             * Encodes the specified Memory message. Does not implicitly {@link trellis.mesh.Memory.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.Memory
             * @static
             * @param {trellis.mesh.Memory.$Properties} m Memory message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Memory.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.total != null && $Object.hasOwnProperty.call(m, "total") && (typeof m.total === "object" ? m.total.low || m.total.high : m.total !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.total);
                if (m.free != null && $Object.hasOwnProperty.call(m, "free") && (typeof m.free === "object" ? m.free.low || m.free.high : m.free !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.free);
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable") && (typeof m.allocatable === "object" ? m.allocatable.low || m.allocatable.high : m.allocatable !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.allocatable);
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated") && (typeof m.allocated === "object" ? m.allocated.low || m.allocated.high : m.allocated !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.allocated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Memory message, length delimited. Does not implicitly {@link trellis.mesh.Memory.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.Memory
             * @static
             * @param {trellis.mesh.Memory.$Properties} message Memory message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Memory.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Memory message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.Memory
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.Memory & trellis.mesh.Memory.$Shape} Memory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Memory.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.Memory();
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
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.total = v;
                            else
                                delete m.total;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.free = v;
                            else
                                delete m.free;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.allocatable = v;
                            else
                                delete m.allocatable;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.allocated = v;
                            else
                                delete m.allocated;
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
             * Decodes a Memory message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.Memory
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.Memory & trellis.mesh.Memory.$Shape} Memory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Memory.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Memory message.
             * @function verify
             * @memberof trellis.mesh.Memory
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Memory.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.total != null && $Object.hasOwnProperty.call(m, "total")) {
                    if (!$util.isInteger(m.total) && !(m.total && $util.isInteger(m.total.low) && $util.isInteger(m.total.high)))
                        return "total: integer|Long expected";
                }
                if (m.free != null && $Object.hasOwnProperty.call(m, "free")) {
                    if (!$util.isInteger(m.free) && !(m.free && $util.isInteger(m.free.low) && $util.isInteger(m.free.high)))
                        return "free: integer|Long expected";
                }
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable")) {
                    if (!$util.isInteger(m.allocatable) && !(m.allocatable && $util.isInteger(m.allocatable.low) && $util.isInteger(m.allocatable.high)))
                        return "allocatable: integer|Long expected";
                }
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated")) {
                    if (!$util.isInteger(m.allocated) && !(m.allocated && $util.isInteger(m.allocated.low) && $util.isInteger(m.allocated.high)))
                        return "allocated: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a Memory message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.Memory
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.Memory} Memory
             */
            Memory.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.Memory)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.Memory: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.Memory();
                if (d.total != null) {
                    if (typeof d.total === "object" ? d.total.low || d.total.high : $Number(d.total) !== 0) {
                        if ($util.Long)
                            m.total = $util.Long.fromValue(d.total, true);
                        else if (typeof d.total === "string")
                            m.total = $parseInt(d.total, 10);
                        else if (typeof d.total === "number")
                            m.total = d.total;
                        else if (typeof d.total === "object")
                            m.total = new $util.LongBits(d.total.low >>> 0, d.total.high >>> 0).toNumber(true);
                    }
                }
                if (d.free != null) {
                    if (typeof d.free === "object" ? d.free.low || d.free.high : $Number(d.free) !== 0) {
                        if ($util.Long)
                            m.free = $util.Long.fromValue(d.free, true);
                        else if (typeof d.free === "string")
                            m.free = $parseInt(d.free, 10);
                        else if (typeof d.free === "number")
                            m.free = d.free;
                        else if (typeof d.free === "object")
                            m.free = new $util.LongBits(d.free.low >>> 0, d.free.high >>> 0).toNumber(true);
                    }
                }
                if (d.allocatable != null) {
                    if (typeof d.allocatable === "object" ? d.allocatable.low || d.allocatable.high : $Number(d.allocatable) !== 0) {
                        if ($util.Long)
                            m.allocatable = $util.Long.fromValue(d.allocatable, true);
                        else if (typeof d.allocatable === "string")
                            m.allocatable = $parseInt(d.allocatable, 10);
                        else if (typeof d.allocatable === "number")
                            m.allocatable = d.allocatable;
                        else if (typeof d.allocatable === "object")
                            m.allocatable = new $util.LongBits(d.allocatable.low >>> 0, d.allocatable.high >>> 0).toNumber(true);
                    }
                }
                if (d.allocated != null) {
                    if (typeof d.allocated === "object" ? d.allocated.low || d.allocated.high : $Number(d.allocated) !== 0) {
                        if ($util.Long)
                            m.allocated = $util.Long.fromValue(d.allocated, true);
                        else if (typeof d.allocated === "string")
                            m.allocated = $parseInt(d.allocated, 10);
                        else if (typeof d.allocated === "number")
                            m.allocated = d.allocated;
                        else if (typeof d.allocated === "object")
                            m.allocated = new $util.LongBits(d.allocated.low >>> 0, d.allocated.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Memory message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.Memory
             * @static
             * @param {trellis.mesh.Memory} m Memory
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Memory.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.total = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.total = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.free = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.free = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.allocatable = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.allocatable = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.allocated = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.allocated = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.total != null && $Object.hasOwnProperty.call(m, "total")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.total = typeof m.total === "number" ? $BigInt(m.total) : $util.Long.fromBits(m.total.low >>> 0, m.total.high >>> 0, true).toBigInt();
                    else if (typeof m.total === "number")
                        d.total = o.longs === $String ? $String(m.total) : m.total;
                    else
                        d.total = o.longs === $String ? $util.Long.prototype.toString.call(m.total) : o.longs === $Number ? new $util.LongBits(m.total.low >>> 0, m.total.high >>> 0).toNumber(true) : m.total;
                }
                if (m.free != null && $Object.hasOwnProperty.call(m, "free")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.free = typeof m.free === "number" ? $BigInt(m.free) : $util.Long.fromBits(m.free.low >>> 0, m.free.high >>> 0, true).toBigInt();
                    else if (typeof m.free === "number")
                        d.free = o.longs === $String ? $String(m.free) : m.free;
                    else
                        d.free = o.longs === $String ? $util.Long.prototype.toString.call(m.free) : o.longs === $Number ? new $util.LongBits(m.free.low >>> 0, m.free.high >>> 0).toNumber(true) : m.free;
                }
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.allocatable = typeof m.allocatable === "number" ? $BigInt(m.allocatable) : $util.Long.fromBits(m.allocatable.low >>> 0, m.allocatable.high >>> 0, true).toBigInt();
                    else if (typeof m.allocatable === "number")
                        d.allocatable = o.longs === $String ? $String(m.allocatable) : m.allocatable;
                    else
                        d.allocatable = o.longs === $String ? $util.Long.prototype.toString.call(m.allocatable) : o.longs === $Number ? new $util.LongBits(m.allocatable.low >>> 0, m.allocatable.high >>> 0).toNumber(true) : m.allocatable;
                }
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.allocated = typeof m.allocated === "number" ? $BigInt(m.allocated) : $util.Long.fromBits(m.allocated.low >>> 0, m.allocated.high >>> 0, true).toBigInt();
                    else if (typeof m.allocated === "number")
                        d.allocated = o.longs === $String ? $String(m.allocated) : m.allocated;
                    else
                        d.allocated = o.longs === $String ? $util.Long.prototype.toString.call(m.allocated) : o.longs === $Number ? new $util.LongBits(m.allocated.low >>> 0, m.allocated.high >>> 0).toNumber(true) : m.allocated;
                }
                return d;
            };

            /**
             * Converts this Memory to JSON.
             * @function toJSON
             * @memberof trellis.mesh.Memory
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Memory.prototype.toJSON = function() {
                return Memory.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Memory
             * @function getTypeUrl
             * @memberof trellis.mesh.Memory
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Memory.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.Memory";
            };

            return Memory;
        })();

        mesh.Disk = (function() {

            /**
             * Properties of a Disk.
             * @typedef {Object} trellis.mesh.Disk.$Properties
             * @property {number|Long|null} [total] Disk total
             * @property {number|Long|null} [free] Disk free
             * @property {number|Long|null} [allocatable] Disk allocatable
             * @property {number|Long|null} [allocated] Disk allocated
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Disk.
             * @memberof trellis.mesh
             * @interface IDisk
             * @augments trellis.mesh.Disk.$Properties
             * @deprecated Use trellis.mesh.Disk.$Properties instead.
             */

            /**
             * Shape of a Disk.
             * @typedef {trellis.mesh.Disk.$Properties} trellis.mesh.Disk.$Shape
             */

            /**
             * Constructs a new Disk.
             * @memberof trellis.mesh
             * @classdesc Represents a Disk.
             * @constructor
             * @param {trellis.mesh.Disk.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Disk = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Disk total.
             * @member {number|Long} total
             * @memberof trellis.mesh.Disk
             * @instance
             */
            Disk.prototype.total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Disk free.
             * @member {number|Long} free
             * @memberof trellis.mesh.Disk
             * @instance
             */
            Disk.prototype.free = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Disk allocatable.
             * @member {number|Long} allocatable
             * @memberof trellis.mesh.Disk
             * @instance
             */
            Disk.prototype.allocatable = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Disk allocated.
             * @member {number|Long} allocated
             * @memberof trellis.mesh.Disk
             * @instance
             */
            Disk.prototype.allocated = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Disk instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.Disk
             * @static
             * @param {trellis.mesh.Disk.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.Disk} Disk instance
             * @type {{
             *   (properties: trellis.mesh.Disk.$Shape): trellis.mesh.Disk & trellis.mesh.Disk.$Shape;
             *   (properties?: trellis.mesh.Disk.$Properties): trellis.mesh.Disk;
             * }}
             */
            Disk.create = function(properties) {
                return new Disk(properties);
            };

            /**
             * Encodes the specified Disk message. Does not implicitly {@link trellis.mesh.Disk.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.Disk
             * @static
             * @param {trellis.mesh.Disk.$Properties} m Disk message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Disk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.total != null && $Object.hasOwnProperty.call(m, "total") && (typeof m.total === "object" ? m.total.low || m.total.high : m.total !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.total);
                if (m.free != null && $Object.hasOwnProperty.call(m, "free") && (typeof m.free === "object" ? m.free.low || m.free.high : m.free !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.free);
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable") && (typeof m.allocatable === "object" ? m.allocatable.low || m.allocatable.high : m.allocatable !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.allocatable);
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated") && (typeof m.allocated === "object" ? m.allocated.low || m.allocated.high : m.allocated !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.allocated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Disk message, length delimited. Does not implicitly {@link trellis.mesh.Disk.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.Disk
             * @static
             * @param {trellis.mesh.Disk.$Properties} message Disk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Disk.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Disk message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.Disk
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.Disk & trellis.mesh.Disk.$Shape} Disk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Disk.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.Disk();
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
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.total = v;
                            else
                                delete m.total;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.free = v;
                            else
                                delete m.free;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.allocatable = v;
                            else
                                delete m.allocatable;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.allocated = v;
                            else
                                delete m.allocated;
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
             * Decodes a Disk message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.Disk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.Disk & trellis.mesh.Disk.$Shape} Disk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Disk.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Disk message.
             * @function verify
             * @memberof trellis.mesh.Disk
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Disk.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.total != null && $Object.hasOwnProperty.call(m, "total")) {
                    if (!$util.isInteger(m.total) && !(m.total && $util.isInteger(m.total.low) && $util.isInteger(m.total.high)))
                        return "total: integer|Long expected";
                }
                if (m.free != null && $Object.hasOwnProperty.call(m, "free")) {
                    if (!$util.isInteger(m.free) && !(m.free && $util.isInteger(m.free.low) && $util.isInteger(m.free.high)))
                        return "free: integer|Long expected";
                }
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable")) {
                    if (!$util.isInteger(m.allocatable) && !(m.allocatable && $util.isInteger(m.allocatable.low) && $util.isInteger(m.allocatable.high)))
                        return "allocatable: integer|Long expected";
                }
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated")) {
                    if (!$util.isInteger(m.allocated) && !(m.allocated && $util.isInteger(m.allocated.low) && $util.isInteger(m.allocated.high)))
                        return "allocated: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a Disk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.Disk
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.Disk} Disk
             */
            Disk.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.Disk)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.Disk: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.Disk();
                if (d.total != null) {
                    if (typeof d.total === "object" ? d.total.low || d.total.high : $Number(d.total) !== 0) {
                        if ($util.Long)
                            m.total = $util.Long.fromValue(d.total, true);
                        else if (typeof d.total === "string")
                            m.total = $parseInt(d.total, 10);
                        else if (typeof d.total === "number")
                            m.total = d.total;
                        else if (typeof d.total === "object")
                            m.total = new $util.LongBits(d.total.low >>> 0, d.total.high >>> 0).toNumber(true);
                    }
                }
                if (d.free != null) {
                    if (typeof d.free === "object" ? d.free.low || d.free.high : $Number(d.free) !== 0) {
                        if ($util.Long)
                            m.free = $util.Long.fromValue(d.free, true);
                        else if (typeof d.free === "string")
                            m.free = $parseInt(d.free, 10);
                        else if (typeof d.free === "number")
                            m.free = d.free;
                        else if (typeof d.free === "object")
                            m.free = new $util.LongBits(d.free.low >>> 0, d.free.high >>> 0).toNumber(true);
                    }
                }
                if (d.allocatable != null) {
                    if (typeof d.allocatable === "object" ? d.allocatable.low || d.allocatable.high : $Number(d.allocatable) !== 0) {
                        if ($util.Long)
                            m.allocatable = $util.Long.fromValue(d.allocatable, true);
                        else if (typeof d.allocatable === "string")
                            m.allocatable = $parseInt(d.allocatable, 10);
                        else if (typeof d.allocatable === "number")
                            m.allocatable = d.allocatable;
                        else if (typeof d.allocatable === "object")
                            m.allocatable = new $util.LongBits(d.allocatable.low >>> 0, d.allocatable.high >>> 0).toNumber(true);
                    }
                }
                if (d.allocated != null) {
                    if (typeof d.allocated === "object" ? d.allocated.low || d.allocated.high : $Number(d.allocated) !== 0) {
                        if ($util.Long)
                            m.allocated = $util.Long.fromValue(d.allocated, true);
                        else if (typeof d.allocated === "string")
                            m.allocated = $parseInt(d.allocated, 10);
                        else if (typeof d.allocated === "number")
                            m.allocated = d.allocated;
                        else if (typeof d.allocated === "object")
                            m.allocated = new $util.LongBits(d.allocated.low >>> 0, d.allocated.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Disk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.Disk
             * @static
             * @param {trellis.mesh.Disk} m Disk
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Disk.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.total = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.total = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.free = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.free = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.allocatable = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.allocatable = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.allocated = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.allocated = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.total != null && $Object.hasOwnProperty.call(m, "total")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.total = typeof m.total === "number" ? $BigInt(m.total) : $util.Long.fromBits(m.total.low >>> 0, m.total.high >>> 0, true).toBigInt();
                    else if (typeof m.total === "number")
                        d.total = o.longs === $String ? $String(m.total) : m.total;
                    else
                        d.total = o.longs === $String ? $util.Long.prototype.toString.call(m.total) : o.longs === $Number ? new $util.LongBits(m.total.low >>> 0, m.total.high >>> 0).toNumber(true) : m.total;
                }
                if (m.free != null && $Object.hasOwnProperty.call(m, "free")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.free = typeof m.free === "number" ? $BigInt(m.free) : $util.Long.fromBits(m.free.low >>> 0, m.free.high >>> 0, true).toBigInt();
                    else if (typeof m.free === "number")
                        d.free = o.longs === $String ? $String(m.free) : m.free;
                    else
                        d.free = o.longs === $String ? $util.Long.prototype.toString.call(m.free) : o.longs === $Number ? new $util.LongBits(m.free.low >>> 0, m.free.high >>> 0).toNumber(true) : m.free;
                }
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.allocatable = typeof m.allocatable === "number" ? $BigInt(m.allocatable) : $util.Long.fromBits(m.allocatable.low >>> 0, m.allocatable.high >>> 0, true).toBigInt();
                    else if (typeof m.allocatable === "number")
                        d.allocatable = o.longs === $String ? $String(m.allocatable) : m.allocatable;
                    else
                        d.allocatable = o.longs === $String ? $util.Long.prototype.toString.call(m.allocatable) : o.longs === $Number ? new $util.LongBits(m.allocatable.low >>> 0, m.allocatable.high >>> 0).toNumber(true) : m.allocatable;
                }
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.allocated = typeof m.allocated === "number" ? $BigInt(m.allocated) : $util.Long.fromBits(m.allocated.low >>> 0, m.allocated.high >>> 0, true).toBigInt();
                    else if (typeof m.allocated === "number")
                        d.allocated = o.longs === $String ? $String(m.allocated) : m.allocated;
                    else
                        d.allocated = o.longs === $String ? $util.Long.prototype.toString.call(m.allocated) : o.longs === $Number ? new $util.LongBits(m.allocated.low >>> 0, m.allocated.high >>> 0).toNumber(true) : m.allocated;
                }
                return d;
            };

            /**
             * Converts this Disk to JSON.
             * @function toJSON
             * @memberof trellis.mesh.Disk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Disk.prototype.toJSON = function() {
                return Disk.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Disk
             * @function getTypeUrl
             * @memberof trellis.mesh.Disk
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Disk.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.Disk";
            };

            return Disk;
        })();

        /**
         * PowerSource enum.
         * @name trellis.mesh.PowerSource
         * @enum {number}
         * @property {number} POWER_SOURCE_UNKNOWN=0 POWER_SOURCE_UNKNOWN value
         * @property {number} POWER_SOURCE_MAINS=1 POWER_SOURCE_MAINS value
         * @property {number} POWER_SOURCE_BATTERY=2 POWER_SOURCE_BATTERY value
         */
        mesh.PowerSource = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "POWER_SOURCE_UNKNOWN"] = 0;
            values[valuesById[1] = "POWER_SOURCE_MAINS"] = 1;
            values[valuesById[2] = "POWER_SOURCE_BATTERY"] = 2;
            return values;
        })();

        mesh.Power = (function() {

            /**
             * Properties of a Power.
             * @typedef {Object} trellis.mesh.Power.$Properties
             * @property {trellis.mesh.PowerSource|null} [source] Power source
             * @property {number|null} [chargePercent] Power chargePercent
             * @property {number|null} [timeRemainingMinutes] Power timeRemainingMinutes
             * @property {boolean|null} [charging] Power charging
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Power.
             * @memberof trellis.mesh
             * @interface IPower
             * @augments trellis.mesh.Power.$Properties
             * @deprecated Use trellis.mesh.Power.$Properties instead.
             */

            /**
             * Shape of a Power.
             * @typedef {trellis.mesh.Power.$Properties} trellis.mesh.Power.$Shape
             */

            /**
             * Constructs a new Power.
             * @memberof trellis.mesh
             * @classdesc Represents a Power.
             * @constructor
             * @param {trellis.mesh.Power.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Power = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Power source.
             * @member {trellis.mesh.PowerSource} source
             * @memberof trellis.mesh.Power
             * @instance
             */
            Power.prototype.source = 0;

            /**
             * Power chargePercent.
             * @member {number|null|undefined} chargePercent
             * @memberof trellis.mesh.Power
             * @instance
             */
            Power.prototype.chargePercent = null;

            /**
             * Power timeRemainingMinutes.
             * @member {number|null|undefined} timeRemainingMinutes
             * @memberof trellis.mesh.Power
             * @instance
             */
            Power.prototype.timeRemainingMinutes = null;

            /**
             * Power charging.
             * @member {boolean} charging
             * @memberof trellis.mesh.Power
             * @instance
             */
            Power.prototype.charging = false;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Power.prototype, "_chargePercent", {
                get: $util.oneOfGetter($oneOfFields = ["chargePercent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Power.prototype, "_timeRemainingMinutes", {
                get: $util.oneOfGetter($oneOfFields = ["timeRemainingMinutes"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Power instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.Power
             * @static
             * @param {trellis.mesh.Power.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.Power} Power instance
             * @type {{
             *   (properties: trellis.mesh.Power.$Shape): trellis.mesh.Power & trellis.mesh.Power.$Shape;
             *   (properties?: trellis.mesh.Power.$Properties): trellis.mesh.Power;
             * }}
             */
            Power.create = function(properties) {
                return new Power(properties);
            };

            /**
             * Encodes the specified Power message. Does not implicitly {@link trellis.mesh.Power.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.Power
             * @static
             * @param {trellis.mesh.Power.$Properties} m Power message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Power.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.source);
                if (m.chargePercent != null && $Object.hasOwnProperty.call(m, "chargePercent"))
                    w.uint32(/* id 2, wireType 1 =*/17).double(m.chargePercent);
                if (m.timeRemainingMinutes != null && $Object.hasOwnProperty.call(m, "timeRemainingMinutes"))
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.timeRemainingMinutes);
                if (m.charging != null && $Object.hasOwnProperty.call(m, "charging") && m.charging !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.charging);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Power message, length delimited. Does not implicitly {@link trellis.mesh.Power.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.Power
             * @static
             * @param {trellis.mesh.Power.$Properties} message Power message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Power.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Power message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.Power
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.Power & trellis.mesh.Power.$Shape} Power
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Power.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.Power();
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
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            m.chargePercent = r.double();
                            m._chargePercent = "chargePercent";
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.timeRemainingMinutes = r.uint32();
                            m._timeRemainingMinutes = "timeRemainingMinutes";
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.charging = v;
                            else
                                delete m.charging;
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
             * Decodes a Power message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.Power
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.Power & trellis.mesh.Power.$Shape} Power
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Power.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Power message.
             * @function verify
             * @memberof trellis.mesh.Power
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Power.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (typeof m.source !== "number" || (m.source | 0) !== m.source)
                        return "source: enum value expected";
                }
                if (m.chargePercent != null && $Object.hasOwnProperty.call(m, "chargePercent")) {
                    p._chargePercent = 1;
                    if (typeof m.chargePercent !== "number")
                        return "chargePercent: number expected";
                }
                if (m.timeRemainingMinutes != null && $Object.hasOwnProperty.call(m, "timeRemainingMinutes")) {
                    p._timeRemainingMinutes = 1;
                    if (!$util.isInteger(m.timeRemainingMinutes))
                        return "timeRemainingMinutes: integer expected";
                }
                if (m.charging != null && $Object.hasOwnProperty.call(m, "charging")) {
                    if (typeof m.charging !== "boolean")
                        return "charging: boolean expected";
                }
                return null;
            };

            /**
             * Creates a Power message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.Power
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.Power} Power
             */
            Power.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.Power)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.Power: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.Power();
                if (d.source !== 0 && (typeof d.source !== "string" || $root.trellis.mesh.PowerSource[d.source] !== 0)) {
                    switch (d.source) {
                    case "POWER_SOURCE_UNKNOWN":
                    case 0:
                        m.source = 0;
                        break;
                    case "POWER_SOURCE_MAINS":
                    case 1:
                        m.source = 1;
                        break;
                    case "POWER_SOURCE_BATTERY":
                    case 2:
                        m.source = 2;
                        break;
                    default:
                        if (typeof d.source === "number" && (d.source | 0) === d.source)
                            m.source = d.source;
                    }
                }
                if (d.chargePercent != null) {
                    m.chargePercent = $Number(d.chargePercent);
                }
                if (d.timeRemainingMinutes != null) {
                    m.timeRemainingMinutes = d.timeRemainingMinutes >>> 0;
                }
                if (d.charging != null) {
                    if (d.charging) {
                        m.charging = $Boolean(d.charging);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Power message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.Power
             * @static
             * @param {trellis.mesh.Power} m Power
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Power.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.source = o.enums === $String ? "POWER_SOURCE_UNKNOWN" : 0;
                    d.charging = false;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = o.enums === $String ? $root.trellis.mesh.PowerSource[m.source] === $undefined ? m.source : $root.trellis.mesh.PowerSource[m.source] : m.source;
                }
                if (m.chargePercent != null && $Object.hasOwnProperty.call(m, "chargePercent")) {
                    d.chargePercent = o.json && !$isFinite(m.chargePercent) ? $String(m.chargePercent) : m.chargePercent;
                }
                if (m.timeRemainingMinutes != null && $Object.hasOwnProperty.call(m, "timeRemainingMinutes")) {
                    d.timeRemainingMinutes = m.timeRemainingMinutes;
                }
                if (m.charging != null && $Object.hasOwnProperty.call(m, "charging")) {
                    d.charging = m.charging;
                }
                return d;
            };

            /**
             * Converts this Power to JSON.
             * @function toJSON
             * @memberof trellis.mesh.Power
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Power.prototype.toJSON = function() {
                return Power.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Power
             * @function getTypeUrl
             * @memberof trellis.mesh.Power
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Power.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.Power";
            };

            return Power;
        })();

        mesh.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} trellis.mesh.Heartbeat.$Properties
             * @property {string|null} [nodeId] Heartbeat nodeId
             * @property {number|Long|null} [incarnation] Heartbeat incarnation
             * @property {number|Long|null} [sequence] Heartbeat sequence
             * @property {number|Long|null} [sentAt] Heartbeat sentAt
             * @property {boolean|null} [leaving] Heartbeat leaving
             * @property {boolean|null} [heard] Heartbeat heard
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof trellis.mesh
             * @interface IHeartbeat
             * @augments trellis.mesh.Heartbeat.$Properties
             * @deprecated Use trellis.mesh.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {trellis.mesh.Heartbeat.$Properties} trellis.mesh.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof trellis.mesh
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {trellis.mesh.Heartbeat.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Heartbeat nodeId.
             * @member {string} nodeId
             * @memberof trellis.mesh.Heartbeat
             * @instance
             */
            Heartbeat.prototype.nodeId = "";

            /**
             * Heartbeat incarnation.
             * @member {number|Long} incarnation
             * @memberof trellis.mesh.Heartbeat
             * @instance
             */
            Heartbeat.prototype.incarnation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat sequence.
             * @member {number|Long} sequence
             * @memberof trellis.mesh.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat sentAt.
             * @member {number|Long} sentAt
             * @memberof trellis.mesh.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat leaving.
             * @member {boolean} leaving
             * @memberof trellis.mesh.Heartbeat
             * @instance
             */
            Heartbeat.prototype.leaving = false;

            /**
             * Heartbeat heard.
             * @member {boolean} heard
             * @memberof trellis.mesh.Heartbeat
             * @instance
             */
            Heartbeat.prototype.heard = false;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {trellis.mesh.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: trellis.mesh.Heartbeat.$Shape): trellis.mesh.Heartbeat & trellis.mesh.Heartbeat.$Shape;
             *   (properties?: trellis.mesh.Heartbeat.$Properties): trellis.mesh.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link trellis.mesh.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {trellis.mesh.Heartbeat.$Properties} m Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.nodeId);
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation") && (typeof m.incarnation === "object" ? m.incarnation.low || m.incarnation.high : m.incarnation !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.incarnation);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.sequence);
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt") && (typeof m.sentAt === "object" ? m.sentAt.low || m.sentAt.high : m.sentAt !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.sentAt);
                if (m.leaving != null && $Object.hasOwnProperty.call(m, "leaving") && m.leaving !== false)
                    w.uint32(/* id 5, wireType 0 =*/40).bool(m.leaving);
                if (m.heard != null && $Object.hasOwnProperty.call(m, "heard") && m.heard !== false)
                    w.uint32(/* id 6, wireType 0 =*/48).bool(m.heard);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Heartbeat message, length delimited. Does not implicitly {@link trellis.mesh.Heartbeat.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {trellis.mesh.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.Heartbeat & trellis.mesh.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.Heartbeat();
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
                                m.nodeId = v;
                            else
                                delete m.nodeId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.incarnation = v;
                            else
                                delete m.incarnation;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sequence = v;
                            else
                                delete m.sequence;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAt = v;
                            else
                                delete m.sentAt;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.leaving = v;
                            else
                                delete m.leaving;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.heard = v;
                            else
                                delete m.heard;
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
             * Decodes a Heartbeat message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.Heartbeat & trellis.mesh.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Heartbeat message.
             * @function verify
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Heartbeat.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    if (!$util.isString(m.nodeId))
                        return "nodeId: string expected";
                }
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation")) {
                    if (!$util.isInteger(m.incarnation) && !(m.incarnation && $util.isInteger(m.incarnation.low) && $util.isInteger(m.incarnation.high)))
                        return "incarnation: integer|Long expected";
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (!$util.isInteger(m.sequence) && !(m.sequence && $util.isInteger(m.sequence.low) && $util.isInteger(m.sequence.high)))
                        return "sequence: integer|Long expected";
                }
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt")) {
                    if (!$util.isInteger(m.sentAt) && !(m.sentAt && $util.isInteger(m.sentAt.low) && $util.isInteger(m.sentAt.high)))
                        return "sentAt: integer|Long expected";
                }
                if (m.leaving != null && $Object.hasOwnProperty.call(m, "leaving")) {
                    if (typeof m.leaving !== "boolean")
                        return "leaving: boolean expected";
                }
                if (m.heard != null && $Object.hasOwnProperty.call(m, "heard")) {
                    if (typeof m.heard !== "boolean")
                        return "heard: boolean expected";
                }
                return null;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.Heartbeat)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.Heartbeat: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.Heartbeat();
                if (d.nodeId != null) {
                    if (typeof d.nodeId !== "string" || d.nodeId.length) {
                        m.nodeId = $String(d.nodeId);
                    }
                }
                if (d.incarnation != null) {
                    if (typeof d.incarnation === "object" ? d.incarnation.low || d.incarnation.high : $Number(d.incarnation) !== 0) {
                        if ($util.Long)
                            m.incarnation = $util.Long.fromValue(d.incarnation, true);
                        else if (typeof d.incarnation === "string")
                            m.incarnation = $parseInt(d.incarnation, 10);
                        else if (typeof d.incarnation === "number")
                            m.incarnation = d.incarnation;
                        else if (typeof d.incarnation === "object")
                            m.incarnation = new $util.LongBits(d.incarnation.low >>> 0, d.incarnation.high >>> 0).toNumber(true);
                    }
                }
                if (d.sequence != null) {
                    if (typeof d.sequence === "object" ? d.sequence.low || d.sequence.high : $Number(d.sequence) !== 0) {
                        if ($util.Long)
                            m.sequence = $util.Long.fromValue(d.sequence, true);
                        else if (typeof d.sequence === "string")
                            m.sequence = $parseInt(d.sequence, 10);
                        else if (typeof d.sequence === "number")
                            m.sequence = d.sequence;
                        else if (typeof d.sequence === "object")
                            m.sequence = new $util.LongBits(d.sequence.low >>> 0, d.sequence.high >>> 0).toNumber(true);
                    }
                }
                if (d.sentAt != null) {
                    if (typeof d.sentAt === "object" ? d.sentAt.low || d.sentAt.high : $Number(d.sentAt) !== 0) {
                        if ($util.Long)
                            m.sentAt = $util.Long.fromValue(d.sentAt, true);
                        else if (typeof d.sentAt === "string")
                            m.sentAt = $parseInt(d.sentAt, 10);
                        else if (typeof d.sentAt === "number")
                            m.sentAt = d.sentAt;
                        else if (typeof d.sentAt === "object")
                            m.sentAt = new $util.LongBits(d.sentAt.low >>> 0, d.sentAt.high >>> 0).toNumber(true);
                    }
                }
                if (d.leaving != null) {
                    if (d.leaving) {
                        m.leaving = $Boolean(d.leaving);
                    }
                }
                if (d.heard != null) {
                    if (d.heard) {
                        m.heard = $Boolean(d.heard);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {trellis.mesh.Heartbeat} m Heartbeat
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.nodeId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.incarnation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.incarnation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sequence = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sequence = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sentAt = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAt = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.leaving = false;
                    d.heard = false;
                }
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    d.nodeId = m.nodeId;
                }
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.incarnation = typeof m.incarnation === "number" ? $BigInt(m.incarnation) : $util.Long.fromBits(m.incarnation.low >>> 0, m.incarnation.high >>> 0, true).toBigInt();
                    else if (typeof m.incarnation === "number")
                        d.incarnation = o.longs === $String ? $String(m.incarnation) : m.incarnation;
                    else
                        d.incarnation = o.longs === $String ? $util.Long.prototype.toString.call(m.incarnation) : o.longs === $Number ? new $util.LongBits(m.incarnation.low >>> 0, m.incarnation.high >>> 0).toNumber(true) : m.incarnation;
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sequence = typeof m.sequence === "number" ? $BigInt(m.sequence) : $util.Long.fromBits(m.sequence.low >>> 0, m.sequence.high >>> 0, true).toBigInt();
                    else if (typeof m.sequence === "number")
                        d.sequence = o.longs === $String ? $String(m.sequence) : m.sequence;
                    else
                        d.sequence = o.longs === $String ? $util.Long.prototype.toString.call(m.sequence) : o.longs === $Number ? new $util.LongBits(m.sequence.low >>> 0, m.sequence.high >>> 0).toNumber(true) : m.sequence;
                }
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAt = typeof m.sentAt === "number" ? $BigInt(m.sentAt) : $util.Long.fromBits(m.sentAt.low >>> 0, m.sentAt.high >>> 0, true).toBigInt();
                    else if (typeof m.sentAt === "number")
                        d.sentAt = o.longs === $String ? $String(m.sentAt) : m.sentAt;
                    else
                        d.sentAt = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAt) : o.longs === $Number ? new $util.LongBits(m.sentAt.low >>> 0, m.sentAt.high >>> 0).toNumber(true) : m.sentAt;
                }
                if (m.leaving != null && $Object.hasOwnProperty.call(m, "leaving")) {
                    d.leaving = m.leaving;
                }
                if (m.heard != null && $Object.hasOwnProperty.call(m, "heard")) {
                    d.heard = m.heard;
                }
                return d;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof trellis.mesh.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Heartbeat
             * @function getTypeUrl
             * @memberof trellis.mesh.Heartbeat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Heartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.Heartbeat";
            };

            return Heartbeat;
        })();

        mesh.InstanceReport = (function() {

            /**
             * Properties of an InstanceReport.
             * @typedef {Object} trellis.mesh.InstanceReport.$Properties
             * @property {string|null} [nodeId] InstanceReport nodeId
             * @property {number|Long|null} [incarnation] InstanceReport incarnation
             * @property {number|Long|null} [sequence] InstanceReport sequence
             * @property {number|Long|null} [sentAt] InstanceReport sentAt
             * @property {Array.<trellis.mesh.InstanceState.$Properties>|null} [instances] InstanceReport instances
             * @property {Array.<trellis.mesh.InstanceEvent.$Properties>|null} [events] InstanceReport events
             * @property {Array.<trellis.mesh.VolumeSync.$Properties>|null} [volumeSyncs] InstanceReport volumeSyncs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstanceReport.
             * @memberof trellis.mesh
             * @interface IInstanceReport
             * @augments trellis.mesh.InstanceReport.$Properties
             * @deprecated Use trellis.mesh.InstanceReport.$Properties instead.
             */

            /**
             * Shape of an InstanceReport.
             * @typedef {trellis.mesh.InstanceReport.$Properties} trellis.mesh.InstanceReport.$Shape
             */

            /**
             * Constructs a new InstanceReport.
             * @memberof trellis.mesh
             * @classdesc Represents an InstanceReport.
             * @constructor
             * @param {trellis.mesh.InstanceReport.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstanceReport = function (p) {
                this.instances = [];
                this.events = [];
                this.volumeSyncs = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * InstanceReport nodeId.
             * @member {string} nodeId
             * @memberof trellis.mesh.InstanceReport
             * @instance
             */
            InstanceReport.prototype.nodeId = "";

            /**
             * InstanceReport incarnation.
             * @member {number|Long} incarnation
             * @memberof trellis.mesh.InstanceReport
             * @instance
             */
            InstanceReport.prototype.incarnation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstanceReport sequence.
             * @member {number|Long} sequence
             * @memberof trellis.mesh.InstanceReport
             * @instance
             */
            InstanceReport.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstanceReport sentAt.
             * @member {number|Long} sentAt
             * @memberof trellis.mesh.InstanceReport
             * @instance
             */
            InstanceReport.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstanceReport instances.
             * @member {Array.<trellis.mesh.InstanceState.$Properties>} instances
             * @memberof trellis.mesh.InstanceReport
             * @instance
             */
            InstanceReport.prototype.instances = $util.emptyArray;

            /**
             * InstanceReport events.
             * @member {Array.<trellis.mesh.InstanceEvent.$Properties>} events
             * @memberof trellis.mesh.InstanceReport
             * @instance
             */
            InstanceReport.prototype.events = $util.emptyArray;

            /**
             * InstanceReport volumeSyncs.
             * @member {Array.<trellis.mesh.VolumeSync.$Properties>} volumeSyncs
             * @memberof trellis.mesh.InstanceReport
             * @instance
             */
            InstanceReport.prototype.volumeSyncs = $util.emptyArray;

            /**
             * Creates a new InstanceReport instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {trellis.mesh.InstanceReport.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.InstanceReport} InstanceReport instance
             * @type {{
             *   (properties: trellis.mesh.InstanceReport.$Shape): trellis.mesh.InstanceReport & trellis.mesh.InstanceReport.$Shape;
             *   (properties?: trellis.mesh.InstanceReport.$Properties): trellis.mesh.InstanceReport;
             * }}
             */
            InstanceReport.create = function(properties) {
                return new InstanceReport(properties);
            };

            /**
             * Encodes the specified InstanceReport message. Does not implicitly {@link trellis.mesh.InstanceReport.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {trellis.mesh.InstanceReport.$Properties} m InstanceReport message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceReport.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.nodeId);
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation") && (typeof m.incarnation === "object" ? m.incarnation.low || m.incarnation.high : m.incarnation !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.incarnation);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.sequence);
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt") && (typeof m.sentAt === "object" ? m.sentAt.low || m.sentAt.high : m.sentAt !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.sentAt);
                if (m.instances != null && m.instances.length) {
                    for (var i = 0; i < m.instances.length; ++i)
                        $root.trellis.mesh.InstanceState.encode(m.instances[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                }
                if (m.events != null && m.events.length) {
                    for (var i = 0; i < m.events.length; ++i)
                        $root.trellis.mesh.InstanceEvent.encode(m.events[i], w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                }
                if (m.volumeSyncs != null && m.volumeSyncs.length) {
                    for (var i = 0; i < m.volumeSyncs.length; ++i)
                        $root.trellis.mesh.VolumeSync.encode(m.volumeSyncs[i], w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified InstanceReport message, length delimited. Does not implicitly {@link trellis.mesh.InstanceReport.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {trellis.mesh.InstanceReport.$Properties} message InstanceReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceReport.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InstanceReport message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.InstanceReport & trellis.mesh.InstanceReport.$Shape} InstanceReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceReport.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.InstanceReport();
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
                                m.nodeId = v;
                            else
                                delete m.nodeId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.incarnation = v;
                            else
                                delete m.incarnation;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sequence = v;
                            else
                                delete m.sequence;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAt = v;
                            else
                                delete m.sentAt;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.instances && m.instances.length))
                                m.instances = [];
                            m.instances.push($root.trellis.mesh.InstanceState.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.events && m.events.length))
                                m.events = [];
                            m.events.push($root.trellis.mesh.InstanceEvent.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (!(m.volumeSyncs && m.volumeSyncs.length))
                                m.volumeSyncs = [];
                            m.volumeSyncs.push($root.trellis.mesh.VolumeSync.decode(r, r.size(), $undefined, q + 1));
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
             * Decodes an InstanceReport message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.InstanceReport & trellis.mesh.InstanceReport.$Shape} InstanceReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceReport.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InstanceReport message.
             * @function verify
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InstanceReport.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    if (!$util.isString(m.nodeId))
                        return "nodeId: string expected";
                }
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation")) {
                    if (!$util.isInteger(m.incarnation) && !(m.incarnation && $util.isInteger(m.incarnation.low) && $util.isInteger(m.incarnation.high)))
                        return "incarnation: integer|Long expected";
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (!$util.isInteger(m.sequence) && !(m.sequence && $util.isInteger(m.sequence.low) && $util.isInteger(m.sequence.high)))
                        return "sequence: integer|Long expected";
                }
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt")) {
                    if (!$util.isInteger(m.sentAt) && !(m.sentAt && $util.isInteger(m.sentAt.low) && $util.isInteger(m.sentAt.high)))
                        return "sentAt: integer|Long expected";
                }
                if (m.instances != null && $Object.hasOwnProperty.call(m, "instances")) {
                    if (!$Array.isArray(m.instances))
                        return "instances: array expected";
                    for (var i = 0; i < m.instances.length; ++i) {
                        {
                            var e = $root.trellis.mesh.InstanceState.verify(m.instances[i], q + 1);
                            if (e)
                                return "instances." + e;
                        }
                    }
                }
                if (m.events != null && $Object.hasOwnProperty.call(m, "events")) {
                    if (!$Array.isArray(m.events))
                        return "events: array expected";
                    for (var i = 0; i < m.events.length; ++i) {
                        {
                            var e = $root.trellis.mesh.InstanceEvent.verify(m.events[i], q + 1);
                            if (e)
                                return "events." + e;
                        }
                    }
                }
                if (m.volumeSyncs != null && $Object.hasOwnProperty.call(m, "volumeSyncs")) {
                    if (!$Array.isArray(m.volumeSyncs))
                        return "volumeSyncs: array expected";
                    for (var i = 0; i < m.volumeSyncs.length; ++i) {
                        {
                            var e = $root.trellis.mesh.VolumeSync.verify(m.volumeSyncs[i], q + 1);
                            if (e)
                                return "volumeSyncs." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates an InstanceReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.InstanceReport} InstanceReport
             */
            InstanceReport.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.InstanceReport)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.InstanceReport: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.InstanceReport();
                if (d.nodeId != null) {
                    if (typeof d.nodeId !== "string" || d.nodeId.length) {
                        m.nodeId = $String(d.nodeId);
                    }
                }
                if (d.incarnation != null) {
                    if (typeof d.incarnation === "object" ? d.incarnation.low || d.incarnation.high : $Number(d.incarnation) !== 0) {
                        if ($util.Long)
                            m.incarnation = $util.Long.fromValue(d.incarnation, true);
                        else if (typeof d.incarnation === "string")
                            m.incarnation = $parseInt(d.incarnation, 10);
                        else if (typeof d.incarnation === "number")
                            m.incarnation = d.incarnation;
                        else if (typeof d.incarnation === "object")
                            m.incarnation = new $util.LongBits(d.incarnation.low >>> 0, d.incarnation.high >>> 0).toNumber(true);
                    }
                }
                if (d.sequence != null) {
                    if (typeof d.sequence === "object" ? d.sequence.low || d.sequence.high : $Number(d.sequence) !== 0) {
                        if ($util.Long)
                            m.sequence = $util.Long.fromValue(d.sequence, true);
                        else if (typeof d.sequence === "string")
                            m.sequence = $parseInt(d.sequence, 10);
                        else if (typeof d.sequence === "number")
                            m.sequence = d.sequence;
                        else if (typeof d.sequence === "object")
                            m.sequence = new $util.LongBits(d.sequence.low >>> 0, d.sequence.high >>> 0).toNumber(true);
                    }
                }
                if (d.sentAt != null) {
                    if (typeof d.sentAt === "object" ? d.sentAt.low || d.sentAt.high : $Number(d.sentAt) !== 0) {
                        if ($util.Long)
                            m.sentAt = $util.Long.fromValue(d.sentAt, true);
                        else if (typeof d.sentAt === "string")
                            m.sentAt = $parseInt(d.sentAt, 10);
                        else if (typeof d.sentAt === "number")
                            m.sentAt = d.sentAt;
                        else if (typeof d.sentAt === "object")
                            m.sentAt = new $util.LongBits(d.sentAt.low >>> 0, d.sentAt.high >>> 0).toNumber(true);
                    }
                }
                if (d.instances) {
                    if (!$Array.isArray(d.instances))
                        throw $TypeError(".trellis.mesh.InstanceReport.instances: array expected");
                    m.instances = $Array(d.instances.length);
                    for (var i = 0; i < d.instances.length; ++i) {
                        if (!$util.isObject(d.instances[i]))
                            throw $TypeError(".trellis.mesh.InstanceReport.instances: object expected");
                        m.instances[i] = $root.trellis.mesh.InstanceState.fromObject(d.instances[i], q + 1);
                    }
                }
                if (d.events) {
                    if (!$Array.isArray(d.events))
                        throw $TypeError(".trellis.mesh.InstanceReport.events: array expected");
                    m.events = $Array(d.events.length);
                    for (var i = 0; i < d.events.length; ++i) {
                        if (!$util.isObject(d.events[i]))
                            throw $TypeError(".trellis.mesh.InstanceReport.events: object expected");
                        m.events[i] = $root.trellis.mesh.InstanceEvent.fromObject(d.events[i], q + 1);
                    }
                }
                if (d.volumeSyncs) {
                    if (!$Array.isArray(d.volumeSyncs))
                        throw $TypeError(".trellis.mesh.InstanceReport.volumeSyncs: array expected");
                    m.volumeSyncs = $Array(d.volumeSyncs.length);
                    for (var i = 0; i < d.volumeSyncs.length; ++i) {
                        if (!$util.isObject(d.volumeSyncs[i]))
                            throw $TypeError(".trellis.mesh.InstanceReport.volumeSyncs: object expected");
                        m.volumeSyncs[i] = $root.trellis.mesh.VolumeSync.fromObject(d.volumeSyncs[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an InstanceReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {trellis.mesh.InstanceReport} m InstanceReport
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstanceReport.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.instances = [];
                    d.events = [];
                    d.volumeSyncs = [];
                }
                if (o.defaults) {
                    d.nodeId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.incarnation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.incarnation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sequence = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sequence = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sentAt = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAt = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    d.nodeId = m.nodeId;
                }
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.incarnation = typeof m.incarnation === "number" ? $BigInt(m.incarnation) : $util.Long.fromBits(m.incarnation.low >>> 0, m.incarnation.high >>> 0, true).toBigInt();
                    else if (typeof m.incarnation === "number")
                        d.incarnation = o.longs === $String ? $String(m.incarnation) : m.incarnation;
                    else
                        d.incarnation = o.longs === $String ? $util.Long.prototype.toString.call(m.incarnation) : o.longs === $Number ? new $util.LongBits(m.incarnation.low >>> 0, m.incarnation.high >>> 0).toNumber(true) : m.incarnation;
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sequence = typeof m.sequence === "number" ? $BigInt(m.sequence) : $util.Long.fromBits(m.sequence.low >>> 0, m.sequence.high >>> 0, true).toBigInt();
                    else if (typeof m.sequence === "number")
                        d.sequence = o.longs === $String ? $String(m.sequence) : m.sequence;
                    else
                        d.sequence = o.longs === $String ? $util.Long.prototype.toString.call(m.sequence) : o.longs === $Number ? new $util.LongBits(m.sequence.low >>> 0, m.sequence.high >>> 0).toNumber(true) : m.sequence;
                }
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAt = typeof m.sentAt === "number" ? $BigInt(m.sentAt) : $util.Long.fromBits(m.sentAt.low >>> 0, m.sentAt.high >>> 0, true).toBigInt();
                    else if (typeof m.sentAt === "number")
                        d.sentAt = o.longs === $String ? $String(m.sentAt) : m.sentAt;
                    else
                        d.sentAt = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAt) : o.longs === $Number ? new $util.LongBits(m.sentAt.low >>> 0, m.sentAt.high >>> 0).toNumber(true) : m.sentAt;
                }
                if (m.instances && m.instances.length) {
                    d.instances = $Array(m.instances.length);
                    for (var j = 0; j < m.instances.length; ++j) {
                        d.instances[j] = $root.trellis.mesh.InstanceState.toObject(m.instances[j], o, q + 1);
                    }
                }
                if (m.events && m.events.length) {
                    d.events = $Array(m.events.length);
                    for (var j = 0; j < m.events.length; ++j) {
                        d.events[j] = $root.trellis.mesh.InstanceEvent.toObject(m.events[j], o, q + 1);
                    }
                }
                if (m.volumeSyncs && m.volumeSyncs.length) {
                    d.volumeSyncs = $Array(m.volumeSyncs.length);
                    for (var j = 0; j < m.volumeSyncs.length; ++j) {
                        d.volumeSyncs[j] = $root.trellis.mesh.VolumeSync.toObject(m.volumeSyncs[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this InstanceReport to JSON.
             * @function toJSON
             * @memberof trellis.mesh.InstanceReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstanceReport.prototype.toJSON = function() {
                return InstanceReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstanceReport
             * @function getTypeUrl
             * @memberof trellis.mesh.InstanceReport
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstanceReport.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.InstanceReport";
            };

            return InstanceReport;
        })();

        mesh.VolumeSync = (function() {

            /**
             * Properties of a VolumeSync.
             * @typedef {Object} trellis.mesh.VolumeSync.$Properties
             * @property {string|null} [volume] VolumeSync volume
             * @property {string|null} [node] VolumeSync node
             * @property {number|Long|null} [comparedBytes] VolumeSync comparedBytes
             * @property {number|Long|null} [totalBytes] VolumeSync totalBytes
             * @property {number|Long|null} [copiedBytes] VolumeSync copiedBytes
             * @property {number|Long|null} [startedAt] VolumeSync startedAt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VolumeSync.
             * @memberof trellis.mesh
             * @interface IVolumeSync
             * @augments trellis.mesh.VolumeSync.$Properties
             * @deprecated Use trellis.mesh.VolumeSync.$Properties instead.
             */

            /**
             * Shape of a VolumeSync.
             * @typedef {trellis.mesh.VolumeSync.$Properties} trellis.mesh.VolumeSync.$Shape
             */

            /**
             * Constructs a new VolumeSync.
             * @memberof trellis.mesh
             * @classdesc Represents a VolumeSync.
             * @constructor
             * @param {trellis.mesh.VolumeSync.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VolumeSync = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VolumeSync volume.
             * @member {string} volume
             * @memberof trellis.mesh.VolumeSync
             * @instance
             */
            VolumeSync.prototype.volume = "";

            /**
             * VolumeSync node.
             * @member {string} node
             * @memberof trellis.mesh.VolumeSync
             * @instance
             */
            VolumeSync.prototype.node = "";

            /**
             * VolumeSync comparedBytes.
             * @member {number|Long} comparedBytes
             * @memberof trellis.mesh.VolumeSync
             * @instance
             */
            VolumeSync.prototype.comparedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VolumeSync totalBytes.
             * @member {number|Long} totalBytes
             * @memberof trellis.mesh.VolumeSync
             * @instance
             */
            VolumeSync.prototype.totalBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VolumeSync copiedBytes.
             * @member {number|Long} copiedBytes
             * @memberof trellis.mesh.VolumeSync
             * @instance
             */
            VolumeSync.prototype.copiedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VolumeSync startedAt.
             * @member {number|Long} startedAt
             * @memberof trellis.mesh.VolumeSync
             * @instance
             */
            VolumeSync.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new VolumeSync instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {trellis.mesh.VolumeSync.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.VolumeSync} VolumeSync instance
             * @type {{
             *   (properties: trellis.mesh.VolumeSync.$Shape): trellis.mesh.VolumeSync & trellis.mesh.VolumeSync.$Shape;
             *   (properties?: trellis.mesh.VolumeSync.$Properties): trellis.mesh.VolumeSync;
             * }}
             */
            VolumeSync.create = function(properties) {
                return new VolumeSync(properties);
            };

            /**
             * Encodes the specified VolumeSync message. Does not implicitly {@link trellis.mesh.VolumeSync.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {trellis.mesh.VolumeSync.$Properties} m VolumeSync message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VolumeSync.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.volume);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.node);
                if (m.comparedBytes != null && $Object.hasOwnProperty.call(m, "comparedBytes") && (typeof m.comparedBytes === "object" ? m.comparedBytes.low || m.comparedBytes.high : m.comparedBytes !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.comparedBytes);
                if (m.totalBytes != null && $Object.hasOwnProperty.call(m, "totalBytes") && (typeof m.totalBytes === "object" ? m.totalBytes.low || m.totalBytes.high : m.totalBytes !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.totalBytes);
                if (m.copiedBytes != null && $Object.hasOwnProperty.call(m, "copiedBytes") && (typeof m.copiedBytes === "object" ? m.copiedBytes.low || m.copiedBytes.high : m.copiedBytes !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.copiedBytes);
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt") && (typeof m.startedAt === "object" ? m.startedAt.low || m.startedAt.high : m.startedAt !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.startedAt);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified VolumeSync message, length delimited. Does not implicitly {@link trellis.mesh.VolumeSync.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {trellis.mesh.VolumeSync.$Properties} message VolumeSync message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VolumeSync.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a VolumeSync message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.VolumeSync & trellis.mesh.VolumeSync.$Shape} VolumeSync
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VolumeSync.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.VolumeSync();
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
                                m.volume = v;
                            else
                                delete m.volume;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.comparedBytes = v;
                            else
                                delete m.comparedBytes;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.totalBytes = v;
                            else
                                delete m.totalBytes;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.copiedBytes = v;
                            else
                                delete m.copiedBytes;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedAt = v;
                            else
                                delete m.startedAt;
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
             * Decodes a VolumeSync message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.VolumeSync & trellis.mesh.VolumeSync.$Shape} VolumeSync
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VolumeSync.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a VolumeSync message.
             * @function verify
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VolumeSync.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    if (!$util.isString(m.volume))
                        return "volume: string expected";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                if (m.comparedBytes != null && $Object.hasOwnProperty.call(m, "comparedBytes")) {
                    if (!$util.isInteger(m.comparedBytes) && !(m.comparedBytes && $util.isInteger(m.comparedBytes.low) && $util.isInteger(m.comparedBytes.high)))
                        return "comparedBytes: integer|Long expected";
                }
                if (m.totalBytes != null && $Object.hasOwnProperty.call(m, "totalBytes")) {
                    if (!$util.isInteger(m.totalBytes) && !(m.totalBytes && $util.isInteger(m.totalBytes.low) && $util.isInteger(m.totalBytes.high)))
                        return "totalBytes: integer|Long expected";
                }
                if (m.copiedBytes != null && $Object.hasOwnProperty.call(m, "copiedBytes")) {
                    if (!$util.isInteger(m.copiedBytes) && !(m.copiedBytes && $util.isInteger(m.copiedBytes.low) && $util.isInteger(m.copiedBytes.high)))
                        return "copiedBytes: integer|Long expected";
                }
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt")) {
                    if (!$util.isInteger(m.startedAt) && !(m.startedAt && $util.isInteger(m.startedAt.low) && $util.isInteger(m.startedAt.high)))
                        return "startedAt: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a VolumeSync message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.VolumeSync} VolumeSync
             */
            VolumeSync.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.VolumeSync)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.VolumeSync: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.VolumeSync();
                if (d.volume != null) {
                    if (typeof d.volume !== "string" || d.volume.length) {
                        m.volume = $String(d.volume);
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.comparedBytes != null) {
                    if (typeof d.comparedBytes === "object" ? d.comparedBytes.low || d.comparedBytes.high : $Number(d.comparedBytes) !== 0) {
                        if ($util.Long)
                            m.comparedBytes = $util.Long.fromValue(d.comparedBytes, true);
                        else if (typeof d.comparedBytes === "string")
                            m.comparedBytes = $parseInt(d.comparedBytes, 10);
                        else if (typeof d.comparedBytes === "number")
                            m.comparedBytes = d.comparedBytes;
                        else if (typeof d.comparedBytes === "object")
                            m.comparedBytes = new $util.LongBits(d.comparedBytes.low >>> 0, d.comparedBytes.high >>> 0).toNumber(true);
                    }
                }
                if (d.totalBytes != null) {
                    if (typeof d.totalBytes === "object" ? d.totalBytes.low || d.totalBytes.high : $Number(d.totalBytes) !== 0) {
                        if ($util.Long)
                            m.totalBytes = $util.Long.fromValue(d.totalBytes, true);
                        else if (typeof d.totalBytes === "string")
                            m.totalBytes = $parseInt(d.totalBytes, 10);
                        else if (typeof d.totalBytes === "number")
                            m.totalBytes = d.totalBytes;
                        else if (typeof d.totalBytes === "object")
                            m.totalBytes = new $util.LongBits(d.totalBytes.low >>> 0, d.totalBytes.high >>> 0).toNumber(true);
                    }
                }
                if (d.copiedBytes != null) {
                    if (typeof d.copiedBytes === "object" ? d.copiedBytes.low || d.copiedBytes.high : $Number(d.copiedBytes) !== 0) {
                        if ($util.Long)
                            m.copiedBytes = $util.Long.fromValue(d.copiedBytes, true);
                        else if (typeof d.copiedBytes === "string")
                            m.copiedBytes = $parseInt(d.copiedBytes, 10);
                        else if (typeof d.copiedBytes === "number")
                            m.copiedBytes = d.copiedBytes;
                        else if (typeof d.copiedBytes === "object")
                            m.copiedBytes = new $util.LongBits(d.copiedBytes.low >>> 0, d.copiedBytes.high >>> 0).toNumber(true);
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
                return m;
            };

            /**
             * Creates a plain object from a VolumeSync message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {trellis.mesh.VolumeSync} m VolumeSync
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VolumeSync.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.volume = "";
                    d.node = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.comparedBytes = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.comparedBytes = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.totalBytes = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.totalBytes = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.copiedBytes = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.copiedBytes = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.startedAt = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedAt = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    d.volume = m.volume;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                if (m.comparedBytes != null && $Object.hasOwnProperty.call(m, "comparedBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.comparedBytes = typeof m.comparedBytes === "number" ? $BigInt(m.comparedBytes) : $util.Long.fromBits(m.comparedBytes.low >>> 0, m.comparedBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.comparedBytes === "number")
                        d.comparedBytes = o.longs === $String ? $String(m.comparedBytes) : m.comparedBytes;
                    else
                        d.comparedBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.comparedBytes) : o.longs === $Number ? new $util.LongBits(m.comparedBytes.low >>> 0, m.comparedBytes.high >>> 0).toNumber(true) : m.comparedBytes;
                }
                if (m.totalBytes != null && $Object.hasOwnProperty.call(m, "totalBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.totalBytes = typeof m.totalBytes === "number" ? $BigInt(m.totalBytes) : $util.Long.fromBits(m.totalBytes.low >>> 0, m.totalBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.totalBytes === "number")
                        d.totalBytes = o.longs === $String ? $String(m.totalBytes) : m.totalBytes;
                    else
                        d.totalBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.totalBytes) : o.longs === $Number ? new $util.LongBits(m.totalBytes.low >>> 0, m.totalBytes.high >>> 0).toNumber(true) : m.totalBytes;
                }
                if (m.copiedBytes != null && $Object.hasOwnProperty.call(m, "copiedBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.copiedBytes = typeof m.copiedBytes === "number" ? $BigInt(m.copiedBytes) : $util.Long.fromBits(m.copiedBytes.low >>> 0, m.copiedBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.copiedBytes === "number")
                        d.copiedBytes = o.longs === $String ? $String(m.copiedBytes) : m.copiedBytes;
                    else
                        d.copiedBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.copiedBytes) : o.longs === $Number ? new $util.LongBits(m.copiedBytes.low >>> 0, m.copiedBytes.high >>> 0).toNumber(true) : m.copiedBytes;
                }
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedAt = typeof m.startedAt === "number" ? $BigInt(m.startedAt) : $util.Long.fromBits(m.startedAt.low >>> 0, m.startedAt.high >>> 0, true).toBigInt();
                    else if (typeof m.startedAt === "number")
                        d.startedAt = o.longs === $String ? $String(m.startedAt) : m.startedAt;
                    else
                        d.startedAt = o.longs === $String ? $util.Long.prototype.toString.call(m.startedAt) : o.longs === $Number ? new $util.LongBits(m.startedAt.low >>> 0, m.startedAt.high >>> 0).toNumber(true) : m.startedAt;
                }
                return d;
            };

            /**
             * Converts this VolumeSync to JSON.
             * @function toJSON
             * @memberof trellis.mesh.VolumeSync
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VolumeSync.prototype.toJSON = function() {
                return VolumeSync.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VolumeSync
             * @function getTypeUrl
             * @memberof trellis.mesh.VolumeSync
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VolumeSync.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.VolumeSync";
            };

            return VolumeSync;
        })();

        mesh.InstanceState = (function() {

            /**
             * Properties of an InstanceState.
             * @typedef {Object} trellis.mesh.InstanceState.$Properties
             * @property {string|null} [id] InstanceState id
             * @property {string|null} [state] InstanceState state
             * @property {number|null} [pid] InstanceState pid
             * @property {number|null} [restarts] InstanceState restarts
             * @property {string|null} [health] InstanceState health
             * @property {number|Long|null} [since] InstanceState since
             * @property {number|null} [exitCode] InstanceState exitCode
             * @property {string|null} [exitSignal] InstanceState exitSignal
             * @property {boolean|null} [oomKilled] InstanceState oomKilled
             * @property {boolean|null} [exited] InstanceState exited
             * @property {string|null} [plan] InstanceState plan
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstanceState.
             * @memberof trellis.mesh
             * @interface IInstanceState
             * @augments trellis.mesh.InstanceState.$Properties
             * @deprecated Use trellis.mesh.InstanceState.$Properties instead.
             */

            /**
             * Shape of an InstanceState.
             * @typedef {trellis.mesh.InstanceState.$Properties} trellis.mesh.InstanceState.$Shape
             */

            /**
             * Constructs a new InstanceState.
             * @memberof trellis.mesh
             * @classdesc Represents an InstanceState.
             * @constructor
             * @param {trellis.mesh.InstanceState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstanceState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * InstanceState id.
             * @member {string} id
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.id = "";

            /**
             * InstanceState state.
             * @member {string} state
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.state = "";

            /**
             * InstanceState pid.
             * @member {number} pid
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.pid = 0;

            /**
             * InstanceState restarts.
             * @member {number} restarts
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.restarts = 0;

            /**
             * InstanceState health.
             * @member {string} health
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.health = "";

            /**
             * InstanceState since.
             * @member {number|Long} since
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.since = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstanceState exitCode.
             * @member {number} exitCode
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.exitCode = 0;

            /**
             * InstanceState exitSignal.
             * @member {string} exitSignal
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.exitSignal = "";

            /**
             * InstanceState oomKilled.
             * @member {boolean} oomKilled
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.oomKilled = false;

            /**
             * InstanceState exited.
             * @member {boolean} exited
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.exited = false;

            /**
             * InstanceState plan.
             * @member {string} plan
             * @memberof trellis.mesh.InstanceState
             * @instance
             */
            InstanceState.prototype.plan = "";

            /**
             * Creates a new InstanceState instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {trellis.mesh.InstanceState.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.InstanceState} InstanceState instance
             * @type {{
             *   (properties: trellis.mesh.InstanceState.$Shape): trellis.mesh.InstanceState & trellis.mesh.InstanceState.$Shape;
             *   (properties?: trellis.mesh.InstanceState.$Properties): trellis.mesh.InstanceState;
             * }}
             */
            InstanceState.create = function(properties) {
                return new InstanceState(properties);
            };

            /**
             * Encodes the specified InstanceState message. Does not implicitly {@link trellis.mesh.InstanceState.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {trellis.mesh.InstanceState.$Properties} m InstanceState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.id);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.state);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.pid);
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts") && m.restarts !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.restarts);
                if (m.health != null && $Object.hasOwnProperty.call(m, "health") && m.health !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.health);
                if (m.since != null && $Object.hasOwnProperty.call(m, "since") && (typeof m.since === "object" ? m.since.low || m.since.high : m.since !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.since);
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode") && m.exitCode !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).sint32(m.exitCode);
                if (m.exitSignal != null && $Object.hasOwnProperty.call(m, "exitSignal") && m.exitSignal !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.exitSignal);
                if (m.oomKilled != null && $Object.hasOwnProperty.call(m, "oomKilled") && m.oomKilled !== false)
                    w.uint32(/* id 9, wireType 0 =*/72).bool(m.oomKilled);
                if (m.exited != null && $Object.hasOwnProperty.call(m, "exited") && m.exited !== false)
                    w.uint32(/* id 10, wireType 0 =*/80).bool(m.exited);
                if (m.plan != null && $Object.hasOwnProperty.call(m, "plan") && m.plan !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.plan);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified InstanceState message, length delimited. Does not implicitly {@link trellis.mesh.InstanceState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {trellis.mesh.InstanceState.$Properties} message InstanceState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InstanceState message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.InstanceState & trellis.mesh.InstanceState.$Shape} InstanceState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceState.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.InstanceState();
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
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.restarts = v;
                            else
                                delete m.restarts;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.health = v;
                            else
                                delete m.health;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.since = v;
                            else
                                delete m.since;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.sint32())
                                m.exitCode = v;
                            else
                                delete m.exitCode;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.exitSignal = v;
                            else
                                delete m.exitSignal;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.oomKilled = v;
                            else
                                delete m.oomKilled;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.exited = v;
                            else
                                delete m.exited;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.plan = v;
                            else
                                delete m.plan;
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
             * Decodes an InstanceState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.InstanceState & trellis.mesh.InstanceState.$Shape} InstanceState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InstanceState message.
             * @function verify
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InstanceState.verify = function (m, q) {
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
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    if (!$util.isString(m.state))
                        return "state: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts")) {
                    if (!$util.isInteger(m.restarts))
                        return "restarts: integer expected";
                }
                if (m.health != null && $Object.hasOwnProperty.call(m, "health")) {
                    if (!$util.isString(m.health))
                        return "health: string expected";
                }
                if (m.since != null && $Object.hasOwnProperty.call(m, "since")) {
                    if (!$util.isInteger(m.since) && !(m.since && $util.isInteger(m.since.low) && $util.isInteger(m.since.high)))
                        return "since: integer|Long expected";
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    if (!$util.isInteger(m.exitCode))
                        return "exitCode: integer expected";
                }
                if (m.exitSignal != null && $Object.hasOwnProperty.call(m, "exitSignal")) {
                    if (!$util.isString(m.exitSignal))
                        return "exitSignal: string expected";
                }
                if (m.oomKilled != null && $Object.hasOwnProperty.call(m, "oomKilled")) {
                    if (typeof m.oomKilled !== "boolean")
                        return "oomKilled: boolean expected";
                }
                if (m.exited != null && $Object.hasOwnProperty.call(m, "exited")) {
                    if (typeof m.exited !== "boolean")
                        return "exited: boolean expected";
                }
                if (m.plan != null && $Object.hasOwnProperty.call(m, "plan")) {
                    if (!$util.isString(m.plan))
                        return "plan: string expected";
                }
                return null;
            };

            /**
             * Creates an InstanceState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.InstanceState} InstanceState
             */
            InstanceState.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.InstanceState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.InstanceState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.InstanceState();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.restarts != null) {
                    if ($Number(d.restarts) !== 0) {
                        m.restarts = d.restarts >>> 0;
                    }
                }
                if (d.health != null) {
                    if (typeof d.health !== "string" || d.health.length) {
                        m.health = $String(d.health);
                    }
                }
                if (d.since != null) {
                    if (typeof d.since === "object" ? d.since.low || d.since.high : $Number(d.since) !== 0) {
                        if ($util.Long)
                            m.since = $util.Long.fromValue(d.since, true);
                        else if (typeof d.since === "string")
                            m.since = $parseInt(d.since, 10);
                        else if (typeof d.since === "number")
                            m.since = d.since;
                        else if (typeof d.since === "object")
                            m.since = new $util.LongBits(d.since.low >>> 0, d.since.high >>> 0).toNumber(true);
                    }
                }
                if (d.exitCode != null) {
                    if ($Number(d.exitCode) !== 0) {
                        m.exitCode = d.exitCode | 0;
                    }
                }
                if (d.exitSignal != null) {
                    if (typeof d.exitSignal !== "string" || d.exitSignal.length) {
                        m.exitSignal = $String(d.exitSignal);
                    }
                }
                if (d.oomKilled != null) {
                    if (d.oomKilled) {
                        m.oomKilled = $Boolean(d.oomKilled);
                    }
                }
                if (d.exited != null) {
                    if (d.exited) {
                        m.exited = $Boolean(d.exited);
                    }
                }
                if (d.plan != null) {
                    if (typeof d.plan !== "string" || d.plan.length) {
                        m.plan = $String(d.plan);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an InstanceState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {trellis.mesh.InstanceState} m InstanceState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstanceState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = "";
                    d.state = "";
                    d.pid = 0;
                    d.restarts = 0;
                    d.health = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.since = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.since = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.exitCode = 0;
                    d.exitSignal = "";
                    d.oomKilled = false;
                    d.exited = false;
                    d.plan = "";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts")) {
                    d.restarts = m.restarts;
                }
                if (m.health != null && $Object.hasOwnProperty.call(m, "health")) {
                    d.health = m.health;
                }
                if (m.since != null && $Object.hasOwnProperty.call(m, "since")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.since = typeof m.since === "number" ? $BigInt(m.since) : $util.Long.fromBits(m.since.low >>> 0, m.since.high >>> 0, true).toBigInt();
                    else if (typeof m.since === "number")
                        d.since = o.longs === $String ? $String(m.since) : m.since;
                    else
                        d.since = o.longs === $String ? $util.Long.prototype.toString.call(m.since) : o.longs === $Number ? new $util.LongBits(m.since.low >>> 0, m.since.high >>> 0).toNumber(true) : m.since;
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    d.exitCode = m.exitCode;
                }
                if (m.exitSignal != null && $Object.hasOwnProperty.call(m, "exitSignal")) {
                    d.exitSignal = m.exitSignal;
                }
                if (m.oomKilled != null && $Object.hasOwnProperty.call(m, "oomKilled")) {
                    d.oomKilled = m.oomKilled;
                }
                if (m.exited != null && $Object.hasOwnProperty.call(m, "exited")) {
                    d.exited = m.exited;
                }
                if (m.plan != null && $Object.hasOwnProperty.call(m, "plan")) {
                    d.plan = m.plan;
                }
                return d;
            };

            /**
             * Converts this InstanceState to JSON.
             * @function toJSON
             * @memberof trellis.mesh.InstanceState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstanceState.prototype.toJSON = function() {
                return InstanceState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstanceState
             * @function getTypeUrl
             * @memberof trellis.mesh.InstanceState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstanceState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.InstanceState";
            };

            return InstanceState;
        })();

        mesh.InstanceEvent = (function() {

            /**
             * Properties of an InstanceEvent.
             * @typedef {Object} trellis.mesh.InstanceEvent.$Properties
             * @property {number|Long|null} [at] InstanceEvent at
             * @property {string|null} [instance] InstanceEvent instance
             * @property {string|null} [kind] InstanceEvent kind
             * @property {string|null} [detail] InstanceEvent detail
             * @property {number|Long|null} [seq] InstanceEvent seq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstanceEvent.
             * @memberof trellis.mesh
             * @interface IInstanceEvent
             * @augments trellis.mesh.InstanceEvent.$Properties
             * @deprecated Use trellis.mesh.InstanceEvent.$Properties instead.
             */

            /**
             * Shape of an InstanceEvent.
             * @typedef {trellis.mesh.InstanceEvent.$Properties} trellis.mesh.InstanceEvent.$Shape
             */

            /**
             * Constructs a new InstanceEvent.
             * @memberof trellis.mesh
             * @classdesc Represents an InstanceEvent.
             * @constructor
             * @param {trellis.mesh.InstanceEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstanceEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * InstanceEvent at.
             * @member {number|Long} at
             * @memberof trellis.mesh.InstanceEvent
             * @instance
             */
            InstanceEvent.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstanceEvent instance.
             * @member {string} instance
             * @memberof trellis.mesh.InstanceEvent
             * @instance
             */
            InstanceEvent.prototype.instance = "";

            /**
             * InstanceEvent kind.
             * @member {string} kind
             * @memberof trellis.mesh.InstanceEvent
             * @instance
             */
            InstanceEvent.prototype.kind = "";

            /**
             * InstanceEvent detail.
             * @member {string} detail
             * @memberof trellis.mesh.InstanceEvent
             * @instance
             */
            InstanceEvent.prototype.detail = "";

            /**
             * InstanceEvent seq.
             * @member {number|Long} seq
             * @memberof trellis.mesh.InstanceEvent
             * @instance
             */
            InstanceEvent.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new InstanceEvent instance using the specified properties.
             * @function create
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {trellis.mesh.InstanceEvent.$Properties=} [properties] Properties to set
             * @returns {trellis.mesh.InstanceEvent} InstanceEvent instance
             * @type {{
             *   (properties: trellis.mesh.InstanceEvent.$Shape): trellis.mesh.InstanceEvent & trellis.mesh.InstanceEvent.$Shape;
             *   (properties?: trellis.mesh.InstanceEvent.$Properties): trellis.mesh.InstanceEvent;
             * }}
             */
            InstanceEvent.create = function(properties) {
                return new InstanceEvent(properties);
            };

            /**
             * Encodes the specified InstanceEvent message. Does not implicitly {@link trellis.mesh.InstanceEvent.verify|verify} messages.
             * @function encode
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {trellis.mesh.InstanceEvent.$Properties} m InstanceEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.at != null && $Object.hasOwnProperty.call(m, "at") && (typeof m.at === "object" ? m.at.low || m.at.high : m.at !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.at);
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.instance);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.kind);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.detail);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.seq);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified InstanceEvent message, length delimited. Does not implicitly {@link trellis.mesh.InstanceEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {trellis.mesh.InstanceEvent.$Properties} message InstanceEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstanceEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InstanceEvent message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.mesh.InstanceEvent & trellis.mesh.InstanceEvent.$Shape} InstanceEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceEvent.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.mesh.InstanceEvent();
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
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.at = v;
                            else
                                delete m.at;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.instance = v;
                            else
                                delete m.instance;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.detail = v;
                            else
                                delete m.detail;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
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
             * Decodes an InstanceEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.mesh.InstanceEvent & trellis.mesh.InstanceEvent.$Shape} InstanceEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstanceEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InstanceEvent message.
             * @function verify
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InstanceEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.at != null && $Object.hasOwnProperty.call(m, "at")) {
                    if (!$util.isInteger(m.at) && !(m.at && $util.isInteger(m.at.low) && $util.isInteger(m.at.high)))
                        return "at: integer|Long expected";
                }
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    if (!$util.isString(m.instance))
                        return "instance: string expected";
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (!$util.isString(m.kind))
                        return "kind: string expected";
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    if (!$util.isString(m.detail))
                        return "detail: string expected";
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                        return "seq: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates an InstanceEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.mesh.InstanceEvent} InstanceEvent
             */
            InstanceEvent.fromObject = function (d, q) {
                if (d instanceof $root.trellis.mesh.InstanceEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.mesh.InstanceEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.mesh.InstanceEvent();
                if (d.at != null) {
                    if (typeof d.at === "object" ? d.at.low || d.at.high : $Number(d.at) !== 0) {
                        if ($util.Long)
                            m.at = $util.Long.fromValue(d.at, true);
                        else if (typeof d.at === "string")
                            m.at = $parseInt(d.at, 10);
                        else if (typeof d.at === "number")
                            m.at = d.at;
                        else if (typeof d.at === "object")
                            m.at = new $util.LongBits(d.at.low >>> 0, d.at.high >>> 0).toNumber(true);
                    }
                }
                if (d.instance != null) {
                    if (typeof d.instance !== "string" || d.instance.length) {
                        m.instance = $String(d.instance);
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.detail != null) {
                    if (typeof d.detail !== "string" || d.detail.length) {
                        m.detail = $String(d.detail);
                    }
                }
                if (d.seq != null) {
                    if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                        if ($util.Long)
                            m.seq = $util.Long.fromValue(d.seq, true);
                        else if (typeof d.seq === "string")
                            m.seq = $parseInt(d.seq, 10);
                        else if (typeof d.seq === "number")
                            m.seq = d.seq;
                        else if (typeof d.seq === "object")
                            m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an InstanceEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {trellis.mesh.InstanceEvent} m InstanceEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstanceEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.at = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.at = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.instance = "";
                    d.kind = "";
                    d.detail = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.at != null && $Object.hasOwnProperty.call(m, "at")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.at = typeof m.at === "number" ? $BigInt(m.at) : $util.Long.fromBits(m.at.low >>> 0, m.at.high >>> 0, true).toBigInt();
                    else if (typeof m.at === "number")
                        d.at = o.longs === $String ? $String(m.at) : m.at;
                    else
                        d.at = o.longs === $String ? $util.Long.prototype.toString.call(m.at) : o.longs === $Number ? new $util.LongBits(m.at.low >>> 0, m.at.high >>> 0).toNumber(true) : m.at;
                }
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    d.instance = m.instance;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    d.detail = m.detail;
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                    else if (typeof m.seq === "number")
                        d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                    else
                        d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
                }
                return d;
            };

            /**
             * Converts this InstanceEvent to JSON.
             * @function toJSON
             * @memberof trellis.mesh.InstanceEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstanceEvent.prototype.toJSON = function() {
                return InstanceEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstanceEvent
             * @function getTypeUrl
             * @memberof trellis.mesh.InstanceEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstanceEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.mesh.InstanceEvent";
            };

            return InstanceEvent;
        })();

        return mesh;
    })();

    trellis.raft = (function() {

        /**
         * Namespace raft.
         * @memberof trellis
         * @namespace
         */
        const raft = {};

        /**
         * MessageType enum.
         * @name trellis.raft.MessageType
         * @enum {number}
         * @property {number} MESSAGE_TYPE_UNSPECIFIED=0 MESSAGE_TYPE_UNSPECIFIED value
         * @property {number} APPEND=1 APPEND value
         * @property {number} APPEND_RESPONSE=2 APPEND_RESPONSE value
         * @property {number} HEARTBEAT=3 HEARTBEAT value
         * @property {number} HEARTBEAT_RESPONSE=4 HEARTBEAT_RESPONSE value
         * @property {number} VOTE=5 VOTE value
         * @property {number} PRE_VOTE=6 PRE_VOTE value
         * @property {number} VOTE_RESPONSE=7 VOTE_RESPONSE value
         * @property {number} PRE_VOTE_RESPONSE=8 PRE_VOTE_RESPONSE value
         * @property {number} SNAPSHOT=9 SNAPSHOT value
         * @property {number} READ_INDEX=10 READ_INDEX value
         * @property {number} READ_INDEX_RESPONSE=11 READ_INDEX_RESPONSE value
         * @property {number} TIMEOUT_NOW=12 TIMEOUT_NOW value
         */
        raft.MessageType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "MESSAGE_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "APPEND"] = 1;
            values[valuesById[2] = "APPEND_RESPONSE"] = 2;
            values[valuesById[3] = "HEARTBEAT"] = 3;
            values[valuesById[4] = "HEARTBEAT_RESPONSE"] = 4;
            values[valuesById[5] = "VOTE"] = 5;
            values[valuesById[6] = "PRE_VOTE"] = 6;
            values[valuesById[7] = "VOTE_RESPONSE"] = 7;
            values[valuesById[8] = "PRE_VOTE_RESPONSE"] = 8;
            values[valuesById[9] = "SNAPSHOT"] = 9;
            values[valuesById[10] = "READ_INDEX"] = 10;
            values[valuesById[11] = "READ_INDEX_RESPONSE"] = 11;
            values[valuesById[12] = "TIMEOUT_NOW"] = 12;
            return values;
        })();

        raft.Message = (function() {

            /**
             * Properties of a Message.
             * @typedef {Object} trellis.raft.Message.$Properties
             * @property {trellis.raft.MessageType|null} [type] Message type
             * @property {string|null} [from] Message from
             * @property {string|null} [to] Message to
             * @property {number|Long|null} [term] Message term
             * @property {number|Long|null} [index] Message index
             * @property {number|Long|null} [logTerm] Message logTerm
             * @property {number|Long|null} [commit] Message commit
             * @property {Array.<trellis.raft.Entry.$Properties>|null} [entries] Message entries
             * @property {boolean|null} [reject] Message reject
             * @property {number|Long|null} [rejectHint] Message rejectHint
             * @property {Uint8Array|null} [context] Message context
             * @property {boolean|null} [transfer] Message transfer
             * @property {trellis.raft.Snapshot.$Properties|null} [snapshot] Message snapshot
             * @property {number|Long|null} [round] Message round
             * @property {number|Long|null} [confirmed] Message confirmed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Message.
             * @memberof trellis.raft
             * @interface IMessage
             * @augments trellis.raft.Message.$Properties
             * @deprecated Use trellis.raft.Message.$Properties instead.
             */

            /**
             * Shape of a Message.
             * @typedef {trellis.raft.Message.$Properties} trellis.raft.Message.$Shape
             */

            /**
             * Constructs a new Message.
             * @memberof trellis.raft
             * @classdesc Represents a Message.
             * @constructor
             * @param {trellis.raft.Message.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Message = function (p) {
                this.entries = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Message type.
             * @member {trellis.raft.MessageType} type
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.type = 0;

            /**
             * Message from.
             * @member {string} from
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.from = "";

            /**
             * Message to.
             * @member {string} to
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.to = "";

            /**
             * Message term.
             * @member {number|Long} term
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message index.
             * @member {number|Long} index
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message logTerm.
             * @member {number|Long} logTerm
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.logTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message commit.
             * @member {number|Long} commit
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message entries.
             * @member {Array.<trellis.raft.Entry.$Properties>} entries
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.entries = $util.emptyArray;

            /**
             * Message reject.
             * @member {boolean} reject
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.reject = false;

            /**
             * Message rejectHint.
             * @member {number|Long} rejectHint
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.rejectHint = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message context.
             * @member {Uint8Array} context
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.context = $util.newBuffer([]);

            /**
             * Message transfer.
             * @member {boolean} transfer
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.transfer = false;

            /**
             * Message snapshot.
             * @member {trellis.raft.Snapshot.$Properties|null|undefined} snapshot
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.snapshot = null;

            /**
             * Message round.
             * @member {number|Long} round
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.round = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message confirmed.
             * @member {number|Long} confirmed
             * @memberof trellis.raft.Message
             * @instance
             */
            Message.prototype.confirmed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Message instance using the specified properties.
             * @function create
             * @memberof trellis.raft.Message
             * @static
             * @param {trellis.raft.Message.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.Message} Message instance
             * @type {{
             *   (properties: trellis.raft.Message.$Shape): trellis.raft.Message & trellis.raft.Message.$Shape;
             *   (properties?: trellis.raft.Message.$Properties): trellis.raft.Message;
             * }}
             */
            Message.create = function(properties) {
                return new Message(properties);
            };

            /**
             * Encodes the specified Message message. Does not implicitly {@link trellis.raft.Message.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.Message
             * @static
             * @param {trellis.raft.Message.$Properties} m Message message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
                if (m.from != null && $Object.hasOwnProperty.call(m, "from") && m.from !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.from);
                if (m.to != null && $Object.hasOwnProperty.call(m, "to") && m.to !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.to);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.term);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.index);
                if (m.logTerm != null && $Object.hasOwnProperty.call(m, "logTerm") && (typeof m.logTerm === "object" ? m.logTerm.low || m.logTerm.high : m.logTerm !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.logTerm);
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit") && (typeof m.commit === "object" ? m.commit.low || m.commit.high : m.commit !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).uint64(m.commit);
                if (m.entries != null && m.entries.length) {
                    for (var i = 0; i < m.entries.length; ++i)
                        $root.trellis.raft.Entry.encode(m.entries[i], w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                }
                if (m.reject != null && $Object.hasOwnProperty.call(m, "reject") && m.reject !== false)
                    w.uint32(/* id 9, wireType 0 =*/72).bool(m.reject);
                if (m.rejectHint != null && $Object.hasOwnProperty.call(m, "rejectHint") && (typeof m.rejectHint === "object" ? m.rejectHint.low || m.rejectHint.high : m.rejectHint !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).uint64(m.rejectHint);
                if (m.context != null && $Object.hasOwnProperty.call(m, "context") && m.context.length)
                    w.uint32(/* id 11, wireType 2 =*/90).bytes(m.context);
                if (m.transfer != null && $Object.hasOwnProperty.call(m, "transfer") && m.transfer !== false)
                    w.uint32(/* id 12, wireType 0 =*/96).bool(m.transfer);
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot"))
                    $root.trellis.raft.Snapshot.encode(m.snapshot, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.round != null && $Object.hasOwnProperty.call(m, "round") && (typeof m.round === "object" ? m.round.low || m.round.high : m.round !== 0))
                    w.uint32(/* id 14, wireType 0 =*/112).uint64(m.round);
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed") && (typeof m.confirmed === "object" ? m.confirmed.low || m.confirmed.high : m.confirmed !== 0))
                    w.uint32(/* id 15, wireType 0 =*/120).uint64(m.confirmed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Message message, length delimited. Does not implicitly {@link trellis.raft.Message.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.Message
             * @static
             * @param {trellis.raft.Message.$Properties} message Message message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.Message & trellis.raft.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.raft.Message();
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
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.from = v;
                            else
                                delete m.from;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.to = v;
                            else
                                delete m.to;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.term = v;
                            else
                                delete m.term;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.logTerm = v;
                            else
                                delete m.logTerm;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.commit = v;
                            else
                                delete m.commit;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.entries && m.entries.length))
                                m.entries = [];
                            m.entries.push($root.trellis.raft.Entry.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.reject = v;
                            else
                                delete m.reject;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.rejectHint = v;
                            else
                                delete m.rejectHint;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.context = v;
                            else
                                delete m.context;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.transfer = v;
                            else
                                delete m.transfer;
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.snapshot = $root.trellis.raft.Snapshot.decode(r, r.size(), $undefined, q + 1, m.snapshot);
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.round = v;
                            else
                                delete m.round;
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.confirmed = v;
                            else
                                delete m.confirmed;
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
             * Decodes a Message message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.Message & trellis.raft.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Message message.
             * @function verify
             * @memberof trellis.raft.Message
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Message.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                        return "type: enum value expected";
                }
                if (m.from != null && $Object.hasOwnProperty.call(m, "from")) {
                    if (!$util.isString(m.from))
                        return "from: string expected";
                }
                if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                    if (!$util.isString(m.to))
                        return "to: string expected";
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (!$util.isInteger(m.term) && !(m.term && $util.isInteger(m.term.low) && $util.isInteger(m.term.high)))
                        return "term: integer|Long expected";
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index) && !(m.index && $util.isInteger(m.index.low) && $util.isInteger(m.index.high)))
                        return "index: integer|Long expected";
                }
                if (m.logTerm != null && $Object.hasOwnProperty.call(m, "logTerm")) {
                    if (!$util.isInteger(m.logTerm) && !(m.logTerm && $util.isInteger(m.logTerm.low) && $util.isInteger(m.logTerm.high)))
                        return "logTerm: integer|Long expected";
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    if (!$util.isInteger(m.commit) && !(m.commit && $util.isInteger(m.commit.low) && $util.isInteger(m.commit.high)))
                        return "commit: integer|Long expected";
                }
                if (m.entries != null && $Object.hasOwnProperty.call(m, "entries")) {
                    if (!$Array.isArray(m.entries))
                        return "entries: array expected";
                    for (var i = 0; i < m.entries.length; ++i) {
                        {
                            var e = $root.trellis.raft.Entry.verify(m.entries[i], q + 1);
                            if (e)
                                return "entries." + e;
                        }
                    }
                }
                if (m.reject != null && $Object.hasOwnProperty.call(m, "reject")) {
                    if (typeof m.reject !== "boolean")
                        return "reject: boolean expected";
                }
                if (m.rejectHint != null && $Object.hasOwnProperty.call(m, "rejectHint")) {
                    if (!$util.isInteger(m.rejectHint) && !(m.rejectHint && $util.isInteger(m.rejectHint.low) && $util.isInteger(m.rejectHint.high)))
                        return "rejectHint: integer|Long expected";
                }
                if (m.context != null && $Object.hasOwnProperty.call(m, "context")) {
                    if (!(m.context && typeof m.context.length === "number" || $util.isString(m.context)))
                        return "context: buffer expected";
                }
                if (m.transfer != null && $Object.hasOwnProperty.call(m, "transfer")) {
                    if (typeof m.transfer !== "boolean")
                        return "transfer: boolean expected";
                }
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot")) {
                    {
                        var e = $root.trellis.raft.Snapshot.verify(m.snapshot, q + 1);
                        if (e)
                            return "snapshot." + e;
                    }
                }
                if (m.round != null && $Object.hasOwnProperty.call(m, "round")) {
                    if (!$util.isInteger(m.round) && !(m.round && $util.isInteger(m.round.low) && $util.isInteger(m.round.high)))
                        return "round: integer|Long expected";
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    if (!$util.isInteger(m.confirmed) && !(m.confirmed && $util.isInteger(m.confirmed.low) && $util.isInteger(m.confirmed.high)))
                        return "confirmed: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a Message message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.Message
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.Message} Message
             */
            Message.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.Message)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.Message: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.Message();
                if (d.type !== 0 && (typeof d.type !== "string" || $root.trellis.raft.MessageType[d.type] !== 0)) {
                    switch (d.type) {
                    case "MESSAGE_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "APPEND":
                    case 1:
                        m.type = 1;
                        break;
                    case "APPEND_RESPONSE":
                    case 2:
                        m.type = 2;
                        break;
                    case "HEARTBEAT":
                    case 3:
                        m.type = 3;
                        break;
                    case "HEARTBEAT_RESPONSE":
                    case 4:
                        m.type = 4;
                        break;
                    case "VOTE":
                    case 5:
                        m.type = 5;
                        break;
                    case "PRE_VOTE":
                    case 6:
                        m.type = 6;
                        break;
                    case "VOTE_RESPONSE":
                    case 7:
                        m.type = 7;
                        break;
                    case "PRE_VOTE_RESPONSE":
                    case 8:
                        m.type = 8;
                        break;
                    case "SNAPSHOT":
                    case 9:
                        m.type = 9;
                        break;
                    case "READ_INDEX":
                    case 10:
                        m.type = 10;
                        break;
                    case "READ_INDEX_RESPONSE":
                    case 11:
                        m.type = 11;
                        break;
                    case "TIMEOUT_NOW":
                    case 12:
                        m.type = 12;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.from != null) {
                    if (typeof d.from !== "string" || d.from.length) {
                        m.from = $String(d.from);
                    }
                }
                if (d.to != null) {
                    if (typeof d.to !== "string" || d.to.length) {
                        m.to = $String(d.to);
                    }
                }
                if (d.term != null) {
                    if (typeof d.term === "object" ? d.term.low || d.term.high : $Number(d.term) !== 0) {
                        if ($util.Long)
                            m.term = $util.Long.fromValue(d.term, true);
                        else if (typeof d.term === "string")
                            m.term = $parseInt(d.term, 10);
                        else if (typeof d.term === "number")
                            m.term = d.term;
                        else if (typeof d.term === "object")
                            m.term = new $util.LongBits(d.term.low >>> 0, d.term.high >>> 0).toNumber(true);
                    }
                }
                if (d.index != null) {
                    if (typeof d.index === "object" ? d.index.low || d.index.high : $Number(d.index) !== 0) {
                        if ($util.Long)
                            m.index = $util.Long.fromValue(d.index, true);
                        else if (typeof d.index === "string")
                            m.index = $parseInt(d.index, 10);
                        else if (typeof d.index === "number")
                            m.index = d.index;
                        else if (typeof d.index === "object")
                            m.index = new $util.LongBits(d.index.low >>> 0, d.index.high >>> 0).toNumber(true);
                    }
                }
                if (d.logTerm != null) {
                    if (typeof d.logTerm === "object" ? d.logTerm.low || d.logTerm.high : $Number(d.logTerm) !== 0) {
                        if ($util.Long)
                            m.logTerm = $util.Long.fromValue(d.logTerm, true);
                        else if (typeof d.logTerm === "string")
                            m.logTerm = $parseInt(d.logTerm, 10);
                        else if (typeof d.logTerm === "number")
                            m.logTerm = d.logTerm;
                        else if (typeof d.logTerm === "object")
                            m.logTerm = new $util.LongBits(d.logTerm.low >>> 0, d.logTerm.high >>> 0).toNumber(true);
                    }
                }
                if (d.commit != null) {
                    if (typeof d.commit === "object" ? d.commit.low || d.commit.high : $Number(d.commit) !== 0) {
                        if ($util.Long)
                            m.commit = $util.Long.fromValue(d.commit, true);
                        else if (typeof d.commit === "string")
                            m.commit = $parseInt(d.commit, 10);
                        else if (typeof d.commit === "number")
                            m.commit = d.commit;
                        else if (typeof d.commit === "object")
                            m.commit = new $util.LongBits(d.commit.low >>> 0, d.commit.high >>> 0).toNumber(true);
                    }
                }
                if (d.entries) {
                    if (!$Array.isArray(d.entries))
                        throw $TypeError(".trellis.raft.Message.entries: array expected");
                    m.entries = $Array(d.entries.length);
                    for (var i = 0; i < d.entries.length; ++i) {
                        if (!$util.isObject(d.entries[i]))
                            throw $TypeError(".trellis.raft.Message.entries: object expected");
                        m.entries[i] = $root.trellis.raft.Entry.fromObject(d.entries[i], q + 1);
                    }
                }
                if (d.reject != null) {
                    if (d.reject) {
                        m.reject = $Boolean(d.reject);
                    }
                }
                if (d.rejectHint != null) {
                    if (typeof d.rejectHint === "object" ? d.rejectHint.low || d.rejectHint.high : $Number(d.rejectHint) !== 0) {
                        if ($util.Long)
                            m.rejectHint = $util.Long.fromValue(d.rejectHint, true);
                        else if (typeof d.rejectHint === "string")
                            m.rejectHint = $parseInt(d.rejectHint, 10);
                        else if (typeof d.rejectHint === "number")
                            m.rejectHint = d.rejectHint;
                        else if (typeof d.rejectHint === "object")
                            m.rejectHint = new $util.LongBits(d.rejectHint.low >>> 0, d.rejectHint.high >>> 0).toNumber(true);
                    }
                }
                if (d.context != null) {
                    if (d.context.length) {
                        if (typeof d.context === "string")
                            $util.base64.decode(d.context, m.context = $util.newBuffer($util.base64.length(d.context)), 0);
                        else if (d.context.length >= 0)
                            m.context = d.context;
                    }
                }
                if (d.transfer != null) {
                    if (d.transfer) {
                        m.transfer = $Boolean(d.transfer);
                    }
                }
                if (d.snapshot != null) {
                    if (!$util.isObject(d.snapshot))
                        throw $TypeError(".trellis.raft.Message.snapshot: object expected");
                    m.snapshot = $root.trellis.raft.Snapshot.fromObject(d.snapshot, q + 1);
                }
                if (d.round != null) {
                    if (typeof d.round === "object" ? d.round.low || d.round.high : $Number(d.round) !== 0) {
                        if ($util.Long)
                            m.round = $util.Long.fromValue(d.round, true);
                        else if (typeof d.round === "string")
                            m.round = $parseInt(d.round, 10);
                        else if (typeof d.round === "number")
                            m.round = d.round;
                        else if (typeof d.round === "object")
                            m.round = new $util.LongBits(d.round.low >>> 0, d.round.high >>> 0).toNumber(true);
                    }
                }
                if (d.confirmed != null) {
                    if (typeof d.confirmed === "object" ? d.confirmed.low || d.confirmed.high : $Number(d.confirmed) !== 0) {
                        if ($util.Long)
                            m.confirmed = $util.Long.fromValue(d.confirmed, true);
                        else if (typeof d.confirmed === "string")
                            m.confirmed = $parseInt(d.confirmed, 10);
                        else if (typeof d.confirmed === "number")
                            m.confirmed = d.confirmed;
                        else if (typeof d.confirmed === "object")
                            m.confirmed = new $util.LongBits(d.confirmed.low >>> 0, d.confirmed.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Message message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.Message
             * @static
             * @param {trellis.raft.Message} m Message
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Message.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.entries = [];
                }
                if (o.defaults) {
                    d.type = o.enums === $String ? "MESSAGE_TYPE_UNSPECIFIED" : 0;
                    d.from = "";
                    d.to = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.logTerm = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.logTerm = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.commit = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.commit = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.reject = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.rejectHint = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.rejectHint = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.context = "";
                    else {
                        d.context = [];
                        if (o.bytes !== $Array)
                            d.context = $util.newBuffer(d.context);
                    }
                    d.transfer = false;
                    d.snapshot = null;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.round = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.round = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.confirmed = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.confirmed = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.trellis.raft.MessageType[m.type] === $undefined ? m.type : $root.trellis.raft.MessageType[m.type] : m.type;
                }
                if (m.from != null && $Object.hasOwnProperty.call(m, "from")) {
                    d.from = m.from;
                }
                if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                    d.to = m.to;
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.term = typeof m.term === "number" ? $BigInt(m.term) : $util.Long.fromBits(m.term.low >>> 0, m.term.high >>> 0, true).toBigInt();
                    else if (typeof m.term === "number")
                        d.term = o.longs === $String ? $String(m.term) : m.term;
                    else
                        d.term = o.longs === $String ? $util.Long.prototype.toString.call(m.term) : o.longs === $Number ? new $util.LongBits(m.term.low >>> 0, m.term.high >>> 0).toNumber(true) : m.term;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.index = typeof m.index === "number" ? $BigInt(m.index) : $util.Long.fromBits(m.index.low >>> 0, m.index.high >>> 0, true).toBigInt();
                    else if (typeof m.index === "number")
                        d.index = o.longs === $String ? $String(m.index) : m.index;
                    else
                        d.index = o.longs === $String ? $util.Long.prototype.toString.call(m.index) : o.longs === $Number ? new $util.LongBits(m.index.low >>> 0, m.index.high >>> 0).toNumber(true) : m.index;
                }
                if (m.logTerm != null && $Object.hasOwnProperty.call(m, "logTerm")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.logTerm = typeof m.logTerm === "number" ? $BigInt(m.logTerm) : $util.Long.fromBits(m.logTerm.low >>> 0, m.logTerm.high >>> 0, true).toBigInt();
                    else if (typeof m.logTerm === "number")
                        d.logTerm = o.longs === $String ? $String(m.logTerm) : m.logTerm;
                    else
                        d.logTerm = o.longs === $String ? $util.Long.prototype.toString.call(m.logTerm) : o.longs === $Number ? new $util.LongBits(m.logTerm.low >>> 0, m.logTerm.high >>> 0).toNumber(true) : m.logTerm;
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.commit = typeof m.commit === "number" ? $BigInt(m.commit) : $util.Long.fromBits(m.commit.low >>> 0, m.commit.high >>> 0, true).toBigInt();
                    else if (typeof m.commit === "number")
                        d.commit = o.longs === $String ? $String(m.commit) : m.commit;
                    else
                        d.commit = o.longs === $String ? $util.Long.prototype.toString.call(m.commit) : o.longs === $Number ? new $util.LongBits(m.commit.low >>> 0, m.commit.high >>> 0).toNumber(true) : m.commit;
                }
                if (m.entries && m.entries.length) {
                    d.entries = $Array(m.entries.length);
                    for (var j = 0; j < m.entries.length; ++j) {
                        d.entries[j] = $root.trellis.raft.Entry.toObject(m.entries[j], o, q + 1);
                    }
                }
                if (m.reject != null && $Object.hasOwnProperty.call(m, "reject")) {
                    d.reject = m.reject;
                }
                if (m.rejectHint != null && $Object.hasOwnProperty.call(m, "rejectHint")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.rejectHint = typeof m.rejectHint === "number" ? $BigInt(m.rejectHint) : $util.Long.fromBits(m.rejectHint.low >>> 0, m.rejectHint.high >>> 0, true).toBigInt();
                    else if (typeof m.rejectHint === "number")
                        d.rejectHint = o.longs === $String ? $String(m.rejectHint) : m.rejectHint;
                    else
                        d.rejectHint = o.longs === $String ? $util.Long.prototype.toString.call(m.rejectHint) : o.longs === $Number ? new $util.LongBits(m.rejectHint.low >>> 0, m.rejectHint.high >>> 0).toNumber(true) : m.rejectHint;
                }
                if (m.context != null && $Object.hasOwnProperty.call(m, "context")) {
                    d.context = o.bytes === $String ? $util.base64.encode(m.context, 0, m.context.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.context) : m.context;
                }
                if (m.transfer != null && $Object.hasOwnProperty.call(m, "transfer")) {
                    d.transfer = m.transfer;
                }
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot")) {
                    d.snapshot = $root.trellis.raft.Snapshot.toObject(m.snapshot, o, q + 1);
                }
                if (m.round != null && $Object.hasOwnProperty.call(m, "round")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.round = typeof m.round === "number" ? $BigInt(m.round) : $util.Long.fromBits(m.round.low >>> 0, m.round.high >>> 0, true).toBigInt();
                    else if (typeof m.round === "number")
                        d.round = o.longs === $String ? $String(m.round) : m.round;
                    else
                        d.round = o.longs === $String ? $util.Long.prototype.toString.call(m.round) : o.longs === $Number ? new $util.LongBits(m.round.low >>> 0, m.round.high >>> 0).toNumber(true) : m.round;
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.confirmed = typeof m.confirmed === "number" ? $BigInt(m.confirmed) : $util.Long.fromBits(m.confirmed.low >>> 0, m.confirmed.high >>> 0, true).toBigInt();
                    else if (typeof m.confirmed === "number")
                        d.confirmed = o.longs === $String ? $String(m.confirmed) : m.confirmed;
                    else
                        d.confirmed = o.longs === $String ? $util.Long.prototype.toString.call(m.confirmed) : o.longs === $Number ? new $util.LongBits(m.confirmed.low >>> 0, m.confirmed.high >>> 0).toNumber(true) : m.confirmed;
                }
                return d;
            };

            /**
             * Converts this Message to JSON.
             * @function toJSON
             * @memberof trellis.raft.Message
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Message.prototype.toJSON = function() {
                return Message.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Message
             * @function getTypeUrl
             * @memberof trellis.raft.Message
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Message.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.Message";
            };

            return Message;
        })();

        /**
         * EntryType enum.
         * @name trellis.raft.EntryType
         * @enum {number}
         * @property {number} ENTRY_TYPE_UNSPECIFIED=0 ENTRY_TYPE_UNSPECIFIED value
         * @property {number} NORMAL=1 NORMAL value
         * @property {number} CONF_CHANGE=2 CONF_CHANGE value
         */
        raft.EntryType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ENTRY_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "NORMAL"] = 1;
            values[valuesById[2] = "CONF_CHANGE"] = 2;
            return values;
        })();

        raft.Entry = (function() {

            /**
             * Properties of an Entry.
             * @typedef {Object} trellis.raft.Entry.$Properties
             * @property {trellis.raft.EntryType|null} [type] Entry type
             * @property {number|Long|null} [term] Entry term
             * @property {number|Long|null} [index] Entry index
             * @property {Uint8Array|null} [data] Entry data
             * @property {trellis.raft.ConfChange.$Properties|null} [change] Entry change
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Entry.
             * @memberof trellis.raft
             * @interface IEntry
             * @augments trellis.raft.Entry.$Properties
             * @deprecated Use trellis.raft.Entry.$Properties instead.
             */

            /**
             * Shape of an Entry.
             * @typedef {trellis.raft.Entry.$Properties} trellis.raft.Entry.$Shape
             */

            /**
             * Constructs a new Entry.
             * @memberof trellis.raft
             * @classdesc Represents an Entry.
             * @constructor
             * @param {trellis.raft.Entry.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Entry = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Entry type.
             * @member {trellis.raft.EntryType} type
             * @memberof trellis.raft.Entry
             * @instance
             */
            Entry.prototype.type = 0;

            /**
             * Entry term.
             * @member {number|Long} term
             * @memberof trellis.raft.Entry
             * @instance
             */
            Entry.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry index.
             * @member {number|Long} index
             * @memberof trellis.raft.Entry
             * @instance
             */
            Entry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry data.
             * @member {Uint8Array} data
             * @memberof trellis.raft.Entry
             * @instance
             */
            Entry.prototype.data = $util.newBuffer([]);

            /**
             * Entry change.
             * @member {trellis.raft.ConfChange.$Properties|null|undefined} change
             * @memberof trellis.raft.Entry
             * @instance
             */
            Entry.prototype.change = null;

            /**
             * Creates a new Entry instance using the specified properties.
             * @function create
             * @memberof trellis.raft.Entry
             * @static
             * @param {trellis.raft.Entry.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.Entry} Entry instance
             * @type {{
             *   (properties: trellis.raft.Entry.$Shape): trellis.raft.Entry & trellis.raft.Entry.$Shape;
             *   (properties?: trellis.raft.Entry.$Properties): trellis.raft.Entry;
             * }}
             */
            Entry.create = function(properties) {
                return new Entry(properties);
            };

            /**
             * Encodes the specified Entry message. Does not implicitly {@link trellis.raft.Entry.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.Entry
             * @static
             * @param {trellis.raft.Entry.$Properties} m Entry message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Entry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.term);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.index);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.data);
                if (m.change != null && $Object.hasOwnProperty.call(m, "change"))
                    $root.trellis.raft.ConfChange.encode(m.change, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Entry message, length delimited. Does not implicitly {@link trellis.raft.Entry.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.Entry
             * @static
             * @param {trellis.raft.Entry.$Properties} message Entry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Entry.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.Entry
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.Entry & trellis.raft.Entry.$Shape} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Entry.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.raft.Entry();
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
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.term = v;
                            else
                                delete m.term;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.change = $root.trellis.raft.ConfChange.decode(r, r.size(), $undefined, q + 1, m.change);
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
             * Decodes an Entry message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.Entry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.Entry & trellis.raft.Entry.$Shape} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Entry.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Entry message.
             * @function verify
             * @memberof trellis.raft.Entry
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Entry.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                        return "type: enum value expected";
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (!$util.isInteger(m.term) && !(m.term && $util.isInteger(m.term.low) && $util.isInteger(m.term.high)))
                        return "term: integer|Long expected";
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index) && !(m.index && $util.isInteger(m.index.low) && $util.isInteger(m.index.high)))
                        return "index: integer|Long expected";
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    if (!(m.data && typeof m.data.length === "number" || $util.isString(m.data)))
                        return "data: buffer expected";
                }
                if (m.change != null && $Object.hasOwnProperty.call(m, "change")) {
                    {
                        var e = $root.trellis.raft.ConfChange.verify(m.change, q + 1);
                        if (e)
                            return "change." + e;
                    }
                }
                return null;
            };

            /**
             * Creates an Entry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.Entry
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.Entry} Entry
             */
            Entry.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.Entry)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.Entry: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.Entry();
                if (d.type !== 0 && (typeof d.type !== "string" || $root.trellis.raft.EntryType[d.type] !== 0)) {
                    switch (d.type) {
                    case "ENTRY_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "NORMAL":
                    case 1:
                        m.type = 1;
                        break;
                    case "CONF_CHANGE":
                    case 2:
                        m.type = 2;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.term != null) {
                    if (typeof d.term === "object" ? d.term.low || d.term.high : $Number(d.term) !== 0) {
                        if ($util.Long)
                            m.term = $util.Long.fromValue(d.term, true);
                        else if (typeof d.term === "string")
                            m.term = $parseInt(d.term, 10);
                        else if (typeof d.term === "number")
                            m.term = d.term;
                        else if (typeof d.term === "object")
                            m.term = new $util.LongBits(d.term.low >>> 0, d.term.high >>> 0).toNumber(true);
                    }
                }
                if (d.index != null) {
                    if (typeof d.index === "object" ? d.index.low || d.index.high : $Number(d.index) !== 0) {
                        if ($util.Long)
                            m.index = $util.Long.fromValue(d.index, true);
                        else if (typeof d.index === "string")
                            m.index = $parseInt(d.index, 10);
                        else if (typeof d.index === "number")
                            m.index = d.index;
                        else if (typeof d.index === "object")
                            m.index = new $util.LongBits(d.index.low >>> 0, d.index.high >>> 0).toNumber(true);
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                if (d.change != null) {
                    if (!$util.isObject(d.change))
                        throw $TypeError(".trellis.raft.Entry.change: object expected");
                    m.change = $root.trellis.raft.ConfChange.fromObject(d.change, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an Entry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.Entry
             * @static
             * @param {trellis.raft.Entry} m Entry
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Entry.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.type = o.enums === $String ? "ENTRY_TYPE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                    d.change = null;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.trellis.raft.EntryType[m.type] === $undefined ? m.type : $root.trellis.raft.EntryType[m.type] : m.type;
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.term = typeof m.term === "number" ? $BigInt(m.term) : $util.Long.fromBits(m.term.low >>> 0, m.term.high >>> 0, true).toBigInt();
                    else if (typeof m.term === "number")
                        d.term = o.longs === $String ? $String(m.term) : m.term;
                    else
                        d.term = o.longs === $String ? $util.Long.prototype.toString.call(m.term) : o.longs === $Number ? new $util.LongBits(m.term.low >>> 0, m.term.high >>> 0).toNumber(true) : m.term;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.index = typeof m.index === "number" ? $BigInt(m.index) : $util.Long.fromBits(m.index.low >>> 0, m.index.high >>> 0, true).toBigInt();
                    else if (typeof m.index === "number")
                        d.index = o.longs === $String ? $String(m.index) : m.index;
                    else
                        d.index = o.longs === $String ? $util.Long.prototype.toString.call(m.index) : o.longs === $Number ? new $util.LongBits(m.index.low >>> 0, m.index.high >>> 0).toNumber(true) : m.index;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                if (m.change != null && $Object.hasOwnProperty.call(m, "change")) {
                    d.change = $root.trellis.raft.ConfChange.toObject(m.change, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this Entry to JSON.
             * @function toJSON
             * @memberof trellis.raft.Entry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Entry.prototype.toJSON = function() {
                return Entry.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Entry
             * @function getTypeUrl
             * @memberof trellis.raft.Entry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Entry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.Entry";
            };

            return Entry;
        })();

        /**
         * ConfChangeType enum.
         * @name trellis.raft.ConfChangeType
         * @enum {number}
         * @property {number} CONF_CHANGE_TYPE_UNSPECIFIED=0 CONF_CHANGE_TYPE_UNSPECIFIED value
         * @property {number} ADD_VOTER=1 ADD_VOTER value
         * @property {number} ADD_LEARNER=2 ADD_LEARNER value
         * @property {number} PROMOTE=3 PROMOTE value
         * @property {number} REMOVE=4 REMOVE value
         */
        raft.ConfChangeType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONF_CHANGE_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ADD_VOTER"] = 1;
            values[valuesById[2] = "ADD_LEARNER"] = 2;
            values[valuesById[3] = "PROMOTE"] = 3;
            values[valuesById[4] = "REMOVE"] = 4;
            return values;
        })();

        raft.ConfChange = (function() {

            /**
             * Properties of a ConfChange.
             * @typedef {Object} trellis.raft.ConfChange.$Properties
             * @property {trellis.raft.ConfChangeType|null} [type] ConfChange type
             * @property {string|null} [node] ConfChange node
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfChange.
             * @memberof trellis.raft
             * @interface IConfChange
             * @augments trellis.raft.ConfChange.$Properties
             * @deprecated Use trellis.raft.ConfChange.$Properties instead.
             */

            /**
             * Shape of a ConfChange.
             * @typedef {trellis.raft.ConfChange.$Properties} trellis.raft.ConfChange.$Shape
             */

            /**
             * Constructs a new ConfChange.
             * @memberof trellis.raft
             * @classdesc Represents a ConfChange.
             * @constructor
             * @param {trellis.raft.ConfChange.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConfChange = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ConfChange type.
             * @member {trellis.raft.ConfChangeType} type
             * @memberof trellis.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.type = 0;

            /**
             * ConfChange node.
             * @member {string} node
             * @memberof trellis.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.node = "";

            /**
             * Creates a new ConfChange instance using the specified properties.
             * @function create
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {trellis.raft.ConfChange.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.ConfChange} ConfChange instance
             * @type {{
             *   (properties: trellis.raft.ConfChange.$Shape): trellis.raft.ConfChange & trellis.raft.ConfChange.$Shape;
             *   (properties?: trellis.raft.ConfChange.$Properties): trellis.raft.ConfChange;
             * }}
             */
            ConfChange.create = function(properties) {
                return new ConfChange(properties);
            };

            /**
             * Encodes the specified ConfChange message. Does not implicitly {@link trellis.raft.ConfChange.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {trellis.raft.ConfChange.$Properties} m ConfChange message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfChange.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ConfChange message, length delimited. Does not implicitly {@link trellis.raft.ConfChange.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {trellis.raft.ConfChange.$Properties} message ConfChange message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfChange.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ConfChange message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.ConfChange & trellis.raft.ConfChange.$Shape} ConfChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfChange.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.raft.ConfChange();
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
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
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
             * Decodes a ConfChange message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.ConfChange & trellis.raft.ConfChange.$Shape} ConfChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfChange.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ConfChange message.
             * @function verify
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ConfChange.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (typeof m.type !== "number" || (m.type | 0) !== m.type)
                        return "type: enum value expected";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                return null;
            };

            /**
             * Creates a ConfChange message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.ConfChange} ConfChange
             */
            ConfChange.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.ConfChange)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.ConfChange: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.ConfChange();
                if (d.type !== 0 && (typeof d.type !== "string" || $root.trellis.raft.ConfChangeType[d.type] !== 0)) {
                    switch (d.type) {
                    case "CONF_CHANGE_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "ADD_VOTER":
                    case 1:
                        m.type = 1;
                        break;
                    case "ADD_LEARNER":
                    case 2:
                        m.type = 2;
                        break;
                    case "PROMOTE":
                    case 3:
                        m.type = 3;
                        break;
                    case "REMOVE":
                    case 4:
                        m.type = 4;
                        break;
                    default:
                        if (typeof d.type === "number" && (d.type | 0) === d.type)
                            m.type = d.type;
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ConfChange message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {trellis.raft.ConfChange} m ConfChange
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ConfChange.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.type = o.enums === $String ? "CONF_CHANGE_TYPE_UNSPECIFIED" : 0;
                    d.node = "";
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = o.enums === $String ? $root.trellis.raft.ConfChangeType[m.type] === $undefined ? m.type : $root.trellis.raft.ConfChangeType[m.type] : m.type;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                return d;
            };

            /**
             * Converts this ConfChange to JSON.
             * @function toJSON
             * @memberof trellis.raft.ConfChange
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ConfChange.prototype.toJSON = function() {
                return ConfChange.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ConfChange
             * @function getTypeUrl
             * @memberof trellis.raft.ConfChange
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConfChange.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.ConfChange";
            };

            return ConfChange;
        })();

        raft.ConfState = (function() {

            /**
             * Properties of a ConfState.
             * @typedef {Object} trellis.raft.ConfState.$Properties
             * @property {Array.<string>|null} [voters] ConfState voters
             * @property {Array.<string>|null} [learners] ConfState learners
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfState.
             * @memberof trellis.raft
             * @interface IConfState
             * @augments trellis.raft.ConfState.$Properties
             * @deprecated Use trellis.raft.ConfState.$Properties instead.
             */

            /**
             * Shape of a ConfState.
             * @typedef {trellis.raft.ConfState.$Properties} trellis.raft.ConfState.$Shape
             */

            /**
             * Constructs a new ConfState.
             * @memberof trellis.raft
             * @classdesc Represents a ConfState.
             * @constructor
             * @param {trellis.raft.ConfState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConfState = function (p) {
                this.voters = [];
                this.learners = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ConfState voters.
             * @member {Array.<string>} voters
             * @memberof trellis.raft.ConfState
             * @instance
             */
            ConfState.prototype.voters = $util.emptyArray;

            /**
             * ConfState learners.
             * @member {Array.<string>} learners
             * @memberof trellis.raft.ConfState
             * @instance
             */
            ConfState.prototype.learners = $util.emptyArray;

            /**
             * Creates a new ConfState instance using the specified properties.
             * @function create
             * @memberof trellis.raft.ConfState
             * @static
             * @param {trellis.raft.ConfState.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.ConfState} ConfState instance
             * @type {{
             *   (properties: trellis.raft.ConfState.$Shape): trellis.raft.ConfState & trellis.raft.ConfState.$Shape;
             *   (properties?: trellis.raft.ConfState.$Properties): trellis.raft.ConfState;
             * }}
             */
            ConfState.create = function(properties) {
                return new ConfState(properties);
            };

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link trellis.raft.ConfState.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.ConfState
             * @static
             * @param {trellis.raft.ConfState.$Properties} m ConfState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.voters != null && m.voters.length) {
                    for (var i = 0; i < m.voters.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).string(m.voters[i]);
                }
                if (m.learners != null && m.learners.length) {
                    for (var i = 0; i < m.learners.length; ++i)
                        w.uint32(/* id 2, wireType 2 =*/18).string(m.learners[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ConfState message, length delimited. Does not implicitly {@link trellis.raft.ConfState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.ConfState
             * @static
             * @param {trellis.raft.ConfState.$Properties} message ConfState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.ConfState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.ConfState & trellis.raft.ConfState.$Shape} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.trellis.raft.ConfState();
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
                            if (!(m.voters && m.voters.length))
                                m.voters = [];
                            m.voters.push(r.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.learners && m.learners.length))
                                m.learners = [];
                            m.learners.push(r.stringVerify());
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
             * Decodes a ConfState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.ConfState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.ConfState & trellis.raft.ConfState.$Shape} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ConfState message.
             * @function verify
             * @memberof trellis.raft.ConfState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ConfState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.voters != null && $Object.hasOwnProperty.call(m, "voters")) {
                    if (!$Array.isArray(m.voters))
                        return "voters: array expected";
                    for (var i = 0; i < m.voters.length; ++i) {
                        if (!$util.isString(m.voters[i]))
                            return "voters: string[] expected";
                    }
                }
                if (m.learners != null && $Object.hasOwnProperty.call(m, "learners")) {
                    if (!$Array.isArray(m.learners))
                        return "learners: array expected";
                    for (var i = 0; i < m.learners.length; ++i) {
                        if (!$util.isString(m.learners[i]))
                            return "learners: string[] expected";
                    }
                }
                return null;
            };

            /**
             * Creates a ConfState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.ConfState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.ConfState} ConfState
             */
            ConfState.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.ConfState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.ConfState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.ConfState();
                if (d.voters) {
                    if (!$Array.isArray(d.voters))
                        throw $TypeError(".trellis.raft.ConfState.voters: array expected");
                    m.voters = $Array(d.voters.length);
                    for (var i = 0; i < d.voters.length; ++i) {
                        m.voters[i] = $String(d.voters[i]);
                    }
                }
                if (d.learners) {
                    if (!$Array.isArray(d.learners))
                        throw $TypeError(".trellis.raft.ConfState.learners: array expected");
                    m.learners = $Array(d.learners.length);
                    for (var i = 0; i < d.learners.length; ++i) {
                        m.learners[i] = $String(d.learners[i]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ConfState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.ConfState
             * @static
             * @param {trellis.raft.ConfState} m ConfState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ConfState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.voters = [];
                    d.learners = [];
                }
                if (m.voters && m.voters.length) {
                    d.voters = $Array(m.voters.length);
                    for (var j = 0; j < m.voters.length; ++j) {
                        d.voters[j] = m.voters[j];
                    }
                }
                if (m.learners && m.learners.length) {
                    d.learners = $Array(m.learners.length);
                    for (var j = 0; j < m.learners.length; ++j) {
                        d.learners[j] = m.learners[j];
                    }
                }
                return d;
            };

            /**
             * Converts this ConfState to JSON.
             * @function toJSON
             * @memberof trellis.raft.ConfState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ConfState.prototype.toJSON = function() {
                return ConfState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ConfState
             * @function getTypeUrl
             * @memberof trellis.raft.ConfState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConfState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.ConfState";
            };

            return ConfState;
        })();

        raft.HardState = (function() {

            /**
             * Properties of a HardState.
             * @typedef {Object} trellis.raft.HardState.$Properties
             * @property {number|Long|null} [term] HardState term
             * @property {string|null} [vote] HardState vote
             * @property {number|Long|null} [commit] HardState commit
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HardState.
             * @memberof trellis.raft
             * @interface IHardState
             * @augments trellis.raft.HardState.$Properties
             * @deprecated Use trellis.raft.HardState.$Properties instead.
             */

            /**
             * Shape of a HardState.
             * @typedef {trellis.raft.HardState.$Properties} trellis.raft.HardState.$Shape
             */

            /**
             * Constructs a new HardState.
             * @memberof trellis.raft
             * @classdesc Represents a HardState.
             * @constructor
             * @param {trellis.raft.HardState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HardState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HardState term.
             * @member {number|Long} term
             * @memberof trellis.raft.HardState
             * @instance
             */
            HardState.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HardState vote.
             * @member {string} vote
             * @memberof trellis.raft.HardState
             * @instance
             */
            HardState.prototype.vote = "";

            /**
             * HardState commit.
             * @member {number|Long} commit
             * @memberof trellis.raft.HardState
             * @instance
             */
            HardState.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new HardState instance using the specified properties.
             * @function create
             * @memberof trellis.raft.HardState
             * @static
             * @param {trellis.raft.HardState.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.HardState} HardState instance
             * @type {{
             *   (properties: trellis.raft.HardState.$Shape): trellis.raft.HardState & trellis.raft.HardState.$Shape;
             *   (properties?: trellis.raft.HardState.$Properties): trellis.raft.HardState;
             * }}
             */
            HardState.create = function(properties) {
                return new HardState(properties);
            };

            /**
             * Encodes the specified HardState message. Does not implicitly {@link trellis.raft.HardState.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.HardState
             * @static
             * @param {trellis.raft.HardState.$Properties} m HardState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HardState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.term);
                if (m.vote != null && $Object.hasOwnProperty.call(m, "vote") && m.vote !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.vote);
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit") && (typeof m.commit === "object" ? m.commit.low || m.commit.high : m.commit !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.commit);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified HardState message, length delimited. Does not implicitly {@link trellis.raft.HardState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.HardState
             * @static
             * @param {trellis.raft.HardState.$Properties} message HardState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HardState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a HardState message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.HardState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.HardState & trellis.raft.HardState.$Shape} HardState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HardState.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.raft.HardState();
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
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.term = v;
                            else
                                delete m.term;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vote = v;
                            else
                                delete m.vote;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.commit = v;
                            else
                                delete m.commit;
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
             * Decodes a HardState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.HardState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.HardState & trellis.raft.HardState.$Shape} HardState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HardState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a HardState message.
             * @function verify
             * @memberof trellis.raft.HardState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HardState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (!$util.isInteger(m.term) && !(m.term && $util.isInteger(m.term.low) && $util.isInteger(m.term.high)))
                        return "term: integer|Long expected";
                }
                if (m.vote != null && $Object.hasOwnProperty.call(m, "vote")) {
                    if (!$util.isString(m.vote))
                        return "vote: string expected";
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    if (!$util.isInteger(m.commit) && !(m.commit && $util.isInteger(m.commit.low) && $util.isInteger(m.commit.high)))
                        return "commit: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a HardState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.HardState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.HardState} HardState
             */
            HardState.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.HardState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.HardState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.HardState();
                if (d.term != null) {
                    if (typeof d.term === "object" ? d.term.low || d.term.high : $Number(d.term) !== 0) {
                        if ($util.Long)
                            m.term = $util.Long.fromValue(d.term, true);
                        else if (typeof d.term === "string")
                            m.term = $parseInt(d.term, 10);
                        else if (typeof d.term === "number")
                            m.term = d.term;
                        else if (typeof d.term === "object")
                            m.term = new $util.LongBits(d.term.low >>> 0, d.term.high >>> 0).toNumber(true);
                    }
                }
                if (d.vote != null) {
                    if (typeof d.vote !== "string" || d.vote.length) {
                        m.vote = $String(d.vote);
                    }
                }
                if (d.commit != null) {
                    if (typeof d.commit === "object" ? d.commit.low || d.commit.high : $Number(d.commit) !== 0) {
                        if ($util.Long)
                            m.commit = $util.Long.fromValue(d.commit, true);
                        else if (typeof d.commit === "string")
                            m.commit = $parseInt(d.commit, 10);
                        else if (typeof d.commit === "number")
                            m.commit = d.commit;
                        else if (typeof d.commit === "object")
                            m.commit = new $util.LongBits(d.commit.low >>> 0, d.commit.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a HardState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.HardState
             * @static
             * @param {trellis.raft.HardState} m HardState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HardState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.vote = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.commit = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.commit = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.term = typeof m.term === "number" ? $BigInt(m.term) : $util.Long.fromBits(m.term.low >>> 0, m.term.high >>> 0, true).toBigInt();
                    else if (typeof m.term === "number")
                        d.term = o.longs === $String ? $String(m.term) : m.term;
                    else
                        d.term = o.longs === $String ? $util.Long.prototype.toString.call(m.term) : o.longs === $Number ? new $util.LongBits(m.term.low >>> 0, m.term.high >>> 0).toNumber(true) : m.term;
                }
                if (m.vote != null && $Object.hasOwnProperty.call(m, "vote")) {
                    d.vote = m.vote;
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.commit = typeof m.commit === "number" ? $BigInt(m.commit) : $util.Long.fromBits(m.commit.low >>> 0, m.commit.high >>> 0, true).toBigInt();
                    else if (typeof m.commit === "number")
                        d.commit = o.longs === $String ? $String(m.commit) : m.commit;
                    else
                        d.commit = o.longs === $String ? $util.Long.prototype.toString.call(m.commit) : o.longs === $Number ? new $util.LongBits(m.commit.low >>> 0, m.commit.high >>> 0).toNumber(true) : m.commit;
                }
                return d;
            };

            /**
             * Converts this HardState to JSON.
             * @function toJSON
             * @memberof trellis.raft.HardState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HardState.prototype.toJSON = function() {
                return HardState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HardState
             * @function getTypeUrl
             * @memberof trellis.raft.HardState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HardState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.HardState";
            };

            return HardState;
        })();

        raft.Snapshot = (function() {

            /**
             * Properties of a Snapshot.
             * @typedef {Object} trellis.raft.Snapshot.$Properties
             * @property {number|Long|null} [index] Snapshot index
             * @property {number|Long|null} [term] Snapshot term
             * @property {trellis.raft.ConfState.$Properties|null} [conf] Snapshot conf
             * @property {Uint8Array|null} [data] Snapshot data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Snapshot.
             * @memberof trellis.raft
             * @interface ISnapshot
             * @augments trellis.raft.Snapshot.$Properties
             * @deprecated Use trellis.raft.Snapshot.$Properties instead.
             */

            /**
             * Shape of a Snapshot.
             * @typedef {trellis.raft.Snapshot.$Properties} trellis.raft.Snapshot.$Shape
             */

            /**
             * Constructs a new Snapshot.
             * @memberof trellis.raft
             * @classdesc Represents a Snapshot.
             * @constructor
             * @param {trellis.raft.Snapshot.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Snapshot = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Snapshot index.
             * @member {number|Long} index
             * @memberof trellis.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Snapshot term.
             * @member {number|Long} term
             * @memberof trellis.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Snapshot conf.
             * @member {trellis.raft.ConfState.$Properties|null|undefined} conf
             * @memberof trellis.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.conf = null;

            /**
             * Snapshot data.
             * @member {Uint8Array} data
             * @memberof trellis.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Snapshot instance using the specified properties.
             * @function create
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {trellis.raft.Snapshot.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.Snapshot} Snapshot instance
             * @type {{
             *   (properties: trellis.raft.Snapshot.$Shape): trellis.raft.Snapshot & trellis.raft.Snapshot.$Shape;
             *   (properties?: trellis.raft.Snapshot.$Properties): trellis.raft.Snapshot;
             * }}
             */
            Snapshot.create = function(properties) {
                return new Snapshot(properties);
            };

            /**
             * Encodes the specified Snapshot message. Does not implicitly {@link trellis.raft.Snapshot.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {trellis.raft.Snapshot.$Properties} m Snapshot message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Snapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.index);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.term);
                if (m.conf != null && $Object.hasOwnProperty.call(m, "conf"))
                    $root.trellis.raft.ConfState.encode(m.conf, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.data);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Snapshot message, length delimited. Does not implicitly {@link trellis.raft.Snapshot.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {trellis.raft.Snapshot.$Properties} message Snapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Snapshot.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Snapshot message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.Snapshot & trellis.raft.Snapshot.$Shape} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Snapshot.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.raft.Snapshot();
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
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.term = v;
                            else
                                delete m.term;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.conf = $root.trellis.raft.ConfState.decode(r, r.size(), $undefined, q + 1, m.conf);
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
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
             * Decodes a Snapshot message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.Snapshot & trellis.raft.Snapshot.$Shape} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Snapshot.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Snapshot message.
             * @function verify
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Snapshot.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index) && !(m.index && $util.isInteger(m.index.low) && $util.isInteger(m.index.high)))
                        return "index: integer|Long expected";
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (!$util.isInteger(m.term) && !(m.term && $util.isInteger(m.term.low) && $util.isInteger(m.term.high)))
                        return "term: integer|Long expected";
                }
                if (m.conf != null && $Object.hasOwnProperty.call(m, "conf")) {
                    {
                        var e = $root.trellis.raft.ConfState.verify(m.conf, q + 1);
                        if (e)
                            return "conf." + e;
                    }
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    if (!(m.data && typeof m.data.length === "number" || $util.isString(m.data)))
                        return "data: buffer expected";
                }
                return null;
            };

            /**
             * Creates a Snapshot message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.Snapshot} Snapshot
             */
            Snapshot.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.Snapshot)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.Snapshot: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.Snapshot();
                if (d.index != null) {
                    if (typeof d.index === "object" ? d.index.low || d.index.high : $Number(d.index) !== 0) {
                        if ($util.Long)
                            m.index = $util.Long.fromValue(d.index, true);
                        else if (typeof d.index === "string")
                            m.index = $parseInt(d.index, 10);
                        else if (typeof d.index === "number")
                            m.index = d.index;
                        else if (typeof d.index === "object")
                            m.index = new $util.LongBits(d.index.low >>> 0, d.index.high >>> 0).toNumber(true);
                    }
                }
                if (d.term != null) {
                    if (typeof d.term === "object" ? d.term.low || d.term.high : $Number(d.term) !== 0) {
                        if ($util.Long)
                            m.term = $util.Long.fromValue(d.term, true);
                        else if (typeof d.term === "string")
                            m.term = $parseInt(d.term, 10);
                        else if (typeof d.term === "number")
                            m.term = d.term;
                        else if (typeof d.term === "object")
                            m.term = new $util.LongBits(d.term.low >>> 0, d.term.high >>> 0).toNumber(true);
                    }
                }
                if (d.conf != null) {
                    if (!$util.isObject(d.conf))
                        throw $TypeError(".trellis.raft.Snapshot.conf: object expected");
                    m.conf = $root.trellis.raft.ConfState.fromObject(d.conf, q + 1);
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Snapshot message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {trellis.raft.Snapshot} m Snapshot
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Snapshot.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.term = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.term = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.conf = null;
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.index = typeof m.index === "number" ? $BigInt(m.index) : $util.Long.fromBits(m.index.low >>> 0, m.index.high >>> 0, true).toBigInt();
                    else if (typeof m.index === "number")
                        d.index = o.longs === $String ? $String(m.index) : m.index;
                    else
                        d.index = o.longs === $String ? $util.Long.prototype.toString.call(m.index) : o.longs === $Number ? new $util.LongBits(m.index.low >>> 0, m.index.high >>> 0).toNumber(true) : m.index;
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.term = typeof m.term === "number" ? $BigInt(m.term) : $util.Long.fromBits(m.term.low >>> 0, m.term.high >>> 0, true).toBigInt();
                    else if (typeof m.term === "number")
                        d.term = o.longs === $String ? $String(m.term) : m.term;
                    else
                        d.term = o.longs === $String ? $util.Long.prototype.toString.call(m.term) : o.longs === $Number ? new $util.LongBits(m.term.low >>> 0, m.term.high >>> 0).toNumber(true) : m.term;
                }
                if (m.conf != null && $Object.hasOwnProperty.call(m, "conf")) {
                    d.conf = $root.trellis.raft.ConfState.toObject(m.conf, o, q + 1);
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                return d;
            };

            /**
             * Converts this Snapshot to JSON.
             * @function toJSON
             * @memberof trellis.raft.Snapshot
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Snapshot.prototype.toJSON = function() {
                return Snapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Snapshot
             * @function getTypeUrl
             * @memberof trellis.raft.Snapshot
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Snapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.Snapshot";
            };

            return Snapshot;
        })();

        raft.ForwardRequest = (function() {

            /**
             * Properties of a ForwardRequest.
             * @typedef {Object} trellis.raft.ForwardRequest.$Properties
             * @property {Uint8Array|null} [command] ForwardRequest command
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ForwardRequest.
             * @memberof trellis.raft
             * @interface IForwardRequest
             * @augments trellis.raft.ForwardRequest.$Properties
             * @deprecated Use trellis.raft.ForwardRequest.$Properties instead.
             */

            /**
             * Shape of a ForwardRequest.
             * @typedef {trellis.raft.ForwardRequest.$Properties} trellis.raft.ForwardRequest.$Shape
             */

            /**
             * Constructs a new ForwardRequest.
             * @memberof trellis.raft
             * @classdesc Represents a ForwardRequest.
             * @constructor
             * @param {trellis.raft.ForwardRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ForwardRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ForwardRequest command.
             * @member {Uint8Array} command
             * @memberof trellis.raft.ForwardRequest
             * @instance
             */
            ForwardRequest.prototype.command = $util.newBuffer([]);

            /**
             * Creates a new ForwardRequest instance using the specified properties.
             * @function create
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {trellis.raft.ForwardRequest.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.ForwardRequest} ForwardRequest instance
             * @type {{
             *   (properties: trellis.raft.ForwardRequest.$Shape): trellis.raft.ForwardRequest & trellis.raft.ForwardRequest.$Shape;
             *   (properties?: trellis.raft.ForwardRequest.$Properties): trellis.raft.ForwardRequest;
             * }}
             */
            ForwardRequest.create = function(properties) {
                return new ForwardRequest(properties);
            };

            /**
             * Encodes the specified ForwardRequest message. Does not implicitly {@link trellis.raft.ForwardRequest.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {trellis.raft.ForwardRequest.$Properties} m ForwardRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ForwardRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.command);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ForwardRequest message, length delimited. Does not implicitly {@link trellis.raft.ForwardRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {trellis.raft.ForwardRequest.$Properties} message ForwardRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ForwardRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ForwardRequest message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.ForwardRequest & trellis.raft.ForwardRequest.$Shape} ForwardRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ForwardRequest.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.raft.ForwardRequest();
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
                            if ((v = r.bytes()).length)
                                m.command = v;
                            else
                                delete m.command;
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
             * Decodes a ForwardRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.ForwardRequest & trellis.raft.ForwardRequest.$Shape} ForwardRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ForwardRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ForwardRequest message.
             * @function verify
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ForwardRequest.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    if (!(m.command && typeof m.command.length === "number" || $util.isString(m.command)))
                        return "command: buffer expected";
                }
                return null;
            };

            /**
             * Creates a ForwardRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.ForwardRequest} ForwardRequest
             */
            ForwardRequest.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.ForwardRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.ForwardRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.ForwardRequest();
                if (d.command != null) {
                    if (d.command.length) {
                        if (typeof d.command === "string")
                            $util.base64.decode(d.command, m.command = $util.newBuffer($util.base64.length(d.command)), 0);
                        else if (d.command.length >= 0)
                            m.command = d.command;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ForwardRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {trellis.raft.ForwardRequest} m ForwardRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ForwardRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.command = "";
                    else {
                        d.command = [];
                        if (o.bytes !== $Array)
                            d.command = $util.newBuffer(d.command);
                    }
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    d.command = o.bytes === $String ? $util.base64.encode(m.command, 0, m.command.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.command) : m.command;
                }
                return d;
            };

            /**
             * Converts this ForwardRequest to JSON.
             * @function toJSON
             * @memberof trellis.raft.ForwardRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ForwardRequest.prototype.toJSON = function() {
                return ForwardRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ForwardRequest
             * @function getTypeUrl
             * @memberof trellis.raft.ForwardRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ForwardRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.ForwardRequest";
            };

            return ForwardRequest;
        })();

        /**
         * ForwardStatus enum.
         * @name trellis.raft.ForwardStatus
         * @enum {number}
         * @property {number} FORWARD_STATUS_UNSPECIFIED=0 FORWARD_STATUS_UNSPECIFIED value
         * @property {number} OK=1 OK value
         * @property {number} NOT_LEADER=2 NOT_LEADER value
         * @property {number} ERROR=3 ERROR value
         */
        raft.ForwardStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "FORWARD_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OK"] = 1;
            values[valuesById[2] = "NOT_LEADER"] = 2;
            values[valuesById[3] = "ERROR"] = 3;
            return values;
        })();

        raft.ForwardResponse = (function() {

            /**
             * Properties of a ForwardResponse.
             * @typedef {Object} trellis.raft.ForwardResponse.$Properties
             * @property {trellis.raft.ForwardStatus|null} [status] ForwardResponse status
             * @property {string|null} [resultJson] ForwardResponse resultJson
             * @property {string|null} [leader] ForwardResponse leader
             * @property {string|null} [code] ForwardResponse code
             * @property {string|null} [message] ForwardResponse message
             * @property {number|Long|null} [index] ForwardResponse index
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ForwardResponse.
             * @memberof trellis.raft
             * @interface IForwardResponse
             * @augments trellis.raft.ForwardResponse.$Properties
             * @deprecated Use trellis.raft.ForwardResponse.$Properties instead.
             */

            /**
             * Shape of a ForwardResponse.
             * @typedef {trellis.raft.ForwardResponse.$Properties} trellis.raft.ForwardResponse.$Shape
             */

            /**
             * Constructs a new ForwardResponse.
             * @memberof trellis.raft
             * @classdesc Represents a ForwardResponse.
             * @constructor
             * @param {trellis.raft.ForwardResponse.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ForwardResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ForwardResponse status.
             * @member {trellis.raft.ForwardStatus} status
             * @memberof trellis.raft.ForwardResponse
             * @instance
             */
            ForwardResponse.prototype.status = 0;

            /**
             * ForwardResponse resultJson.
             * @member {string} resultJson
             * @memberof trellis.raft.ForwardResponse
             * @instance
             */
            ForwardResponse.prototype.resultJson = "";

            /**
             * ForwardResponse leader.
             * @member {string} leader
             * @memberof trellis.raft.ForwardResponse
             * @instance
             */
            ForwardResponse.prototype.leader = "";

            /**
             * ForwardResponse code.
             * @member {string} code
             * @memberof trellis.raft.ForwardResponse
             * @instance
             */
            ForwardResponse.prototype.code = "";

            /**
             * ForwardResponse message.
             * @member {string} message
             * @memberof trellis.raft.ForwardResponse
             * @instance
             */
            ForwardResponse.prototype.message = "";

            /**
             * ForwardResponse index.
             * @member {number|Long} index
             * @memberof trellis.raft.ForwardResponse
             * @instance
             */
            ForwardResponse.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new ForwardResponse instance using the specified properties.
             * @function create
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {trellis.raft.ForwardResponse.$Properties=} [properties] Properties to set
             * @returns {trellis.raft.ForwardResponse} ForwardResponse instance
             * @type {{
             *   (properties: trellis.raft.ForwardResponse.$Shape): trellis.raft.ForwardResponse & trellis.raft.ForwardResponse.$Shape;
             *   (properties?: trellis.raft.ForwardResponse.$Properties): trellis.raft.ForwardResponse;
             * }}
             */
            ForwardResponse.create = function(properties) {
                return new ForwardResponse(properties);
            };

            /**
             * Encodes the specified ForwardResponse message. Does not implicitly {@link trellis.raft.ForwardResponse.verify|verify} messages.
             * @function encode
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {trellis.raft.ForwardResponse.$Properties} m ForwardResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ForwardResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.status);
                if (m.resultJson != null && $Object.hasOwnProperty.call(m, "resultJson") && m.resultJson !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.resultJson);
                if (m.leader != null && $Object.hasOwnProperty.call(m, "leader") && m.leader !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.leader);
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.message);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.index);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ForwardResponse message, length delimited. Does not implicitly {@link trellis.raft.ForwardResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {trellis.raft.ForwardResponse.$Properties} message ForwardResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ForwardResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ForwardResponse message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.raft.ForwardResponse & trellis.raft.ForwardResponse.$Shape} ForwardResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ForwardResponse.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.raft.ForwardResponse();
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
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.resultJson = v;
                            else
                                delete m.resultJson;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.leader = v;
                            else
                                delete m.leader;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.index = v;
                            else
                                delete m.index;
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
             * Decodes a ForwardResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.raft.ForwardResponse & trellis.raft.ForwardResponse.$Shape} ForwardResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ForwardResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ForwardResponse message.
             * @function verify
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ForwardResponse.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    if (typeof m.status !== "number" || (m.status | 0) !== m.status)
                        return "status: enum value expected";
                }
                if (m.resultJson != null && $Object.hasOwnProperty.call(m, "resultJson")) {
                    if (!$util.isString(m.resultJson))
                        return "resultJson: string expected";
                }
                if (m.leader != null && $Object.hasOwnProperty.call(m, "leader")) {
                    if (!$util.isString(m.leader))
                        return "leader: string expected";
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isString(m.code))
                        return "code: string expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index) && !(m.index && $util.isInteger(m.index.low) && $util.isInteger(m.index.high)))
                        return "index: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a ForwardResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.raft.ForwardResponse} ForwardResponse
             */
            ForwardResponse.fromObject = function (d, q) {
                if (d instanceof $root.trellis.raft.ForwardResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.raft.ForwardResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.raft.ForwardResponse();
                if (d.status !== 0 && (typeof d.status !== "string" || $root.trellis.raft.ForwardStatus[d.status] !== 0)) {
                    switch (d.status) {
                    case "FORWARD_STATUS_UNSPECIFIED":
                    case 0:
                        m.status = 0;
                        break;
                    case "OK":
                    case 1:
                        m.status = 1;
                        break;
                    case "NOT_LEADER":
                    case 2:
                        m.status = 2;
                        break;
                    case "ERROR":
                    case 3:
                        m.status = 3;
                        break;
                    default:
                        if (typeof d.status === "number" && (d.status | 0) === d.status)
                            m.status = d.status;
                    }
                }
                if (d.resultJson != null) {
                    if (typeof d.resultJson !== "string" || d.resultJson.length) {
                        m.resultJson = $String(d.resultJson);
                    }
                }
                if (d.leader != null) {
                    if (typeof d.leader !== "string" || d.leader.length) {
                        m.leader = $String(d.leader);
                    }
                }
                if (d.code != null) {
                    if (typeof d.code !== "string" || d.code.length) {
                        m.code = $String(d.code);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                if (d.index != null) {
                    if (typeof d.index === "object" ? d.index.low || d.index.high : $Number(d.index) !== 0) {
                        if ($util.Long)
                            m.index = $util.Long.fromValue(d.index, true);
                        else if (typeof d.index === "string")
                            m.index = $parseInt(d.index, 10);
                        else if (typeof d.index === "number")
                            m.index = d.index;
                        else if (typeof d.index === "object")
                            m.index = new $util.LongBits(d.index.low >>> 0, d.index.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ForwardResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {trellis.raft.ForwardResponse} m ForwardResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ForwardResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.status = o.enums === $String ? "FORWARD_STATUS_UNSPECIFIED" : 0;
                    d.resultJson = "";
                    d.leader = "";
                    d.code = "";
                    d.message = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === $String ? $root.trellis.raft.ForwardStatus[m.status] === $undefined ? m.status : $root.trellis.raft.ForwardStatus[m.status] : m.status;
                }
                if (m.resultJson != null && $Object.hasOwnProperty.call(m, "resultJson")) {
                    d.resultJson = m.resultJson;
                }
                if (m.leader != null && $Object.hasOwnProperty.call(m, "leader")) {
                    d.leader = m.leader;
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    d.code = m.code;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.index = typeof m.index === "number" ? $BigInt(m.index) : $util.Long.fromBits(m.index.low >>> 0, m.index.high >>> 0, true).toBigInt();
                    else if (typeof m.index === "number")
                        d.index = o.longs === $String ? $String(m.index) : m.index;
                    else
                        d.index = o.longs === $String ? $util.Long.prototype.toString.call(m.index) : o.longs === $Number ? new $util.LongBits(m.index.low >>> 0, m.index.high >>> 0).toNumber(true) : m.index;
                }
                return d;
            };

            /**
             * Converts this ForwardResponse to JSON.
             * @function toJSON
             * @memberof trellis.raft.ForwardResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ForwardResponse.prototype.toJSON = function() {
                return ForwardResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ForwardResponse
             * @function getTypeUrl
             * @memberof trellis.raft.ForwardResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ForwardResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.raft.ForwardResponse";
            };

            return ForwardResponse;
        })();

        return raft;
    })();

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

    trellis.session = (function() {

        /**
         * Namespace session.
         * @memberof trellis
         * @namespace
         */
        const session = {};

        session.Open = (function() {

            /**
             * Properties of an Open.
             * @typedef {Object} trellis.session.Open.$Properties
             * @property {string|null} [instance] Open instance
             * @property {boolean|null} [console] Open console
             * @property {Array.<string>|null} [command] Open command
             * @property {boolean|null} [tty] Open tty
             * @property {number|null} [cols] Open cols
             * @property {number|null} [rows] Open rows
             * @property {string|null} [term] Open term
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Open.
             * @memberof trellis.session
             * @interface IOpen
             * @augments trellis.session.Open.$Properties
             * @deprecated Use trellis.session.Open.$Properties instead.
             */

            /**
             * Shape of an Open.
             * @typedef {trellis.session.Open.$Properties} trellis.session.Open.$Shape
             */

            /**
             * Constructs a new Open.
             * @memberof trellis.session
             * @classdesc Represents an Open.
             * @constructor
             * @param {trellis.session.Open.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Open = function (p) {
                this.command = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Open instance.
             * @member {string} instance
             * @memberof trellis.session.Open
             * @instance
             */
            Open.prototype.instance = "";

            /**
             * Open console.
             * @member {boolean} console
             * @memberof trellis.session.Open
             * @instance
             */
            Open.prototype.console = false;

            /**
             * Open command.
             * @member {Array.<string>} command
             * @memberof trellis.session.Open
             * @instance
             */
            Open.prototype.command = $util.emptyArray;

            /**
             * Open tty.
             * @member {boolean} tty
             * @memberof trellis.session.Open
             * @instance
             */
            Open.prototype.tty = false;

            /**
             * Open cols.
             * @member {number} cols
             * @memberof trellis.session.Open
             * @instance
             */
            Open.prototype.cols = 0;

            /**
             * Open rows.
             * @member {number} rows
             * @memberof trellis.session.Open
             * @instance
             */
            Open.prototype.rows = 0;

            /**
             * Open term.
             * @member {string} term
             * @memberof trellis.session.Open
             * @instance
             */
            Open.prototype.term = "";

            /**
             * Creates a new Open instance using the specified properties.
             * @function create
             * @memberof trellis.session.Open
             * @static
             * @param {trellis.session.Open.$Properties=} [properties] Properties to set
             * @returns {trellis.session.Open} Open instance
             * @type {{
             *   (properties: trellis.session.Open.$Shape): trellis.session.Open & trellis.session.Open.$Shape;
             *   (properties?: trellis.session.Open.$Properties): trellis.session.Open;
             * }}
             */
            Open.create = function(properties) {
                return new Open(properties);
            };

            /**
             * Encodes the specified Open message. Does not implicitly {@link trellis.session.Open.verify|verify} messages.
             * @function encode
             * @memberof trellis.session.Open
             * @static
             * @param {trellis.session.Open.$Properties} m Open message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Open.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.instance);
                if (m.console != null && $Object.hasOwnProperty.call(m, "console") && m.console !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.console);
                if (m.command != null && m.command.length) {
                    for (var i = 0; i < m.command.length; ++i)
                        w.uint32(/* id 3, wireType 2 =*/26).string(m.command[i]);
                }
                if (m.tty != null && $Object.hasOwnProperty.call(m, "tty") && m.tty !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.tty);
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols") && m.cols !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.cols);
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && m.rows !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.rows);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && m.term !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.term);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Open message, length delimited. Does not implicitly {@link trellis.session.Open.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.session.Open
             * @static
             * @param {trellis.session.Open.$Properties} message Open message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Open.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Open message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.session.Open
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.session.Open & trellis.session.Open.$Shape} Open
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Open.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.session.Open();
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
                                m.instance = v;
                            else
                                delete m.instance;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.console = v;
                            else
                                delete m.console;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.command && m.command.length))
                                m.command = [];
                            m.command.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.tty = v;
                            else
                                delete m.tty;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cols = v;
                            else
                                delete m.cols;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.rows = v;
                            else
                                delete m.rows;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.term = v;
                            else
                                delete m.term;
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
             * Decodes an Open message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.session.Open
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.session.Open & trellis.session.Open.$Shape} Open
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Open.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Open message.
             * @function verify
             * @memberof trellis.session.Open
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Open.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    if (!$util.isString(m.instance))
                        return "instance: string expected";
                }
                if (m.console != null && $Object.hasOwnProperty.call(m, "console")) {
                    if (typeof m.console !== "boolean")
                        return "console: boolean expected";
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    if (!$Array.isArray(m.command))
                        return "command: array expected";
                    for (var i = 0; i < m.command.length; ++i) {
                        if (!$util.isString(m.command[i]))
                            return "command: string[] expected";
                    }
                }
                if (m.tty != null && $Object.hasOwnProperty.call(m, "tty")) {
                    if (typeof m.tty !== "boolean")
                        return "tty: boolean expected";
                }
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols")) {
                    if (!$util.isInteger(m.cols))
                        return "cols: integer expected";
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    if (!$util.isInteger(m.rows))
                        return "rows: integer expected";
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    if (!$util.isString(m.term))
                        return "term: string expected";
                }
                return null;
            };

            /**
             * Creates an Open message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.session.Open
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.session.Open} Open
             */
            Open.fromObject = function (d, q) {
                if (d instanceof $root.trellis.session.Open)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.session.Open: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.session.Open();
                if (d.instance != null) {
                    if (typeof d.instance !== "string" || d.instance.length) {
                        m.instance = $String(d.instance);
                    }
                }
                if (d.console != null) {
                    if (d.console) {
                        m.console = $Boolean(d.console);
                    }
                }
                if (d.command) {
                    if (!$Array.isArray(d.command))
                        throw $TypeError(".trellis.session.Open.command: array expected");
                    m.command = $Array(d.command.length);
                    for (var i = 0; i < d.command.length; ++i) {
                        m.command[i] = $String(d.command[i]);
                    }
                }
                if (d.tty != null) {
                    if (d.tty) {
                        m.tty = $Boolean(d.tty);
                    }
                }
                if (d.cols != null) {
                    if ($Number(d.cols) !== 0) {
                        m.cols = d.cols >>> 0;
                    }
                }
                if (d.rows != null) {
                    if ($Number(d.rows) !== 0) {
                        m.rows = d.rows >>> 0;
                    }
                }
                if (d.term != null) {
                    if (typeof d.term !== "string" || d.term.length) {
                        m.term = $String(d.term);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Open message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.session.Open
             * @static
             * @param {trellis.session.Open} m Open
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Open.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.command = [];
                }
                if (o.defaults) {
                    d.instance = "";
                    d.console = false;
                    d.tty = false;
                    d.cols = 0;
                    d.rows = 0;
                    d.term = "";
                }
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    d.instance = m.instance;
                }
                if (m.console != null && $Object.hasOwnProperty.call(m, "console")) {
                    d.console = m.console;
                }
                if (m.command && m.command.length) {
                    d.command = $Array(m.command.length);
                    for (var j = 0; j < m.command.length; ++j) {
                        d.command[j] = m.command[j];
                    }
                }
                if (m.tty != null && $Object.hasOwnProperty.call(m, "tty")) {
                    d.tty = m.tty;
                }
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols")) {
                    d.cols = m.cols;
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    d.rows = m.rows;
                }
                if (m.term != null && $Object.hasOwnProperty.call(m, "term")) {
                    d.term = m.term;
                }
                return d;
            };

            /**
             * Converts this Open to JSON.
             * @function toJSON
             * @memberof trellis.session.Open
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Open.prototype.toJSON = function() {
                return Open.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Open
             * @function getTypeUrl
             * @memberof trellis.session.Open
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Open.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.session.Open";
            };

            return Open;
        })();

        session.Resize = (function() {

            /**
             * Properties of a Resize.
             * @typedef {Object} trellis.session.Resize.$Properties
             * @property {number|null} [cols] Resize cols
             * @property {number|null} [rows] Resize rows
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Resize.
             * @memberof trellis.session
             * @interface IResize
             * @augments trellis.session.Resize.$Properties
             * @deprecated Use trellis.session.Resize.$Properties instead.
             */

            /**
             * Shape of a Resize.
             * @typedef {trellis.session.Resize.$Properties} trellis.session.Resize.$Shape
             */

            /**
             * Constructs a new Resize.
             * @memberof trellis.session
             * @classdesc Represents a Resize.
             * @constructor
             * @param {trellis.session.Resize.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Resize = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Resize cols.
             * @member {number} cols
             * @memberof trellis.session.Resize
             * @instance
             */
            Resize.prototype.cols = 0;

            /**
             * Resize rows.
             * @member {number} rows
             * @memberof trellis.session.Resize
             * @instance
             */
            Resize.prototype.rows = 0;

            /**
             * Creates a new Resize instance using the specified properties.
             * @function create
             * @memberof trellis.session.Resize
             * @static
             * @param {trellis.session.Resize.$Properties=} [properties] Properties to set
             * @returns {trellis.session.Resize} Resize instance
             * @type {{
             *   (properties: trellis.session.Resize.$Shape): trellis.session.Resize & trellis.session.Resize.$Shape;
             *   (properties?: trellis.session.Resize.$Properties): trellis.session.Resize;
             * }}
             */
            Resize.create = function(properties) {
                return new Resize(properties);
            };

            /**
             * Encodes the specified Resize message. Does not implicitly {@link trellis.session.Resize.verify|verify} messages.
             * @function encode
             * @memberof trellis.session.Resize
             * @static
             * @param {trellis.session.Resize.$Properties} m Resize message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Resize.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols") && m.cols !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.cols);
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && m.rows !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.rows);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Resize message, length delimited. Does not implicitly {@link trellis.session.Resize.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.session.Resize
             * @static
             * @param {trellis.session.Resize.$Properties} message Resize message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Resize.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Resize message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.session.Resize
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.session.Resize & trellis.session.Resize.$Shape} Resize
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Resize.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.session.Resize();
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
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cols = v;
                            else
                                delete m.cols;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.rows = v;
                            else
                                delete m.rows;
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
             * Decodes a Resize message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.session.Resize
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.session.Resize & trellis.session.Resize.$Shape} Resize
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Resize.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Resize message.
             * @function verify
             * @memberof trellis.session.Resize
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Resize.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols")) {
                    if (!$util.isInteger(m.cols))
                        return "cols: integer expected";
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    if (!$util.isInteger(m.rows))
                        return "rows: integer expected";
                }
                return null;
            };

            /**
             * Creates a Resize message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.session.Resize
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.session.Resize} Resize
             */
            Resize.fromObject = function (d, q) {
                if (d instanceof $root.trellis.session.Resize)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.session.Resize: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.session.Resize();
                if (d.cols != null) {
                    if ($Number(d.cols) !== 0) {
                        m.cols = d.cols >>> 0;
                    }
                }
                if (d.rows != null) {
                    if ($Number(d.rows) !== 0) {
                        m.rows = d.rows >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Resize message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.session.Resize
             * @static
             * @param {trellis.session.Resize} m Resize
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Resize.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.cols = 0;
                    d.rows = 0;
                }
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols")) {
                    d.cols = m.cols;
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    d.rows = m.rows;
                }
                return d;
            };

            /**
             * Converts this Resize to JSON.
             * @function toJSON
             * @memberof trellis.session.Resize
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Resize.prototype.toJSON = function() {
                return Resize.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Resize
             * @function getTypeUrl
             * @memberof trellis.session.Resize
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Resize.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.session.Resize";
            };

            return Resize;
        })();

        session.End = (function() {

            /**
             * Properties of an End.
             * @typedef {Object} trellis.session.End.$Properties
             * @property {number|null} [code] End code
             * @property {string|null} [signal] End signal
             * @property {string|null} [errorCode] End errorCode
             * @property {string|null} [errorMessage] End errorMessage
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an End.
             * @memberof trellis.session
             * @interface IEnd
             * @augments trellis.session.End.$Properties
             * @deprecated Use trellis.session.End.$Properties instead.
             */

            /**
             * Shape of an End.
             * @typedef {trellis.session.End.$Properties} trellis.session.End.$Shape
             */

            /**
             * Constructs a new End.
             * @memberof trellis.session
             * @classdesc Represents an End.
             * @constructor
             * @param {trellis.session.End.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const End = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * End code.
             * @member {number|null|undefined} code
             * @memberof trellis.session.End
             * @instance
             */
            End.prototype.code = null;

            /**
             * End signal.
             * @member {string} signal
             * @memberof trellis.session.End
             * @instance
             */
            End.prototype.signal = "";

            /**
             * End errorCode.
             * @member {string} errorCode
             * @memberof trellis.session.End
             * @instance
             */
            End.prototype.errorCode = "";

            /**
             * End errorMessage.
             * @member {string} errorMessage
             * @memberof trellis.session.End
             * @instance
             */
            End.prototype.errorMessage = "";

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(End.prototype, "_code", {
                get: $util.oneOfGetter($oneOfFields = ["code"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new End instance using the specified properties.
             * @function create
             * @memberof trellis.session.End
             * @static
             * @param {trellis.session.End.$Properties=} [properties] Properties to set
             * @returns {trellis.session.End} End instance
             * @type {{
             *   (properties: trellis.session.End.$Shape): trellis.session.End & trellis.session.End.$Shape;
             *   (properties?: trellis.session.End.$Properties): trellis.session.End;
             * }}
             */
            End.create = function(properties) {
                return new End(properties);
            };

            /**
             * Encodes the specified End message. Does not implicitly {@link trellis.session.End.verify|verify} messages.
             * @function encode
             * @memberof trellis.session.End
             * @static
             * @param {trellis.session.End.$Properties} m End message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            End.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code"))
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.code);
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal") && m.signal !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.signal);
                if (m.errorCode != null && $Object.hasOwnProperty.call(m, "errorCode") && m.errorCode !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.errorCode);
                if (m.errorMessage != null && $Object.hasOwnProperty.call(m, "errorMessage") && m.errorMessage !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.errorMessage);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified End message, length delimited. Does not implicitly {@link trellis.session.End.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.session.End
             * @static
             * @param {trellis.session.End.$Properties} message End message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            End.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an End message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.session.End
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.session.End & trellis.session.End.$Shape} End
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            End.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.session.End();
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
                            if (u !== 0)
                                break;
                            m.code = r.int32();
                            m._code = "code";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signal = v;
                            else
                                delete m.signal;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.errorCode = v;
                            else
                                delete m.errorCode;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.errorMessage = v;
                            else
                                delete m.errorMessage;
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
             * Decodes an End message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.session.End
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.session.End & trellis.session.End.$Shape} End
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            End.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an End message.
             * @function verify
             * @memberof trellis.session.End
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            End.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    p._code = 1;
                    if (!$util.isInteger(m.code))
                        return "code: integer expected";
                }
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal")) {
                    if (!$util.isString(m.signal))
                        return "signal: string expected";
                }
                if (m.errorCode != null && $Object.hasOwnProperty.call(m, "errorCode")) {
                    if (!$util.isString(m.errorCode))
                        return "errorCode: string expected";
                }
                if (m.errorMessage != null && $Object.hasOwnProperty.call(m, "errorMessage")) {
                    if (!$util.isString(m.errorMessage))
                        return "errorMessage: string expected";
                }
                return null;
            };

            /**
             * Creates an End message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.session.End
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.session.End} End
             */
            End.fromObject = function (d, q) {
                if (d instanceof $root.trellis.session.End)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.session.End: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.session.End();
                if (d.code != null) {
                    m.code = d.code | 0;
                }
                if (d.signal != null) {
                    if (typeof d.signal !== "string" || d.signal.length) {
                        m.signal = $String(d.signal);
                    }
                }
                if (d.errorCode != null) {
                    if (typeof d.errorCode !== "string" || d.errorCode.length) {
                        m.errorCode = $String(d.errorCode);
                    }
                }
                if (d.errorMessage != null) {
                    if (typeof d.errorMessage !== "string" || d.errorMessage.length) {
                        m.errorMessage = $String(d.errorMessage);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an End message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.session.End
             * @static
             * @param {trellis.session.End} m End
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            End.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.signal = "";
                    d.errorCode = "";
                    d.errorMessage = "";
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    d.code = m.code;
                }
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal")) {
                    d.signal = m.signal;
                }
                if (m.errorCode != null && $Object.hasOwnProperty.call(m, "errorCode")) {
                    d.errorCode = m.errorCode;
                }
                if (m.errorMessage != null && $Object.hasOwnProperty.call(m, "errorMessage")) {
                    d.errorMessage = m.errorMessage;
                }
                return d;
            };

            /**
             * Converts this End to JSON.
             * @function toJSON
             * @memberof trellis.session.End
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            End.prototype.toJSON = function() {
                return End.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for End
             * @function getTypeUrl
             * @memberof trellis.session.End
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            End.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.session.End";
            };

            return End;
        })();

        session.Control = (function() {

            /**
             * Properties of a Control.
             * @typedef {Object} trellis.session.Control.$Properties
             * @property {trellis.session.Open.$Properties|null} [open] Control open
             * @property {trellis.session.Resize.$Properties|null} [resize] Control resize
             * @property {boolean|null} [eof] Control eof
             * @property {trellis.session.End.$Properties|null} [end] Control end
             * @property {"open"|"resize"|"eof"|"end"} [kind] Control kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Control.
             * @memberof trellis.session
             * @interface IControl
             * @augments trellis.session.Control.$Properties
             * @deprecated Use trellis.session.Control.$Properties instead.
             */

            /**
             * Narrowed shape of a Control.
             * @typedef {{
             *   open?: trellis.session.Open.$Shape|null;
             *   resize?: trellis.session.Resize.$Shape|null;
             *   eof?: boolean|null;
             *   end?: trellis.session.End.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; open?: null; resize?: null; eof?: null; end?: null }|{ kind?: "open"; open: trellis.session.Open.$Shape; resize?: null; eof?: null; end?: null }|{ kind?: "resize"; open?: null; resize: trellis.session.Resize.$Shape; eof?: null; end?: null }|{ kind?: "eof"; open?: null; resize?: null; eof: boolean; end?: null }|{ kind?: "end"; open?: null; resize?: null; eof?: null; end: trellis.session.End.$Shape })
             * )} trellis.session.Control.$Shape
             */

            /**
             * Constructs a new Control.
             * @memberof trellis.session
             * @classdesc Represents a Control.
             * @constructor
             * @param {trellis.session.Control.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Control = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Control open.
             * @member {trellis.session.Open.$Properties|null|undefined} open
             * @memberof trellis.session.Control
             * @instance
             */
            Control.prototype.open = null;

            /**
             * Control resize.
             * @member {trellis.session.Resize.$Properties|null|undefined} resize
             * @memberof trellis.session.Control
             * @instance
             */
            Control.prototype.resize = null;

            /**
             * Control eof.
             * @member {boolean|null|undefined} eof
             * @memberof trellis.session.Control
             * @instance
             */
            Control.prototype.eof = null;

            /**
             * Control end.
             * @member {trellis.session.End.$Properties|null|undefined} end
             * @memberof trellis.session.Control
             * @instance
             */
            Control.prototype.end = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Control kind.
             * @member {"open"|"resize"|"eof"|"end"|undefined} kind
             * @memberof trellis.session.Control
             * @instance
             */
            $Object.defineProperty(Control.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["open", "resize", "eof", "end"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Control instance using the specified properties.
             * @function create
             * @memberof trellis.session.Control
             * @static
             * @param {trellis.session.Control.$Properties=} [properties] Properties to set
             * @returns {trellis.session.Control} Control instance
             * @type {{
             *   (properties: trellis.session.Control.$Shape): trellis.session.Control & trellis.session.Control.$Shape;
             *   (properties?: trellis.session.Control.$Properties): trellis.session.Control;
             * }}
             */
            Control.create = function(properties) {
                return new Control(properties);
            };

            /**
             * Encodes the specified Control message. Does not implicitly {@link trellis.session.Control.verify|verify} messages.
             * @function encode
             * @memberof trellis.session.Control
             * @static
             * @param {trellis.session.Control.$Properties} m Control message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Control.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.open != null && $Object.hasOwnProperty.call(m, "open"))
                    $root.trellis.session.Open.encode(m.open, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.resize != null && $Object.hasOwnProperty.call(m, "resize"))
                    $root.trellis.session.Resize.encode(m.resize, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof"))
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.eof);
                if (m.end != null && $Object.hasOwnProperty.call(m, "end"))
                    $root.trellis.session.End.encode(m.end, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Control message, length delimited. Does not implicitly {@link trellis.session.Control.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.session.Control
             * @static
             * @param {trellis.session.Control.$Properties} message Control message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Control.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Control message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.session.Control
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.session.Control & trellis.session.Control.$Shape} Control
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Control.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.trellis.session.Control();
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
                            m.open = $root.trellis.session.Open.decode(r, r.size(), $undefined, q + 1, m.open);
                            m.kind = "open";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.resize = $root.trellis.session.Resize.decode(r, r.size(), $undefined, q + 1, m.resize);
                            m.kind = "resize";
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.eof = r.bool();
                            m.kind = "eof";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.end = $root.trellis.session.End.decode(r, r.size(), $undefined, q + 1, m.end);
                            m.kind = "end";
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
             * Decodes a Control message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.session.Control
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.session.Control & trellis.session.Control.$Shape} Control
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Control.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Control message.
             * @function verify
             * @memberof trellis.session.Control
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Control.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.open != null && $Object.hasOwnProperty.call(m, "open")) {
                    p.kind = 1;
                    {
                        var e = $root.trellis.session.Open.verify(m.open, q + 1);
                        if (e)
                            return "open." + e;
                    }
                }
                if (m.resize != null && $Object.hasOwnProperty.call(m, "resize")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.session.Resize.verify(m.resize, q + 1);
                        if (e)
                            return "resize." + e;
                    }
                }
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    if (typeof m.eof !== "boolean")
                        return "eof: boolean expected";
                }
                if (m.end != null && $Object.hasOwnProperty.call(m, "end")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.session.End.verify(m.end, q + 1);
                        if (e)
                            return "end." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a Control message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.session.Control
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.session.Control} Control
             */
            Control.fromObject = function (d, q) {
                if (d instanceof $root.trellis.session.Control)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.session.Control: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.session.Control();
                if (d.open != null) {
                    if (!$util.isObject(d.open))
                        throw $TypeError(".trellis.session.Control.open: object expected");
                    m.open = $root.trellis.session.Open.fromObject(d.open, q + 1);
                }
                if (d.resize != null) {
                    if (!$util.isObject(d.resize))
                        throw $TypeError(".trellis.session.Control.resize: object expected");
                    m.resize = $root.trellis.session.Resize.fromObject(d.resize, q + 1);
                }
                if (d.eof != null) {
                    m.eof = $Boolean(d.eof);
                }
                if (d.end != null) {
                    if (!$util.isObject(d.end))
                        throw $TypeError(".trellis.session.Control.end: object expected");
                    m.end = $root.trellis.session.End.fromObject(d.end, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Control message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.session.Control
             * @static
             * @param {trellis.session.Control} m Control
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Control.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.open != null && $Object.hasOwnProperty.call(m, "open")) {
                    d.open = $root.trellis.session.Open.toObject(m.open, o, q + 1);
                    if (o.oneofs)
                        d.kind = "open";
                }
                if (m.resize != null && $Object.hasOwnProperty.call(m, "resize")) {
                    d.resize = $root.trellis.session.Resize.toObject(m.resize, o, q + 1);
                    if (o.oneofs)
                        d.kind = "resize";
                }
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof")) {
                    d.eof = m.eof;
                    if (o.oneofs)
                        d.kind = "eof";
                }
                if (m.end != null && $Object.hasOwnProperty.call(m, "end")) {
                    d.end = $root.trellis.session.End.toObject(m.end, o, q + 1);
                    if (o.oneofs)
                        d.kind = "end";
                }
                return d;
            };

            /**
             * Converts this Control to JSON.
             * @function toJSON
             * @memberof trellis.session.Control
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Control.prototype.toJSON = function() {
                return Control.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Control
             * @function getTypeUrl
             * @memberof trellis.session.Control
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Control.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.session.Control";
            };

            return Control;
        })();

        return session;
    })();

    trellis.state = (function() {

        /**
         * Namespace state.
         * @memberof trellis
         * @namespace
         */
        const state = {};

        state.Command = (function() {

            /**
             * Properties of a Command.
             * @typedef {Object} trellis.state.Command.$Properties
             * @property {number|null} [version] Command version
             * @property {trellis.state.PutApp.$Properties|null} [putApp] Command putApp
             * @property {trellis.state.DeleteApp.$Properties|null} [deleteApp] Command deleteApp
             * @property {trellis.state.PlaceApp.$Properties|null} [placeApp] Command placeApp
             * @property {trellis.state.SetNodeAdmin.$Properties|null} [setNodeAdmin] Command setNodeAdmin
             * @property {trellis.state.UpdateVolume.$Properties|null} [updateVolume] Command updateVolume
             * @property {trellis.state.CopyVolume.$Properties|null} [copyVolume] Command copyVolume
             * @property {trellis.state.DeleteSnapshot.$Properties|null} [deleteSnapshot] Command deleteSnapshot
             * @property {trellis.state.PutImage.$Properties|null} [putImage] Command putImage
             * @property {trellis.state.DeleteImage.$Properties|null} [deleteImage] Command deleteImage
             * @property {trellis.state.ImageHeld.$Properties|null} [imageHeld] Command imageHeld
             * @property {trellis.state.PutToken.$Properties|null} [putToken] Command putToken
             * @property {trellis.state.RevokeToken.$Properties|null} [revokeToken] Command revokeToken
             * @property {trellis.state.SetPower.$Properties|null} [setPower] Command setPower
             * @property {trellis.state.RevokeNode.$Properties|null} [revokeNode] Command revokeNode
             * @property {"putApp"|"deleteApp"|"placeApp"|"setNodeAdmin"|"updateVolume"|"copyVolume"|"deleteSnapshot"|"putImage"|"deleteImage"|"imageHeld"|"putToken"|"revokeToken"|"setPower"|"revokeNode"} [kind] Command kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Command.
             * @memberof trellis.state
             * @interface ICommand
             * @augments trellis.state.Command.$Properties
             * @deprecated Use trellis.state.Command.$Properties instead.
             */

            /**
             * Narrowed shape of a Command.
             * @typedef {{
             *   version?: number|null;
             *   putApp?: trellis.state.PutApp.$Shape|null;
             *   deleteApp?: trellis.state.DeleteApp.$Shape|null;
             *   placeApp?: trellis.state.PlaceApp.$Shape|null;
             *   setNodeAdmin?: trellis.state.SetNodeAdmin.$Shape|null;
             *   updateVolume?: trellis.state.UpdateVolume.$Shape|null;
             *   copyVolume?: trellis.state.CopyVolume.$Shape|null;
             *   deleteSnapshot?: trellis.state.DeleteSnapshot.$Shape|null;
             *   putImage?: trellis.state.PutImage.$Shape|null;
             *   deleteImage?: trellis.state.DeleteImage.$Shape|null;
             *   imageHeld?: trellis.state.ImageHeld.$Shape|null;
             *   putToken?: trellis.state.PutToken.$Shape|null;
             *   revokeToken?: trellis.state.RevokeToken.$Shape|null;
             *   setPower?: trellis.state.SetPower.$Shape|null;
             *   revokeNode?: trellis.state.RevokeNode.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "putApp"; putApp: trellis.state.PutApp.$Shape; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "deleteApp"; putApp?: null; deleteApp: trellis.state.DeleteApp.$Shape; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "placeApp"; putApp?: null; deleteApp?: null; placeApp: trellis.state.PlaceApp.$Shape; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "setNodeAdmin"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin: trellis.state.SetNodeAdmin.$Shape; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "updateVolume"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume: trellis.state.UpdateVolume.$Shape; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "copyVolume"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume: trellis.state.CopyVolume.$Shape; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "deleteSnapshot"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot: trellis.state.DeleteSnapshot.$Shape; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "putImage"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage: trellis.state.PutImage.$Shape; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "deleteImage"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage: trellis.state.DeleteImage.$Shape; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "imageHeld"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld: trellis.state.ImageHeld.$Shape; putToken?: null; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "putToken"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken: trellis.state.PutToken.$Shape; revokeToken?: null; setPower?: null; revokeNode?: null }|{ kind?: "revokeToken"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken: trellis.state.RevokeToken.$Shape; setPower?: null; revokeNode?: null }|{ kind?: "setPower"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower: trellis.state.SetPower.$Shape; revokeNode?: null }|{ kind?: "revokeNode"; putApp?: null; deleteApp?: null; placeApp?: null; setNodeAdmin?: null; updateVolume?: null; copyVolume?: null; deleteSnapshot?: null; putImage?: null; deleteImage?: null; imageHeld?: null; putToken?: null; revokeToken?: null; setPower?: null; revokeNode: trellis.state.RevokeNode.$Shape })
             * )} trellis.state.Command.$Shape
             */

            /**
             * Constructs a new Command.
             * @memberof trellis.state
             * @classdesc Represents a Command.
             * @constructor
             * @param {trellis.state.Command.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Command = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Command version.
             * @member {number} version
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.version = 0;

            /**
             * Command putApp.
             * @member {trellis.state.PutApp.$Properties|null|undefined} putApp
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.putApp = null;

            /**
             * Command deleteApp.
             * @member {trellis.state.DeleteApp.$Properties|null|undefined} deleteApp
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.deleteApp = null;

            /**
             * Command placeApp.
             * @member {trellis.state.PlaceApp.$Properties|null|undefined} placeApp
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.placeApp = null;

            /**
             * Command setNodeAdmin.
             * @member {trellis.state.SetNodeAdmin.$Properties|null|undefined} setNodeAdmin
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.setNodeAdmin = null;

            /**
             * Command updateVolume.
             * @member {trellis.state.UpdateVolume.$Properties|null|undefined} updateVolume
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.updateVolume = null;

            /**
             * Command copyVolume.
             * @member {trellis.state.CopyVolume.$Properties|null|undefined} copyVolume
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.copyVolume = null;

            /**
             * Command deleteSnapshot.
             * @member {trellis.state.DeleteSnapshot.$Properties|null|undefined} deleteSnapshot
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.deleteSnapshot = null;

            /**
             * Command putImage.
             * @member {trellis.state.PutImage.$Properties|null|undefined} putImage
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.putImage = null;

            /**
             * Command deleteImage.
             * @member {trellis.state.DeleteImage.$Properties|null|undefined} deleteImage
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.deleteImage = null;

            /**
             * Command imageHeld.
             * @member {trellis.state.ImageHeld.$Properties|null|undefined} imageHeld
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.imageHeld = null;

            /**
             * Command putToken.
             * @member {trellis.state.PutToken.$Properties|null|undefined} putToken
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.putToken = null;

            /**
             * Command revokeToken.
             * @member {trellis.state.RevokeToken.$Properties|null|undefined} revokeToken
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.revokeToken = null;

            /**
             * Command setPower.
             * @member {trellis.state.SetPower.$Properties|null|undefined} setPower
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.setPower = null;

            /**
             * Command revokeNode.
             * @member {trellis.state.RevokeNode.$Properties|null|undefined} revokeNode
             * @memberof trellis.state.Command
             * @instance
             */
            Command.prototype.revokeNode = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Command kind.
             * @member {"putApp"|"deleteApp"|"placeApp"|"setNodeAdmin"|"updateVolume"|"copyVolume"|"deleteSnapshot"|"putImage"|"deleteImage"|"imageHeld"|"putToken"|"revokeToken"|"setPower"|"revokeNode"|undefined} kind
             * @memberof trellis.state.Command
             * @instance
             */
            $Object.defineProperty(Command.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["putApp", "deleteApp", "placeApp", "setNodeAdmin", "updateVolume", "copyVolume", "deleteSnapshot", "putImage", "deleteImage", "imageHeld", "putToken", "revokeToken", "setPower", "revokeNode"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Command instance using the specified properties.
             * @function create
             * @memberof trellis.state.Command
             * @static
             * @param {trellis.state.Command.$Properties=} [properties] Properties to set
             * @returns {trellis.state.Command} Command instance
             * @type {{
             *   (properties: trellis.state.Command.$Shape): trellis.state.Command & trellis.state.Command.$Shape;
             *   (properties?: trellis.state.Command.$Properties): trellis.state.Command;
             * }}
             */
            Command.create = function(properties) {
                return new Command(properties);
            };

            /**
             * Encodes the specified Command message. Does not implicitly {@link trellis.state.Command.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.Command
             * @static
             * @param {trellis.state.Command.$Properties} m Command message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.version);
                if (m.putApp != null && $Object.hasOwnProperty.call(m, "putApp"))
                    $root.trellis.state.PutApp.encode(m.putApp, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.deleteApp != null && $Object.hasOwnProperty.call(m, "deleteApp"))
                    $root.trellis.state.DeleteApp.encode(m.deleteApp, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.placeApp != null && $Object.hasOwnProperty.call(m, "placeApp"))
                    $root.trellis.state.PlaceApp.encode(m.placeApp, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.setNodeAdmin != null && $Object.hasOwnProperty.call(m, "setNodeAdmin"))
                    $root.trellis.state.SetNodeAdmin.encode(m.setNodeAdmin, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.updateVolume != null && $Object.hasOwnProperty.call(m, "updateVolume"))
                    $root.trellis.state.UpdateVolume.encode(m.updateVolume, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.copyVolume != null && $Object.hasOwnProperty.call(m, "copyVolume"))
                    $root.trellis.state.CopyVolume.encode(m.copyVolume, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.deleteSnapshot != null && $Object.hasOwnProperty.call(m, "deleteSnapshot"))
                    $root.trellis.state.DeleteSnapshot.encode(m.deleteSnapshot, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (m.putImage != null && $Object.hasOwnProperty.call(m, "putImage"))
                    $root.trellis.state.PutImage.encode(m.putImage, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (m.deleteImage != null && $Object.hasOwnProperty.call(m, "deleteImage"))
                    $root.trellis.state.DeleteImage.encode(m.deleteImage, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.imageHeld != null && $Object.hasOwnProperty.call(m, "imageHeld"))
                    $root.trellis.state.ImageHeld.encode(m.imageHeld, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.putToken != null && $Object.hasOwnProperty.call(m, "putToken"))
                    $root.trellis.state.PutToken.encode(m.putToken, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.revokeToken != null && $Object.hasOwnProperty.call(m, "revokeToken"))
                    $root.trellis.state.RevokeToken.encode(m.revokeToken, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.setPower != null && $Object.hasOwnProperty.call(m, "setPower"))
                    $root.trellis.state.SetPower.encode(m.setPower, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (m.revokeNode != null && $Object.hasOwnProperty.call(m, "revokeNode"))
                    $root.trellis.state.RevokeNode.encode(m.revokeNode, w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link trellis.state.Command.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.Command
             * @static
             * @param {trellis.state.Command.$Properties} message Command message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.Command & trellis.state.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.Command();
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
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.putApp = $root.trellis.state.PutApp.decode(r, r.size(), $undefined, q + 1, m.putApp);
                            m.kind = "putApp";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.deleteApp = $root.trellis.state.DeleteApp.decode(r, r.size(), $undefined, q + 1, m.deleteApp);
                            m.kind = "deleteApp";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.placeApp = $root.trellis.state.PlaceApp.decode(r, r.size(), $undefined, q + 1, m.placeApp);
                            m.kind = "placeApp";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.setNodeAdmin = $root.trellis.state.SetNodeAdmin.decode(r, r.size(), $undefined, q + 1, m.setNodeAdmin);
                            m.kind = "setNodeAdmin";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.updateVolume = $root.trellis.state.UpdateVolume.decode(r, r.size(), $undefined, q + 1, m.updateVolume);
                            m.kind = "updateVolume";
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.copyVolume = $root.trellis.state.CopyVolume.decode(r, r.size(), $undefined, q + 1, m.copyVolume);
                            m.kind = "copyVolume";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.deleteSnapshot = $root.trellis.state.DeleteSnapshot.decode(r, r.size(), $undefined, q + 1, m.deleteSnapshot);
                            m.kind = "deleteSnapshot";
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.putImage = $root.trellis.state.PutImage.decode(r, r.size(), $undefined, q + 1, m.putImage);
                            m.kind = "putImage";
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.deleteImage = $root.trellis.state.DeleteImage.decode(r, r.size(), $undefined, q + 1, m.deleteImage);
                            m.kind = "deleteImage";
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.imageHeld = $root.trellis.state.ImageHeld.decode(r, r.size(), $undefined, q + 1, m.imageHeld);
                            m.kind = "imageHeld";
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.putToken = $root.trellis.state.PutToken.decode(r, r.size(), $undefined, q + 1, m.putToken);
                            m.kind = "putToken";
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.revokeToken = $root.trellis.state.RevokeToken.decode(r, r.size(), $undefined, q + 1, m.revokeToken);
                            m.kind = "revokeToken";
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            m.setPower = $root.trellis.state.SetPower.decode(r, r.size(), $undefined, q + 1, m.setPower);
                            m.kind = "setPower";
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            m.revokeNode = $root.trellis.state.RevokeNode.decode(r, r.size(), $undefined, q + 1, m.revokeNode);
                            m.kind = "revokeNode";
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
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.Command & trellis.state.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Command message.
             * @function verify
             * @memberof trellis.state.Command
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Command.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isInteger(m.version))
                        return "version: integer expected";
                }
                if (m.putApp != null && $Object.hasOwnProperty.call(m, "putApp")) {
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.PutApp.verify(m.putApp, q + 1);
                        if (e)
                            return "putApp." + e;
                    }
                }
                if (m.deleteApp != null && $Object.hasOwnProperty.call(m, "deleteApp")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.DeleteApp.verify(m.deleteApp, q + 1);
                        if (e)
                            return "deleteApp." + e;
                    }
                }
                if (m.placeApp != null && $Object.hasOwnProperty.call(m, "placeApp")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.PlaceApp.verify(m.placeApp, q + 1);
                        if (e)
                            return "placeApp." + e;
                    }
                }
                if (m.setNodeAdmin != null && $Object.hasOwnProperty.call(m, "setNodeAdmin")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.SetNodeAdmin.verify(m.setNodeAdmin, q + 1);
                        if (e)
                            return "setNodeAdmin." + e;
                    }
                }
                if (m.updateVolume != null && $Object.hasOwnProperty.call(m, "updateVolume")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.UpdateVolume.verify(m.updateVolume, q + 1);
                        if (e)
                            return "updateVolume." + e;
                    }
                }
                if (m.copyVolume != null && $Object.hasOwnProperty.call(m, "copyVolume")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.CopyVolume.verify(m.copyVolume, q + 1);
                        if (e)
                            return "copyVolume." + e;
                    }
                }
                if (m.deleteSnapshot != null && $Object.hasOwnProperty.call(m, "deleteSnapshot")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.DeleteSnapshot.verify(m.deleteSnapshot, q + 1);
                        if (e)
                            return "deleteSnapshot." + e;
                    }
                }
                if (m.putImage != null && $Object.hasOwnProperty.call(m, "putImage")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.PutImage.verify(m.putImage, q + 1);
                        if (e)
                            return "putImage." + e;
                    }
                }
                if (m.deleteImage != null && $Object.hasOwnProperty.call(m, "deleteImage")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.DeleteImage.verify(m.deleteImage, q + 1);
                        if (e)
                            return "deleteImage." + e;
                    }
                }
                if (m.imageHeld != null && $Object.hasOwnProperty.call(m, "imageHeld")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.ImageHeld.verify(m.imageHeld, q + 1);
                        if (e)
                            return "imageHeld." + e;
                    }
                }
                if (m.putToken != null && $Object.hasOwnProperty.call(m, "putToken")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.PutToken.verify(m.putToken, q + 1);
                        if (e)
                            return "putToken." + e;
                    }
                }
                if (m.revokeToken != null && $Object.hasOwnProperty.call(m, "revokeToken")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.RevokeToken.verify(m.revokeToken, q + 1);
                        if (e)
                            return "revokeToken." + e;
                    }
                }
                if (m.setPower != null && $Object.hasOwnProperty.call(m, "setPower")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.SetPower.verify(m.setPower, q + 1);
                        if (e)
                            return "setPower." + e;
                    }
                }
                if (m.revokeNode != null && $Object.hasOwnProperty.call(m, "revokeNode")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.trellis.state.RevokeNode.verify(m.revokeNode, q + 1);
                        if (e)
                            return "revokeNode." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.Command
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.Command} Command
             */
            Command.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.Command)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.Command: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.Command();
                if (d.version != null) {
                    if ($Number(d.version) !== 0) {
                        m.version = d.version >>> 0;
                    }
                }
                if (d.putApp != null) {
                    if (!$util.isObject(d.putApp))
                        throw $TypeError(".trellis.state.Command.putApp: object expected");
                    m.putApp = $root.trellis.state.PutApp.fromObject(d.putApp, q + 1);
                }
                if (d.deleteApp != null) {
                    if (!$util.isObject(d.deleteApp))
                        throw $TypeError(".trellis.state.Command.deleteApp: object expected");
                    m.deleteApp = $root.trellis.state.DeleteApp.fromObject(d.deleteApp, q + 1);
                }
                if (d.placeApp != null) {
                    if (!$util.isObject(d.placeApp))
                        throw $TypeError(".trellis.state.Command.placeApp: object expected");
                    m.placeApp = $root.trellis.state.PlaceApp.fromObject(d.placeApp, q + 1);
                }
                if (d.setNodeAdmin != null) {
                    if (!$util.isObject(d.setNodeAdmin))
                        throw $TypeError(".trellis.state.Command.setNodeAdmin: object expected");
                    m.setNodeAdmin = $root.trellis.state.SetNodeAdmin.fromObject(d.setNodeAdmin, q + 1);
                }
                if (d.updateVolume != null) {
                    if (!$util.isObject(d.updateVolume))
                        throw $TypeError(".trellis.state.Command.updateVolume: object expected");
                    m.updateVolume = $root.trellis.state.UpdateVolume.fromObject(d.updateVolume, q + 1);
                }
                if (d.copyVolume != null) {
                    if (!$util.isObject(d.copyVolume))
                        throw $TypeError(".trellis.state.Command.copyVolume: object expected");
                    m.copyVolume = $root.trellis.state.CopyVolume.fromObject(d.copyVolume, q + 1);
                }
                if (d.deleteSnapshot != null) {
                    if (!$util.isObject(d.deleteSnapshot))
                        throw $TypeError(".trellis.state.Command.deleteSnapshot: object expected");
                    m.deleteSnapshot = $root.trellis.state.DeleteSnapshot.fromObject(d.deleteSnapshot, q + 1);
                }
                if (d.putImage != null) {
                    if (!$util.isObject(d.putImage))
                        throw $TypeError(".trellis.state.Command.putImage: object expected");
                    m.putImage = $root.trellis.state.PutImage.fromObject(d.putImage, q + 1);
                }
                if (d.deleteImage != null) {
                    if (!$util.isObject(d.deleteImage))
                        throw $TypeError(".trellis.state.Command.deleteImage: object expected");
                    m.deleteImage = $root.trellis.state.DeleteImage.fromObject(d.deleteImage, q + 1);
                }
                if (d.imageHeld != null) {
                    if (!$util.isObject(d.imageHeld))
                        throw $TypeError(".trellis.state.Command.imageHeld: object expected");
                    m.imageHeld = $root.trellis.state.ImageHeld.fromObject(d.imageHeld, q + 1);
                }
                if (d.putToken != null) {
                    if (!$util.isObject(d.putToken))
                        throw $TypeError(".trellis.state.Command.putToken: object expected");
                    m.putToken = $root.trellis.state.PutToken.fromObject(d.putToken, q + 1);
                }
                if (d.revokeToken != null) {
                    if (!$util.isObject(d.revokeToken))
                        throw $TypeError(".trellis.state.Command.revokeToken: object expected");
                    m.revokeToken = $root.trellis.state.RevokeToken.fromObject(d.revokeToken, q + 1);
                }
                if (d.setPower != null) {
                    if (!$util.isObject(d.setPower))
                        throw $TypeError(".trellis.state.Command.setPower: object expected");
                    m.setPower = $root.trellis.state.SetPower.fromObject(d.setPower, q + 1);
                }
                if (d.revokeNode != null) {
                    if (!$util.isObject(d.revokeNode))
                        throw $TypeError(".trellis.state.Command.revokeNode: object expected");
                    m.revokeNode = $root.trellis.state.RevokeNode.fromObject(d.revokeNode, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.Command
             * @static
             * @param {trellis.state.Command} m Command
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Command.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.version = 0;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.putApp != null && $Object.hasOwnProperty.call(m, "putApp")) {
                    d.putApp = $root.trellis.state.PutApp.toObject(m.putApp, o, q + 1);
                    if (o.oneofs)
                        d.kind = "putApp";
                }
                if (m.deleteApp != null && $Object.hasOwnProperty.call(m, "deleteApp")) {
                    d.deleteApp = $root.trellis.state.DeleteApp.toObject(m.deleteApp, o, q + 1);
                    if (o.oneofs)
                        d.kind = "deleteApp";
                }
                if (m.placeApp != null && $Object.hasOwnProperty.call(m, "placeApp")) {
                    d.placeApp = $root.trellis.state.PlaceApp.toObject(m.placeApp, o, q + 1);
                    if (o.oneofs)
                        d.kind = "placeApp";
                }
                if (m.setNodeAdmin != null && $Object.hasOwnProperty.call(m, "setNodeAdmin")) {
                    d.setNodeAdmin = $root.trellis.state.SetNodeAdmin.toObject(m.setNodeAdmin, o, q + 1);
                    if (o.oneofs)
                        d.kind = "setNodeAdmin";
                }
                if (m.updateVolume != null && $Object.hasOwnProperty.call(m, "updateVolume")) {
                    d.updateVolume = $root.trellis.state.UpdateVolume.toObject(m.updateVolume, o, q + 1);
                    if (o.oneofs)
                        d.kind = "updateVolume";
                }
                if (m.copyVolume != null && $Object.hasOwnProperty.call(m, "copyVolume")) {
                    d.copyVolume = $root.trellis.state.CopyVolume.toObject(m.copyVolume, o, q + 1);
                    if (o.oneofs)
                        d.kind = "copyVolume";
                }
                if (m.deleteSnapshot != null && $Object.hasOwnProperty.call(m, "deleteSnapshot")) {
                    d.deleteSnapshot = $root.trellis.state.DeleteSnapshot.toObject(m.deleteSnapshot, o, q + 1);
                    if (o.oneofs)
                        d.kind = "deleteSnapshot";
                }
                if (m.putImage != null && $Object.hasOwnProperty.call(m, "putImage")) {
                    d.putImage = $root.trellis.state.PutImage.toObject(m.putImage, o, q + 1);
                    if (o.oneofs)
                        d.kind = "putImage";
                }
                if (m.deleteImage != null && $Object.hasOwnProperty.call(m, "deleteImage")) {
                    d.deleteImage = $root.trellis.state.DeleteImage.toObject(m.deleteImage, o, q + 1);
                    if (o.oneofs)
                        d.kind = "deleteImage";
                }
                if (m.imageHeld != null && $Object.hasOwnProperty.call(m, "imageHeld")) {
                    d.imageHeld = $root.trellis.state.ImageHeld.toObject(m.imageHeld, o, q + 1);
                    if (o.oneofs)
                        d.kind = "imageHeld";
                }
                if (m.putToken != null && $Object.hasOwnProperty.call(m, "putToken")) {
                    d.putToken = $root.trellis.state.PutToken.toObject(m.putToken, o, q + 1);
                    if (o.oneofs)
                        d.kind = "putToken";
                }
                if (m.revokeToken != null && $Object.hasOwnProperty.call(m, "revokeToken")) {
                    d.revokeToken = $root.trellis.state.RevokeToken.toObject(m.revokeToken, o, q + 1);
                    if (o.oneofs)
                        d.kind = "revokeToken";
                }
                if (m.setPower != null && $Object.hasOwnProperty.call(m, "setPower")) {
                    d.setPower = $root.trellis.state.SetPower.toObject(m.setPower, o, q + 1);
                    if (o.oneofs)
                        d.kind = "setPower";
                }
                if (m.revokeNode != null && $Object.hasOwnProperty.call(m, "revokeNode")) {
                    d.revokeNode = $root.trellis.state.RevokeNode.toObject(m.revokeNode, o, q + 1);
                    if (o.oneofs)
                        d.kind = "revokeNode";
                }
                return d;
            };

            /**
             * Converts this Command to JSON.
             * @function toJSON
             * @memberof trellis.state.Command
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Command.prototype.toJSON = function() {
                return Command.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Command
             * @function getTypeUrl
             * @memberof trellis.state.Command
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Command.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.Command";
            };

            return Command;
        })();

        state.PutApp = (function() {

            /**
             * Properties of a PutApp.
             * @typedef {Object} trellis.state.PutApp.$Properties
             * @property {string|null} [name] PutApp name
             * @property {string|null} [specJson] PutApp specJson
             * @property {string|null} [source] PutApp source
             * @property {string|null} [homeNode] PutApp homeNode
             * @property {number|null} [rollbackOf] PutApp rollbackOf
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PutApp.
             * @memberof trellis.state
             * @interface IPutApp
             * @augments trellis.state.PutApp.$Properties
             * @deprecated Use trellis.state.PutApp.$Properties instead.
             */

            /**
             * Shape of a PutApp.
             * @typedef {trellis.state.PutApp.$Properties} trellis.state.PutApp.$Shape
             */

            /**
             * Constructs a new PutApp.
             * @memberof trellis.state
             * @classdesc Represents a PutApp.
             * @constructor
             * @param {trellis.state.PutApp.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PutApp = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PutApp name.
             * @member {string} name
             * @memberof trellis.state.PutApp
             * @instance
             */
            PutApp.prototype.name = "";

            /**
             * PutApp specJson.
             * @member {string} specJson
             * @memberof trellis.state.PutApp
             * @instance
             */
            PutApp.prototype.specJson = "";

            /**
             * PutApp source.
             * @member {string} source
             * @memberof trellis.state.PutApp
             * @instance
             */
            PutApp.prototype.source = "";

            /**
             * PutApp homeNode.
             * @member {string} homeNode
             * @memberof trellis.state.PutApp
             * @instance
             */
            PutApp.prototype.homeNode = "";

            /**
             * PutApp rollbackOf.
             * @member {number} rollbackOf
             * @memberof trellis.state.PutApp
             * @instance
             */
            PutApp.prototype.rollbackOf = 0;

            /**
             * Creates a new PutApp instance using the specified properties.
             * @function create
             * @memberof trellis.state.PutApp
             * @static
             * @param {trellis.state.PutApp.$Properties=} [properties] Properties to set
             * @returns {trellis.state.PutApp} PutApp instance
             * @type {{
             *   (properties: trellis.state.PutApp.$Shape): trellis.state.PutApp & trellis.state.PutApp.$Shape;
             *   (properties?: trellis.state.PutApp.$Properties): trellis.state.PutApp;
             * }}
             */
            PutApp.create = function(properties) {
                return new PutApp(properties);
            };

            /**
             * Encodes the specified PutApp message. Does not implicitly {@link trellis.state.PutApp.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.PutApp
             * @static
             * @param {trellis.state.PutApp.$Properties} m PutApp message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutApp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.specJson != null && $Object.hasOwnProperty.call(m, "specJson") && m.specJson !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.specJson);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.source);
                if (m.homeNode != null && $Object.hasOwnProperty.call(m, "homeNode") && m.homeNode !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.homeNode);
                if (m.rollbackOf != null && $Object.hasOwnProperty.call(m, "rollbackOf") && m.rollbackOf !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.rollbackOf);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PutApp message, length delimited. Does not implicitly {@link trellis.state.PutApp.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.PutApp
             * @static
             * @param {trellis.state.PutApp.$Properties} message PutApp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutApp.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PutApp message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.PutApp
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.PutApp & trellis.state.PutApp.$Shape} PutApp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutApp.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.PutApp();
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
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.specJson = v;
                            else
                                delete m.specJson;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.homeNode = v;
                            else
                                delete m.homeNode;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.rollbackOf = v;
                            else
                                delete m.rollbackOf;
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
             * Decodes a PutApp message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.PutApp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.PutApp & trellis.state.PutApp.$Shape} PutApp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutApp.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PutApp message.
             * @function verify
             * @memberof trellis.state.PutApp
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PutApp.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.specJson != null && $Object.hasOwnProperty.call(m, "specJson")) {
                    if (!$util.isString(m.specJson))
                        return "specJson: string expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.homeNode != null && $Object.hasOwnProperty.call(m, "homeNode")) {
                    if (!$util.isString(m.homeNode))
                        return "homeNode: string expected";
                }
                if (m.rollbackOf != null && $Object.hasOwnProperty.call(m, "rollbackOf")) {
                    if (!$util.isInteger(m.rollbackOf))
                        return "rollbackOf: integer expected";
                }
                return null;
            };

            /**
             * Creates a PutApp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.PutApp
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.PutApp} PutApp
             */
            PutApp.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.PutApp)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.PutApp: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.PutApp();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.specJson != null) {
                    if (typeof d.specJson !== "string" || d.specJson.length) {
                        m.specJson = $String(d.specJson);
                    }
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.homeNode != null) {
                    if (typeof d.homeNode !== "string" || d.homeNode.length) {
                        m.homeNode = $String(d.homeNode);
                    }
                }
                if (d.rollbackOf != null) {
                    if ($Number(d.rollbackOf) !== 0) {
                        m.rollbackOf = d.rollbackOf >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PutApp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.PutApp
             * @static
             * @param {trellis.state.PutApp} m PutApp
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PutApp.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.specJson = "";
                    d.source = "";
                    d.homeNode = "";
                    d.rollbackOf = 0;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.specJson != null && $Object.hasOwnProperty.call(m, "specJson")) {
                    d.specJson = m.specJson;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.homeNode != null && $Object.hasOwnProperty.call(m, "homeNode")) {
                    d.homeNode = m.homeNode;
                }
                if (m.rollbackOf != null && $Object.hasOwnProperty.call(m, "rollbackOf")) {
                    d.rollbackOf = m.rollbackOf;
                }
                return d;
            };

            /**
             * Converts this PutApp to JSON.
             * @function toJSON
             * @memberof trellis.state.PutApp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PutApp.prototype.toJSON = function() {
                return PutApp.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PutApp
             * @function getTypeUrl
             * @memberof trellis.state.PutApp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PutApp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.PutApp";
            };

            return PutApp;
        })();

        state.DeleteApp = (function() {

            /**
             * Properties of a DeleteApp.
             * @typedef {Object} trellis.state.DeleteApp.$Properties
             * @property {string|null} [name] DeleteApp name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeleteApp.
             * @memberof trellis.state
             * @interface IDeleteApp
             * @augments trellis.state.DeleteApp.$Properties
             * @deprecated Use trellis.state.DeleteApp.$Properties instead.
             */

            /**
             * Shape of a DeleteApp.
             * @typedef {trellis.state.DeleteApp.$Properties} trellis.state.DeleteApp.$Shape
             */

            /**
             * Constructs a new DeleteApp.
             * @memberof trellis.state
             * @classdesc Represents a DeleteApp.
             * @constructor
             * @param {trellis.state.DeleteApp.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeleteApp = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DeleteApp name.
             * @member {string} name
             * @memberof trellis.state.DeleteApp
             * @instance
             */
            DeleteApp.prototype.name = "";

            /**
             * Creates a new DeleteApp instance using the specified properties.
             * @function create
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {trellis.state.DeleteApp.$Properties=} [properties] Properties to set
             * @returns {trellis.state.DeleteApp} DeleteApp instance
             * @type {{
             *   (properties: trellis.state.DeleteApp.$Shape): trellis.state.DeleteApp & trellis.state.DeleteApp.$Shape;
             *   (properties?: trellis.state.DeleteApp.$Properties): trellis.state.DeleteApp;
             * }}
             */
            DeleteApp.create = function(properties) {
                return new DeleteApp(properties);
            };

            /**
             * Encodes the specified DeleteApp message. Does not implicitly {@link trellis.state.DeleteApp.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {trellis.state.DeleteApp.$Properties} m DeleteApp message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteApp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified DeleteApp message, length delimited. Does not implicitly {@link trellis.state.DeleteApp.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {trellis.state.DeleteApp.$Properties} message DeleteApp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteApp.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeleteApp message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.DeleteApp & trellis.state.DeleteApp.$Shape} DeleteApp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteApp.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.DeleteApp();
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
                                m.name = v;
                            else
                                delete m.name;
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
             * Decodes a DeleteApp message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.DeleteApp & trellis.state.DeleteApp.$Shape} DeleteApp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteApp.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeleteApp message.
             * @function verify
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeleteApp.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                return null;
            };

            /**
             * Creates a DeleteApp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.DeleteApp} DeleteApp
             */
            DeleteApp.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.DeleteApp)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.DeleteApp: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.DeleteApp();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DeleteApp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {trellis.state.DeleteApp} m DeleteApp
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeleteApp.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            /**
             * Converts this DeleteApp to JSON.
             * @function toJSON
             * @memberof trellis.state.DeleteApp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeleteApp.prototype.toJSON = function() {
                return DeleteApp.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeleteApp
             * @function getTypeUrl
             * @memberof trellis.state.DeleteApp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeleteApp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.DeleteApp";
            };

            return DeleteApp;
        })();

        state.PlaceApp = (function() {

            /**
             * Properties of a PlaceApp.
             * @typedef {Object} trellis.state.PlaceApp.$Properties
             * @property {string|null} [app] PlaceApp app
             * @property {number|Long|null} [appVersion] PlaceApp appVersion
             * @property {Array.<trellis.state.Placement.$Properties>|null} [placements] PlaceApp placements
             * @property {string|null} [reason] PlaceApp reason
             * @property {Array.<trellis.state.VolumeMembers.$Properties>|null} [volumes] PlaceApp volumes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PlaceApp.
             * @memberof trellis.state
             * @interface IPlaceApp
             * @augments trellis.state.PlaceApp.$Properties
             * @deprecated Use trellis.state.PlaceApp.$Properties instead.
             */

            /**
             * Shape of a PlaceApp.
             * @typedef {trellis.state.PlaceApp.$Properties} trellis.state.PlaceApp.$Shape
             */

            /**
             * Constructs a new PlaceApp.
             * @memberof trellis.state
             * @classdesc Represents a PlaceApp.
             * @constructor
             * @param {trellis.state.PlaceApp.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PlaceApp = function (p) {
                this.placements = [];
                this.volumes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PlaceApp app.
             * @member {string} app
             * @memberof trellis.state.PlaceApp
             * @instance
             */
            PlaceApp.prototype.app = "";

            /**
             * PlaceApp appVersion.
             * @member {number|Long} appVersion
             * @memberof trellis.state.PlaceApp
             * @instance
             */
            PlaceApp.prototype.appVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * PlaceApp placements.
             * @member {Array.<trellis.state.Placement.$Properties>} placements
             * @memberof trellis.state.PlaceApp
             * @instance
             */
            PlaceApp.prototype.placements = $util.emptyArray;

            /**
             * PlaceApp reason.
             * @member {string} reason
             * @memberof trellis.state.PlaceApp
             * @instance
             */
            PlaceApp.prototype.reason = "";

            /**
             * PlaceApp volumes.
             * @member {Array.<trellis.state.VolumeMembers.$Properties>} volumes
             * @memberof trellis.state.PlaceApp
             * @instance
             */
            PlaceApp.prototype.volumes = $util.emptyArray;

            /**
             * Creates a new PlaceApp instance using the specified properties.
             * @function create
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {trellis.state.PlaceApp.$Properties=} [properties] Properties to set
             * @returns {trellis.state.PlaceApp} PlaceApp instance
             * @type {{
             *   (properties: trellis.state.PlaceApp.$Shape): trellis.state.PlaceApp & trellis.state.PlaceApp.$Shape;
             *   (properties?: trellis.state.PlaceApp.$Properties): trellis.state.PlaceApp;
             * }}
             */
            PlaceApp.create = function(properties) {
                return new PlaceApp(properties);
            };

            /**
             * Encodes the specified PlaceApp message. Does not implicitly {@link trellis.state.PlaceApp.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {trellis.state.PlaceApp.$Properties} m PlaceApp message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlaceApp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.app != null && $Object.hasOwnProperty.call(m, "app") && m.app !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.app);
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion") && (typeof m.appVersion === "object" ? m.appVersion.low || m.appVersion.high : m.appVersion !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.appVersion);
                if (m.placements != null && m.placements.length) {
                    for (var i = 0; i < m.placements.length; ++i)
                        $root.trellis.state.Placement.encode(m.placements[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.reason);
                if (m.volumes != null && m.volumes.length) {
                    for (var i = 0; i < m.volumes.length; ++i)
                        $root.trellis.state.VolumeMembers.encode(m.volumes[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PlaceApp message, length delimited. Does not implicitly {@link trellis.state.PlaceApp.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {trellis.state.PlaceApp.$Properties} message PlaceApp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlaceApp.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PlaceApp message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.PlaceApp & trellis.state.PlaceApp.$Shape} PlaceApp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlaceApp.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.PlaceApp();
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
                                m.app = v;
                            else
                                delete m.app;
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
                            if (!(m.placements && m.placements.length))
                                m.placements = [];
                            m.placements.push($root.trellis.state.Placement.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.volumes && m.volumes.length))
                                m.volumes = [];
                            m.volumes.push($root.trellis.state.VolumeMembers.decode(r, r.size(), $undefined, q + 1));
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
             * Decodes a PlaceApp message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.PlaceApp & trellis.state.PlaceApp.$Shape} PlaceApp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlaceApp.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PlaceApp message.
             * @function verify
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PlaceApp.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.app != null && $Object.hasOwnProperty.call(m, "app")) {
                    if (!$util.isString(m.app))
                        return "app: string expected";
                }
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion")) {
                    if (!$util.isInteger(m.appVersion) && !(m.appVersion && $util.isInteger(m.appVersion.low) && $util.isInteger(m.appVersion.high)))
                        return "appVersion: integer|Long expected";
                }
                if (m.placements != null && $Object.hasOwnProperty.call(m, "placements")) {
                    if (!$Array.isArray(m.placements))
                        return "placements: array expected";
                    for (var i = 0; i < m.placements.length; ++i) {
                        {
                            var e = $root.trellis.state.Placement.verify(m.placements[i], q + 1);
                            if (e)
                                return "placements." + e;
                        }
                    }
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                if (m.volumes != null && $Object.hasOwnProperty.call(m, "volumes")) {
                    if (!$Array.isArray(m.volumes))
                        return "volumes: array expected";
                    for (var i = 0; i < m.volumes.length; ++i) {
                        {
                            var e = $root.trellis.state.VolumeMembers.verify(m.volumes[i], q + 1);
                            if (e)
                                return "volumes." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a PlaceApp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.PlaceApp} PlaceApp
             */
            PlaceApp.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.PlaceApp)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.PlaceApp: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.PlaceApp();
                if (d.app != null) {
                    if (typeof d.app !== "string" || d.app.length) {
                        m.app = $String(d.app);
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
                if (d.placements) {
                    if (!$Array.isArray(d.placements))
                        throw $TypeError(".trellis.state.PlaceApp.placements: array expected");
                    m.placements = $Array(d.placements.length);
                    for (var i = 0; i < d.placements.length; ++i) {
                        if (!$util.isObject(d.placements[i]))
                            throw $TypeError(".trellis.state.PlaceApp.placements: object expected");
                        m.placements[i] = $root.trellis.state.Placement.fromObject(d.placements[i], q + 1);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                if (d.volumes) {
                    if (!$Array.isArray(d.volumes))
                        throw $TypeError(".trellis.state.PlaceApp.volumes: array expected");
                    m.volumes = $Array(d.volumes.length);
                    for (var i = 0; i < d.volumes.length; ++i) {
                        if (!$util.isObject(d.volumes[i]))
                            throw $TypeError(".trellis.state.PlaceApp.volumes: object expected");
                        m.volumes[i] = $root.trellis.state.VolumeMembers.fromObject(d.volumes[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PlaceApp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {trellis.state.PlaceApp} m PlaceApp
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PlaceApp.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.placements = [];
                    d.volumes = [];
                }
                if (o.defaults) {
                    d.app = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.appVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.appVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.reason = "";
                }
                if (m.app != null && $Object.hasOwnProperty.call(m, "app")) {
                    d.app = m.app;
                }
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.appVersion = typeof m.appVersion === "number" ? $BigInt(m.appVersion) : $util.Long.fromBits(m.appVersion.low >>> 0, m.appVersion.high >>> 0, true).toBigInt();
                    else if (typeof m.appVersion === "number")
                        d.appVersion = o.longs === $String ? $String(m.appVersion) : m.appVersion;
                    else
                        d.appVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.appVersion) : o.longs === $Number ? new $util.LongBits(m.appVersion.low >>> 0, m.appVersion.high >>> 0).toNumber(true) : m.appVersion;
                }
                if (m.placements && m.placements.length) {
                    d.placements = $Array(m.placements.length);
                    for (var j = 0; j < m.placements.length; ++j) {
                        d.placements[j] = $root.trellis.state.Placement.toObject(m.placements[j], o, q + 1);
                    }
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.volumes && m.volumes.length) {
                    d.volumes = $Array(m.volumes.length);
                    for (var j = 0; j < m.volumes.length; ++j) {
                        d.volumes[j] = $root.trellis.state.VolumeMembers.toObject(m.volumes[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this PlaceApp to JSON.
             * @function toJSON
             * @memberof trellis.state.PlaceApp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PlaceApp.prototype.toJSON = function() {
                return PlaceApp.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PlaceApp
             * @function getTypeUrl
             * @memberof trellis.state.PlaceApp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PlaceApp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.PlaceApp";
            };

            return PlaceApp;
        })();

        state.VolumeMembers = (function() {

            /**
             * Properties of a VolumeMembers.
             * @typedef {Object} trellis.state.VolumeMembers.$Properties
             * @property {string|null} [volume] VolumeMembers volume
             * @property {Array.<string>|null} [members] VolumeMembers members
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VolumeMembers.
             * @memberof trellis.state
             * @interface IVolumeMembers
             * @augments trellis.state.VolumeMembers.$Properties
             * @deprecated Use trellis.state.VolumeMembers.$Properties instead.
             */

            /**
             * Shape of a VolumeMembers.
             * @typedef {trellis.state.VolumeMembers.$Properties} trellis.state.VolumeMembers.$Shape
             */

            /**
             * Constructs a new VolumeMembers.
             * @memberof trellis.state
             * @classdesc Represents a VolumeMembers.
             * @constructor
             * @param {trellis.state.VolumeMembers.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VolumeMembers = function (p) {
                this.members = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VolumeMembers volume.
             * @member {string} volume
             * @memberof trellis.state.VolumeMembers
             * @instance
             */
            VolumeMembers.prototype.volume = "";

            /**
             * VolumeMembers members.
             * @member {Array.<string>} members
             * @memberof trellis.state.VolumeMembers
             * @instance
             */
            VolumeMembers.prototype.members = $util.emptyArray;

            /**
             * Creates a new VolumeMembers instance using the specified properties.
             * @function create
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {trellis.state.VolumeMembers.$Properties=} [properties] Properties to set
             * @returns {trellis.state.VolumeMembers} VolumeMembers instance
             * @type {{
             *   (properties: trellis.state.VolumeMembers.$Shape): trellis.state.VolumeMembers & trellis.state.VolumeMembers.$Shape;
             *   (properties?: trellis.state.VolumeMembers.$Properties): trellis.state.VolumeMembers;
             * }}
             */
            VolumeMembers.create = function(properties) {
                return new VolumeMembers(properties);
            };

            /**
             * Encodes the specified VolumeMembers message. Does not implicitly {@link trellis.state.VolumeMembers.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {trellis.state.VolumeMembers.$Properties} m VolumeMembers message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VolumeMembers.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.volume);
                if (m.members != null && m.members.length) {
                    for (var i = 0; i < m.members.length; ++i)
                        w.uint32(/* id 2, wireType 2 =*/18).string(m.members[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified VolumeMembers message, length delimited. Does not implicitly {@link trellis.state.VolumeMembers.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {trellis.state.VolumeMembers.$Properties} message VolumeMembers message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VolumeMembers.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a VolumeMembers message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.VolumeMembers & trellis.state.VolumeMembers.$Shape} VolumeMembers
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VolumeMembers.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.VolumeMembers();
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
                                m.volume = v;
                            else
                                delete m.volume;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.members && m.members.length))
                                m.members = [];
                            m.members.push(r.stringVerify());
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
             * Decodes a VolumeMembers message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.VolumeMembers & trellis.state.VolumeMembers.$Shape} VolumeMembers
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VolumeMembers.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a VolumeMembers message.
             * @function verify
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VolumeMembers.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    if (!$util.isString(m.volume))
                        return "volume: string expected";
                }
                if (m.members != null && $Object.hasOwnProperty.call(m, "members")) {
                    if (!$Array.isArray(m.members))
                        return "members: array expected";
                    for (var i = 0; i < m.members.length; ++i) {
                        if (!$util.isString(m.members[i]))
                            return "members: string[] expected";
                    }
                }
                return null;
            };

            /**
             * Creates a VolumeMembers message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.VolumeMembers} VolumeMembers
             */
            VolumeMembers.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.VolumeMembers)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.VolumeMembers: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.VolumeMembers();
                if (d.volume != null) {
                    if (typeof d.volume !== "string" || d.volume.length) {
                        m.volume = $String(d.volume);
                    }
                }
                if (d.members) {
                    if (!$Array.isArray(d.members))
                        throw $TypeError(".trellis.state.VolumeMembers.members: array expected");
                    m.members = $Array(d.members.length);
                    for (var i = 0; i < d.members.length; ++i) {
                        m.members[i] = $String(d.members[i]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a VolumeMembers message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {trellis.state.VolumeMembers} m VolumeMembers
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VolumeMembers.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.members = [];
                }
                if (o.defaults) {
                    d.volume = "";
                }
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    d.volume = m.volume;
                }
                if (m.members && m.members.length) {
                    d.members = $Array(m.members.length);
                    for (var j = 0; j < m.members.length; ++j) {
                        d.members[j] = m.members[j];
                    }
                }
                return d;
            };

            /**
             * Converts this VolumeMembers to JSON.
             * @function toJSON
             * @memberof trellis.state.VolumeMembers
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VolumeMembers.prototype.toJSON = function() {
                return VolumeMembers.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VolumeMembers
             * @function getTypeUrl
             * @memberof trellis.state.VolumeMembers
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VolumeMembers.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.VolumeMembers";
            };

            return VolumeMembers;
        })();

        state.UpdateVolume = (function() {

            /**
             * Properties of an UpdateVolume.
             * @typedef {Object} trellis.state.UpdateVolume.$Properties
             * @property {string|null} [volume] UpdateVolume volume
             * @property {number|Long|null} [generation] UpdateVolume generation
             * @property {Array.<string>|null} [addMembers] UpdateVolume addMembers
             * @property {Array.<string>|null} [removeMembers] UpdateVolume removeMembers
             * @property {Array.<string>|null} [addInSync] UpdateVolume addInSync
             * @property {Array.<string>|null} [removeInSync] UpdateVolume removeInSync
             * @property {string|null} [reason] UpdateVolume reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UpdateVolume.
             * @memberof trellis.state
             * @interface IUpdateVolume
             * @augments trellis.state.UpdateVolume.$Properties
             * @deprecated Use trellis.state.UpdateVolume.$Properties instead.
             */

            /**
             * Shape of an UpdateVolume.
             * @typedef {trellis.state.UpdateVolume.$Properties} trellis.state.UpdateVolume.$Shape
             */

            /**
             * Constructs a new UpdateVolume.
             * @memberof trellis.state
             * @classdesc Represents an UpdateVolume.
             * @constructor
             * @param {trellis.state.UpdateVolume.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UpdateVolume = function (p) {
                this.addMembers = [];
                this.removeMembers = [];
                this.addInSync = [];
                this.removeInSync = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * UpdateVolume volume.
             * @member {string} volume
             * @memberof trellis.state.UpdateVolume
             * @instance
             */
            UpdateVolume.prototype.volume = "";

            /**
             * UpdateVolume generation.
             * @member {number|Long} generation
             * @memberof trellis.state.UpdateVolume
             * @instance
             */
            UpdateVolume.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateVolume addMembers.
             * @member {Array.<string>} addMembers
             * @memberof trellis.state.UpdateVolume
             * @instance
             */
            UpdateVolume.prototype.addMembers = $util.emptyArray;

            /**
             * UpdateVolume removeMembers.
             * @member {Array.<string>} removeMembers
             * @memberof trellis.state.UpdateVolume
             * @instance
             */
            UpdateVolume.prototype.removeMembers = $util.emptyArray;

            /**
             * UpdateVolume addInSync.
             * @member {Array.<string>} addInSync
             * @memberof trellis.state.UpdateVolume
             * @instance
             */
            UpdateVolume.prototype.addInSync = $util.emptyArray;

            /**
             * UpdateVolume removeInSync.
             * @member {Array.<string>} removeInSync
             * @memberof trellis.state.UpdateVolume
             * @instance
             */
            UpdateVolume.prototype.removeInSync = $util.emptyArray;

            /**
             * UpdateVolume reason.
             * @member {string} reason
             * @memberof trellis.state.UpdateVolume
             * @instance
             */
            UpdateVolume.prototype.reason = "";

            /**
             * Creates a new UpdateVolume instance using the specified properties.
             * @function create
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {trellis.state.UpdateVolume.$Properties=} [properties] Properties to set
             * @returns {trellis.state.UpdateVolume} UpdateVolume instance
             * @type {{
             *   (properties: trellis.state.UpdateVolume.$Shape): trellis.state.UpdateVolume & trellis.state.UpdateVolume.$Shape;
             *   (properties?: trellis.state.UpdateVolume.$Properties): trellis.state.UpdateVolume;
             * }}
             */
            UpdateVolume.create = function(properties) {
                return new UpdateVolume(properties);
            };

            /**
             * Encodes the specified UpdateVolume message. Does not implicitly {@link trellis.state.UpdateVolume.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {trellis.state.UpdateVolume.$Properties} m UpdateVolume message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateVolume.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.volume);
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.generation);
                if (m.addMembers != null && m.addMembers.length) {
                    for (var i = 0; i < m.addMembers.length; ++i)
                        w.uint32(/* id 3, wireType 2 =*/26).string(m.addMembers[i]);
                }
                if (m.removeMembers != null && m.removeMembers.length) {
                    for (var i = 0; i < m.removeMembers.length; ++i)
                        w.uint32(/* id 4, wireType 2 =*/34).string(m.removeMembers[i]);
                }
                if (m.addInSync != null && m.addInSync.length) {
                    for (var i = 0; i < m.addInSync.length; ++i)
                        w.uint32(/* id 5, wireType 2 =*/42).string(m.addInSync[i]);
                }
                if (m.removeInSync != null && m.removeInSync.length) {
                    for (var i = 0; i < m.removeInSync.length; ++i)
                        w.uint32(/* id 6, wireType 2 =*/50).string(m.removeInSync[i]);
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified UpdateVolume message, length delimited. Does not implicitly {@link trellis.state.UpdateVolume.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {trellis.state.UpdateVolume.$Properties} message UpdateVolume message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateVolume.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an UpdateVolume message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.UpdateVolume & trellis.state.UpdateVolume.$Shape} UpdateVolume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateVolume.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.UpdateVolume();
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
                                m.volume = v;
                            else
                                delete m.volume;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.addMembers && m.addMembers.length))
                                m.addMembers = [];
                            m.addMembers.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.removeMembers && m.removeMembers.length))
                                m.removeMembers = [];
                            m.removeMembers.push(r.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.addInSync && m.addInSync.length))
                                m.addInSync = [];
                            m.addInSync.push(r.stringVerify());
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.removeInSync && m.removeInSync.length))
                                m.removeInSync = [];
                            m.removeInSync.push(r.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
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
             * Decodes an UpdateVolume message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.UpdateVolume & trellis.state.UpdateVolume.$Shape} UpdateVolume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateVolume.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an UpdateVolume message.
             * @function verify
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            UpdateVolume.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    if (!$util.isString(m.volume))
                        return "volume: string expected";
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (!$util.isInteger(m.generation) && !(m.generation && $util.isInteger(m.generation.low) && $util.isInteger(m.generation.high)))
                        return "generation: integer|Long expected";
                }
                if (m.addMembers != null && $Object.hasOwnProperty.call(m, "addMembers")) {
                    if (!$Array.isArray(m.addMembers))
                        return "addMembers: array expected";
                    for (var i = 0; i < m.addMembers.length; ++i) {
                        if (!$util.isString(m.addMembers[i]))
                            return "addMembers: string[] expected";
                    }
                }
                if (m.removeMembers != null && $Object.hasOwnProperty.call(m, "removeMembers")) {
                    if (!$Array.isArray(m.removeMembers))
                        return "removeMembers: array expected";
                    for (var i = 0; i < m.removeMembers.length; ++i) {
                        if (!$util.isString(m.removeMembers[i]))
                            return "removeMembers: string[] expected";
                    }
                }
                if (m.addInSync != null && $Object.hasOwnProperty.call(m, "addInSync")) {
                    if (!$Array.isArray(m.addInSync))
                        return "addInSync: array expected";
                    for (var i = 0; i < m.addInSync.length; ++i) {
                        if (!$util.isString(m.addInSync[i]))
                            return "addInSync: string[] expected";
                    }
                }
                if (m.removeInSync != null && $Object.hasOwnProperty.call(m, "removeInSync")) {
                    if (!$Array.isArray(m.removeInSync))
                        return "removeInSync: array expected";
                    for (var i = 0; i < m.removeInSync.length; ++i) {
                        if (!$util.isString(m.removeInSync[i]))
                            return "removeInSync: string[] expected";
                    }
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                return null;
            };

            /**
             * Creates an UpdateVolume message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.UpdateVolume} UpdateVolume
             */
            UpdateVolume.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.UpdateVolume)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.UpdateVolume: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.UpdateVolume();
                if (d.volume != null) {
                    if (typeof d.volume !== "string" || d.volume.length) {
                        m.volume = $String(d.volume);
                    }
                }
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.addMembers) {
                    if (!$Array.isArray(d.addMembers))
                        throw $TypeError(".trellis.state.UpdateVolume.addMembers: array expected");
                    m.addMembers = $Array(d.addMembers.length);
                    for (var i = 0; i < d.addMembers.length; ++i) {
                        m.addMembers[i] = $String(d.addMembers[i]);
                    }
                }
                if (d.removeMembers) {
                    if (!$Array.isArray(d.removeMembers))
                        throw $TypeError(".trellis.state.UpdateVolume.removeMembers: array expected");
                    m.removeMembers = $Array(d.removeMembers.length);
                    for (var i = 0; i < d.removeMembers.length; ++i) {
                        m.removeMembers[i] = $String(d.removeMembers[i]);
                    }
                }
                if (d.addInSync) {
                    if (!$Array.isArray(d.addInSync))
                        throw $TypeError(".trellis.state.UpdateVolume.addInSync: array expected");
                    m.addInSync = $Array(d.addInSync.length);
                    for (var i = 0; i < d.addInSync.length; ++i) {
                        m.addInSync[i] = $String(d.addInSync[i]);
                    }
                }
                if (d.removeInSync) {
                    if (!$Array.isArray(d.removeInSync))
                        throw $TypeError(".trellis.state.UpdateVolume.removeInSync: array expected");
                    m.removeInSync = $Array(d.removeInSync.length);
                    for (var i = 0; i < d.removeInSync.length; ++i) {
                        m.removeInSync[i] = $String(d.removeInSync[i]);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an UpdateVolume message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {trellis.state.UpdateVolume} m UpdateVolume
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UpdateVolume.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.addMembers = [];
                    d.removeMembers = [];
                    d.addInSync = [];
                    d.removeInSync = [];
                }
                if (o.defaults) {
                    d.volume = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.reason = "";
                }
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    d.volume = m.volume;
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.addMembers && m.addMembers.length) {
                    d.addMembers = $Array(m.addMembers.length);
                    for (var j = 0; j < m.addMembers.length; ++j) {
                        d.addMembers[j] = m.addMembers[j];
                    }
                }
                if (m.removeMembers && m.removeMembers.length) {
                    d.removeMembers = $Array(m.removeMembers.length);
                    for (var j = 0; j < m.removeMembers.length; ++j) {
                        d.removeMembers[j] = m.removeMembers[j];
                    }
                }
                if (m.addInSync && m.addInSync.length) {
                    d.addInSync = $Array(m.addInSync.length);
                    for (var j = 0; j < m.addInSync.length; ++j) {
                        d.addInSync[j] = m.addInSync[j];
                    }
                }
                if (m.removeInSync && m.removeInSync.length) {
                    d.removeInSync = $Array(m.removeInSync.length);
                    for (var j = 0; j < m.removeInSync.length; ++j) {
                        d.removeInSync[j] = m.removeInSync[j];
                    }
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            /**
             * Converts this UpdateVolume to JSON.
             * @function toJSON
             * @memberof trellis.state.UpdateVolume
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UpdateVolume.prototype.toJSON = function() {
                return UpdateVolume.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for UpdateVolume
             * @function getTypeUrl
             * @memberof trellis.state.UpdateVolume
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            UpdateVolume.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.UpdateVolume";
            };

            return UpdateVolume;
        })();

        state.Placement = (function() {

            /**
             * Properties of a Placement.
             * @typedef {Object} trellis.state.Placement.$Properties
             * @property {string|null} [instance] Placement instance
             * @property {string|null} [node] Placement node
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Placement.
             * @memberof trellis.state
             * @interface IPlacement
             * @augments trellis.state.Placement.$Properties
             * @deprecated Use trellis.state.Placement.$Properties instead.
             */

            /**
             * Shape of a Placement.
             * @typedef {trellis.state.Placement.$Properties} trellis.state.Placement.$Shape
             */

            /**
             * Constructs a new Placement.
             * @memberof trellis.state
             * @classdesc Represents a Placement.
             * @constructor
             * @param {trellis.state.Placement.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Placement = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Placement instance.
             * @member {string} instance
             * @memberof trellis.state.Placement
             * @instance
             */
            Placement.prototype.instance = "";

            /**
             * Placement node.
             * @member {string} node
             * @memberof trellis.state.Placement
             * @instance
             */
            Placement.prototype.node = "";

            /**
             * Creates a new Placement instance using the specified properties.
             * @function create
             * @memberof trellis.state.Placement
             * @static
             * @param {trellis.state.Placement.$Properties=} [properties] Properties to set
             * @returns {trellis.state.Placement} Placement instance
             * @type {{
             *   (properties: trellis.state.Placement.$Shape): trellis.state.Placement & trellis.state.Placement.$Shape;
             *   (properties?: trellis.state.Placement.$Properties): trellis.state.Placement;
             * }}
             */
            Placement.create = function(properties) {
                return new Placement(properties);
            };

            /**
             * Encodes the specified Placement message. Does not implicitly {@link trellis.state.Placement.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.Placement
             * @static
             * @param {trellis.state.Placement.$Properties} m Placement message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Placement.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.instance);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Placement message, length delimited. Does not implicitly {@link trellis.state.Placement.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.Placement
             * @static
             * @param {trellis.state.Placement.$Properties} message Placement message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Placement.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Placement message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.Placement
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.Placement & trellis.state.Placement.$Shape} Placement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Placement.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.Placement();
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
                                m.instance = v;
                            else
                                delete m.instance;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
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
             * Decodes a Placement message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.Placement
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.Placement & trellis.state.Placement.$Shape} Placement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Placement.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Placement message.
             * @function verify
             * @memberof trellis.state.Placement
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Placement.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    if (!$util.isString(m.instance))
                        return "instance: string expected";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                return null;
            };

            /**
             * Creates a Placement message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.Placement
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.Placement} Placement
             */
            Placement.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.Placement)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.Placement: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.Placement();
                if (d.instance != null) {
                    if (typeof d.instance !== "string" || d.instance.length) {
                        m.instance = $String(d.instance);
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Placement message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.Placement
             * @static
             * @param {trellis.state.Placement} m Placement
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Placement.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.instance = "";
                    d.node = "";
                }
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance")) {
                    d.instance = m.instance;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                return d;
            };

            /**
             * Converts this Placement to JSON.
             * @function toJSON
             * @memberof trellis.state.Placement
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Placement.prototype.toJSON = function() {
                return Placement.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Placement
             * @function getTypeUrl
             * @memberof trellis.state.Placement
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Placement.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.Placement";
            };

            return Placement;
        })();

        state.SetNodeAdmin = (function() {

            /**
             * Properties of a SetNodeAdmin.
             * @typedef {Object} trellis.state.SetNodeAdmin.$Properties
             * @property {string|null} [node] SetNodeAdmin node
             * @property {boolean|null} [cordoned] SetNodeAdmin cordoned
             * @property {boolean|null} [draining] SetNodeAdmin draining
             * @property {boolean|null} [parked] SetNodeAdmin parked
             * @property {string|null} [reason] SetNodeAdmin reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SetNodeAdmin.
             * @memberof trellis.state
             * @interface ISetNodeAdmin
             * @augments trellis.state.SetNodeAdmin.$Properties
             * @deprecated Use trellis.state.SetNodeAdmin.$Properties instead.
             */

            /**
             * Shape of a SetNodeAdmin.
             * @typedef {trellis.state.SetNodeAdmin.$Properties} trellis.state.SetNodeAdmin.$Shape
             */

            /**
             * Constructs a new SetNodeAdmin.
             * @memberof trellis.state
             * @classdesc Represents a SetNodeAdmin.
             * @constructor
             * @param {trellis.state.SetNodeAdmin.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SetNodeAdmin = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SetNodeAdmin node.
             * @member {string} node
             * @memberof trellis.state.SetNodeAdmin
             * @instance
             */
            SetNodeAdmin.prototype.node = "";

            /**
             * SetNodeAdmin cordoned.
             * @member {boolean} cordoned
             * @memberof trellis.state.SetNodeAdmin
             * @instance
             */
            SetNodeAdmin.prototype.cordoned = false;

            /**
             * SetNodeAdmin draining.
             * @member {boolean} draining
             * @memberof trellis.state.SetNodeAdmin
             * @instance
             */
            SetNodeAdmin.prototype.draining = false;

            /**
             * SetNodeAdmin parked.
             * @member {boolean} parked
             * @memberof trellis.state.SetNodeAdmin
             * @instance
             */
            SetNodeAdmin.prototype.parked = false;

            /**
             * SetNodeAdmin reason.
             * @member {string} reason
             * @memberof trellis.state.SetNodeAdmin
             * @instance
             */
            SetNodeAdmin.prototype.reason = "";

            /**
             * Creates a new SetNodeAdmin instance using the specified properties.
             * @function create
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {trellis.state.SetNodeAdmin.$Properties=} [properties] Properties to set
             * @returns {trellis.state.SetNodeAdmin} SetNodeAdmin instance
             * @type {{
             *   (properties: trellis.state.SetNodeAdmin.$Shape): trellis.state.SetNodeAdmin & trellis.state.SetNodeAdmin.$Shape;
             *   (properties?: trellis.state.SetNodeAdmin.$Properties): trellis.state.SetNodeAdmin;
             * }}
             */
            SetNodeAdmin.create = function(properties) {
                return new SetNodeAdmin(properties);
            };

            /**
             * Encodes the specified SetNodeAdmin message. Does not implicitly {@link trellis.state.SetNodeAdmin.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {trellis.state.SetNodeAdmin.$Properties} m SetNodeAdmin message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetNodeAdmin.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.node);
                if (m.cordoned != null && $Object.hasOwnProperty.call(m, "cordoned") && m.cordoned !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.cordoned);
                if (m.draining != null && $Object.hasOwnProperty.call(m, "draining") && m.draining !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.draining);
                if (m.parked != null && $Object.hasOwnProperty.call(m, "parked") && m.parked !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.parked);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SetNodeAdmin message, length delimited. Does not implicitly {@link trellis.state.SetNodeAdmin.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {trellis.state.SetNodeAdmin.$Properties} message SetNodeAdmin message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetNodeAdmin.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SetNodeAdmin message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.SetNodeAdmin & trellis.state.SetNodeAdmin.$Shape} SetNodeAdmin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetNodeAdmin.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.SetNodeAdmin();
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
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.cordoned = v;
                            else
                                delete m.cordoned;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.draining = v;
                            else
                                delete m.draining;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.parked = v;
                            else
                                delete m.parked;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
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
             * Decodes a SetNodeAdmin message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.SetNodeAdmin & trellis.state.SetNodeAdmin.$Shape} SetNodeAdmin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetNodeAdmin.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SetNodeAdmin message.
             * @function verify
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SetNodeAdmin.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                if (m.cordoned != null && $Object.hasOwnProperty.call(m, "cordoned")) {
                    if (typeof m.cordoned !== "boolean")
                        return "cordoned: boolean expected";
                }
                if (m.draining != null && $Object.hasOwnProperty.call(m, "draining")) {
                    if (typeof m.draining !== "boolean")
                        return "draining: boolean expected";
                }
                if (m.parked != null && $Object.hasOwnProperty.call(m, "parked")) {
                    if (typeof m.parked !== "boolean")
                        return "parked: boolean expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                return null;
            };

            /**
             * Creates a SetNodeAdmin message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.SetNodeAdmin} SetNodeAdmin
             */
            SetNodeAdmin.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.SetNodeAdmin)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.SetNodeAdmin: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.SetNodeAdmin();
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.cordoned != null) {
                    if (d.cordoned) {
                        m.cordoned = $Boolean(d.cordoned);
                    }
                }
                if (d.draining != null) {
                    if (d.draining) {
                        m.draining = $Boolean(d.draining);
                    }
                }
                if (d.parked != null) {
                    if (d.parked) {
                        m.parked = $Boolean(d.parked);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SetNodeAdmin message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {trellis.state.SetNodeAdmin} m SetNodeAdmin
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SetNodeAdmin.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.node = "";
                    d.cordoned = false;
                    d.draining = false;
                    d.parked = false;
                    d.reason = "";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                if (m.cordoned != null && $Object.hasOwnProperty.call(m, "cordoned")) {
                    d.cordoned = m.cordoned;
                }
                if (m.draining != null && $Object.hasOwnProperty.call(m, "draining")) {
                    d.draining = m.draining;
                }
                if (m.parked != null && $Object.hasOwnProperty.call(m, "parked")) {
                    d.parked = m.parked;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            /**
             * Converts this SetNodeAdmin to JSON.
             * @function toJSON
             * @memberof trellis.state.SetNodeAdmin
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SetNodeAdmin.prototype.toJSON = function() {
                return SetNodeAdmin.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SetNodeAdmin
             * @function getTypeUrl
             * @memberof trellis.state.SetNodeAdmin
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SetNodeAdmin.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.SetNodeAdmin";
            };

            return SetNodeAdmin;
        })();

        state.SetPower = (function() {

            /**
             * Properties of a SetPower.
             * @typedef {Object} trellis.state.SetPower.$Properties
             * @property {boolean|null} [consolidate] SetPower consolidate
             * @property {number|null} [lowPercent] SetPower lowPercent
             * @property {number|null} [highPercent] SetPower highPercent
             * @property {number|null} [minActiveNodes] SetPower minActiveNodes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SetPower.
             * @memberof trellis.state
             * @interface ISetPower
             * @augments trellis.state.SetPower.$Properties
             * @deprecated Use trellis.state.SetPower.$Properties instead.
             */

            /**
             * Shape of a SetPower.
             * @typedef {trellis.state.SetPower.$Properties} trellis.state.SetPower.$Shape
             */

            /**
             * Constructs a new SetPower.
             * @memberof trellis.state
             * @classdesc Represents a SetPower.
             * @constructor
             * @param {trellis.state.SetPower.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SetPower = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SetPower consolidate.
             * @member {boolean} consolidate
             * @memberof trellis.state.SetPower
             * @instance
             */
            SetPower.prototype.consolidate = false;

            /**
             * SetPower lowPercent.
             * @member {number} lowPercent
             * @memberof trellis.state.SetPower
             * @instance
             */
            SetPower.prototype.lowPercent = 0;

            /**
             * SetPower highPercent.
             * @member {number} highPercent
             * @memberof trellis.state.SetPower
             * @instance
             */
            SetPower.prototype.highPercent = 0;

            /**
             * SetPower minActiveNodes.
             * @member {number} minActiveNodes
             * @memberof trellis.state.SetPower
             * @instance
             */
            SetPower.prototype.minActiveNodes = 0;

            /**
             * Creates a new SetPower instance using the specified properties.
             * @function create
             * @memberof trellis.state.SetPower
             * @static
             * @param {trellis.state.SetPower.$Properties=} [properties] Properties to set
             * @returns {trellis.state.SetPower} SetPower instance
             * @type {{
             *   (properties: trellis.state.SetPower.$Shape): trellis.state.SetPower & trellis.state.SetPower.$Shape;
             *   (properties?: trellis.state.SetPower.$Properties): trellis.state.SetPower;
             * }}
             */
            SetPower.create = function(properties) {
                return new SetPower(properties);
            };

            /**
             * Encodes the specified SetPower message. Does not implicitly {@link trellis.state.SetPower.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.SetPower
             * @static
             * @param {trellis.state.SetPower.$Properties} m SetPower message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetPower.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.consolidate != null && $Object.hasOwnProperty.call(m, "consolidate") && m.consolidate !== false)
                    w.uint32(/* id 1, wireType 0 =*/8).bool(m.consolidate);
                if (m.lowPercent != null && $Object.hasOwnProperty.call(m, "lowPercent") && m.lowPercent !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.lowPercent);
                if (m.highPercent != null && $Object.hasOwnProperty.call(m, "highPercent") && m.highPercent !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.highPercent);
                if (m.minActiveNodes != null && $Object.hasOwnProperty.call(m, "minActiveNodes") && m.minActiveNodes !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.minActiveNodes);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SetPower message, length delimited. Does not implicitly {@link trellis.state.SetPower.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.SetPower
             * @static
             * @param {trellis.state.SetPower.$Properties} message SetPower message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetPower.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SetPower message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.SetPower
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.SetPower & trellis.state.SetPower.$Shape} SetPower
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetPower.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.SetPower();
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
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.consolidate = v;
                            else
                                delete m.consolidate;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.lowPercent = v;
                            else
                                delete m.lowPercent;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.highPercent = v;
                            else
                                delete m.highPercent;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.minActiveNodes = v;
                            else
                                delete m.minActiveNodes;
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
             * Decodes a SetPower message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.SetPower
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.SetPower & trellis.state.SetPower.$Shape} SetPower
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetPower.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SetPower message.
             * @function verify
             * @memberof trellis.state.SetPower
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SetPower.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.consolidate != null && $Object.hasOwnProperty.call(m, "consolidate")) {
                    if (typeof m.consolidate !== "boolean")
                        return "consolidate: boolean expected";
                }
                if (m.lowPercent != null && $Object.hasOwnProperty.call(m, "lowPercent")) {
                    if (!$util.isInteger(m.lowPercent))
                        return "lowPercent: integer expected";
                }
                if (m.highPercent != null && $Object.hasOwnProperty.call(m, "highPercent")) {
                    if (!$util.isInteger(m.highPercent))
                        return "highPercent: integer expected";
                }
                if (m.minActiveNodes != null && $Object.hasOwnProperty.call(m, "minActiveNodes")) {
                    if (!$util.isInteger(m.minActiveNodes))
                        return "minActiveNodes: integer expected";
                }
                return null;
            };

            /**
             * Creates a SetPower message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.SetPower
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.SetPower} SetPower
             */
            SetPower.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.SetPower)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.SetPower: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.SetPower();
                if (d.consolidate != null) {
                    if (d.consolidate) {
                        m.consolidate = $Boolean(d.consolidate);
                    }
                }
                if (d.lowPercent != null) {
                    if ($Number(d.lowPercent) !== 0) {
                        m.lowPercent = d.lowPercent >>> 0;
                    }
                }
                if (d.highPercent != null) {
                    if ($Number(d.highPercent) !== 0) {
                        m.highPercent = d.highPercent >>> 0;
                    }
                }
                if (d.minActiveNodes != null) {
                    if ($Number(d.minActiveNodes) !== 0) {
                        m.minActiveNodes = d.minActiveNodes >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SetPower message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.SetPower
             * @static
             * @param {trellis.state.SetPower} m SetPower
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SetPower.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.consolidate = false;
                    d.lowPercent = 0;
                    d.highPercent = 0;
                    d.minActiveNodes = 0;
                }
                if (m.consolidate != null && $Object.hasOwnProperty.call(m, "consolidate")) {
                    d.consolidate = m.consolidate;
                }
                if (m.lowPercent != null && $Object.hasOwnProperty.call(m, "lowPercent")) {
                    d.lowPercent = m.lowPercent;
                }
                if (m.highPercent != null && $Object.hasOwnProperty.call(m, "highPercent")) {
                    d.highPercent = m.highPercent;
                }
                if (m.minActiveNodes != null && $Object.hasOwnProperty.call(m, "minActiveNodes")) {
                    d.minActiveNodes = m.minActiveNodes;
                }
                return d;
            };

            /**
             * Converts this SetPower to JSON.
             * @function toJSON
             * @memberof trellis.state.SetPower
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SetPower.prototype.toJSON = function() {
                return SetPower.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SetPower
             * @function getTypeUrl
             * @memberof trellis.state.SetPower
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SetPower.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.SetPower";
            };

            return SetPower;
        })();

        state.CopyVolume = (function() {

            /**
             * Properties of a CopyVolume.
             * @typedef {Object} trellis.state.CopyVolume.$Properties
             * @property {string|null} [source] CopyVolume source
             * @property {string|null} [target] CopyVolume target
             * @property {string|null} [app] CopyVolume app
             * @property {string|null} [component] CopyVolume component
             * @property {string|null} [name] CopyVolume name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CopyVolume.
             * @memberof trellis.state
             * @interface ICopyVolume
             * @augments trellis.state.CopyVolume.$Properties
             * @deprecated Use trellis.state.CopyVolume.$Properties instead.
             */

            /**
             * Shape of a CopyVolume.
             * @typedef {trellis.state.CopyVolume.$Properties} trellis.state.CopyVolume.$Shape
             */

            /**
             * Constructs a new CopyVolume.
             * @memberof trellis.state
             * @classdesc Represents a CopyVolume.
             * @constructor
             * @param {trellis.state.CopyVolume.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CopyVolume = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CopyVolume source.
             * @member {string} source
             * @memberof trellis.state.CopyVolume
             * @instance
             */
            CopyVolume.prototype.source = "";

            /**
             * CopyVolume target.
             * @member {string} target
             * @memberof trellis.state.CopyVolume
             * @instance
             */
            CopyVolume.prototype.target = "";

            /**
             * CopyVolume app.
             * @member {string} app
             * @memberof trellis.state.CopyVolume
             * @instance
             */
            CopyVolume.prototype.app = "";

            /**
             * CopyVolume component.
             * @member {string} component
             * @memberof trellis.state.CopyVolume
             * @instance
             */
            CopyVolume.prototype.component = "";

            /**
             * CopyVolume name.
             * @member {string} name
             * @memberof trellis.state.CopyVolume
             * @instance
             */
            CopyVolume.prototype.name = "";

            /**
             * Creates a new CopyVolume instance using the specified properties.
             * @function create
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {trellis.state.CopyVolume.$Properties=} [properties] Properties to set
             * @returns {trellis.state.CopyVolume} CopyVolume instance
             * @type {{
             *   (properties: trellis.state.CopyVolume.$Shape): trellis.state.CopyVolume & trellis.state.CopyVolume.$Shape;
             *   (properties?: trellis.state.CopyVolume.$Properties): trellis.state.CopyVolume;
             * }}
             */
            CopyVolume.create = function(properties) {
                return new CopyVolume(properties);
            };

            /**
             * Encodes the specified CopyVolume message. Does not implicitly {@link trellis.state.CopyVolume.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {trellis.state.CopyVolume.$Properties} m CopyVolume message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CopyVolume.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.source);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.target);
                if (m.app != null && $Object.hasOwnProperty.call(m, "app") && m.app !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.app);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.component);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified CopyVolume message, length delimited. Does not implicitly {@link trellis.state.CopyVolume.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {trellis.state.CopyVolume.$Properties} message CopyVolume message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CopyVolume.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CopyVolume message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.CopyVolume & trellis.state.CopyVolume.$Shape} CopyVolume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CopyVolume.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.CopyVolume();
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
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.app = v;
                            else
                                delete m.app;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.component = v;
                            else
                                delete m.component;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
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
             * Decodes a CopyVolume message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.CopyVolume & trellis.state.CopyVolume.$Shape} CopyVolume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CopyVolume.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CopyVolume message.
             * @function verify
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CopyVolume.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    if (!$util.isString(m.target))
                        return "target: string expected";
                }
                if (m.app != null && $Object.hasOwnProperty.call(m, "app")) {
                    if (!$util.isString(m.app))
                        return "app: string expected";
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    if (!$util.isString(m.component))
                        return "component: string expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                return null;
            };

            /**
             * Creates a CopyVolume message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.CopyVolume} CopyVolume
             */
            CopyVolume.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.CopyVolume)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.CopyVolume: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.CopyVolume();
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.app != null) {
                    if (typeof d.app !== "string" || d.app.length) {
                        m.app = $String(d.app);
                    }
                }
                if (d.component != null) {
                    if (typeof d.component !== "string" || d.component.length) {
                        m.component = $String(d.component);
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CopyVolume message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {trellis.state.CopyVolume} m CopyVolume
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CopyVolume.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.source = "";
                    d.target = "";
                    d.app = "";
                    d.component = "";
                    d.name = "";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.app != null && $Object.hasOwnProperty.call(m, "app")) {
                    d.app = m.app;
                }
                if (m.component != null && $Object.hasOwnProperty.call(m, "component")) {
                    d.component = m.component;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            /**
             * Converts this CopyVolume to JSON.
             * @function toJSON
             * @memberof trellis.state.CopyVolume
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CopyVolume.prototype.toJSON = function() {
                return CopyVolume.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CopyVolume
             * @function getTypeUrl
             * @memberof trellis.state.CopyVolume
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CopyVolume.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.CopyVolume";
            };

            return CopyVolume;
        })();

        state.DeleteSnapshot = (function() {

            /**
             * Properties of a DeleteSnapshot.
             * @typedef {Object} trellis.state.DeleteSnapshot.$Properties
             * @property {string|null} [volume] DeleteSnapshot volume
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeleteSnapshot.
             * @memberof trellis.state
             * @interface IDeleteSnapshot
             * @augments trellis.state.DeleteSnapshot.$Properties
             * @deprecated Use trellis.state.DeleteSnapshot.$Properties instead.
             */

            /**
             * Shape of a DeleteSnapshot.
             * @typedef {trellis.state.DeleteSnapshot.$Properties} trellis.state.DeleteSnapshot.$Shape
             */

            /**
             * Constructs a new DeleteSnapshot.
             * @memberof trellis.state
             * @classdesc Represents a DeleteSnapshot.
             * @constructor
             * @param {trellis.state.DeleteSnapshot.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeleteSnapshot = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DeleteSnapshot volume.
             * @member {string} volume
             * @memberof trellis.state.DeleteSnapshot
             * @instance
             */
            DeleteSnapshot.prototype.volume = "";

            /**
             * Creates a new DeleteSnapshot instance using the specified properties.
             * @function create
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {trellis.state.DeleteSnapshot.$Properties=} [properties] Properties to set
             * @returns {trellis.state.DeleteSnapshot} DeleteSnapshot instance
             * @type {{
             *   (properties: trellis.state.DeleteSnapshot.$Shape): trellis.state.DeleteSnapshot & trellis.state.DeleteSnapshot.$Shape;
             *   (properties?: trellis.state.DeleteSnapshot.$Properties): trellis.state.DeleteSnapshot;
             * }}
             */
            DeleteSnapshot.create = function(properties) {
                return new DeleteSnapshot(properties);
            };

            /**
             * Encodes the specified DeleteSnapshot message. Does not implicitly {@link trellis.state.DeleteSnapshot.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {trellis.state.DeleteSnapshot.$Properties} m DeleteSnapshot message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteSnapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.volume);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified DeleteSnapshot message, length delimited. Does not implicitly {@link trellis.state.DeleteSnapshot.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {trellis.state.DeleteSnapshot.$Properties} message DeleteSnapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteSnapshot.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeleteSnapshot message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.DeleteSnapshot & trellis.state.DeleteSnapshot.$Shape} DeleteSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteSnapshot.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.DeleteSnapshot();
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
                                m.volume = v;
                            else
                                delete m.volume;
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
             * Decodes a DeleteSnapshot message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.DeleteSnapshot & trellis.state.DeleteSnapshot.$Shape} DeleteSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteSnapshot.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeleteSnapshot message.
             * @function verify
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeleteSnapshot.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    if (!$util.isString(m.volume))
                        return "volume: string expected";
                }
                return null;
            };

            /**
             * Creates a DeleteSnapshot message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.DeleteSnapshot} DeleteSnapshot
             */
            DeleteSnapshot.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.DeleteSnapshot)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.DeleteSnapshot: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.DeleteSnapshot();
                if (d.volume != null) {
                    if (typeof d.volume !== "string" || d.volume.length) {
                        m.volume = $String(d.volume);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DeleteSnapshot message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {trellis.state.DeleteSnapshot} m DeleteSnapshot
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeleteSnapshot.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.volume = "";
                }
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume")) {
                    d.volume = m.volume;
                }
                return d;
            };

            /**
             * Converts this DeleteSnapshot to JSON.
             * @function toJSON
             * @memberof trellis.state.DeleteSnapshot
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeleteSnapshot.prototype.toJSON = function() {
                return DeleteSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeleteSnapshot
             * @function getTypeUrl
             * @memberof trellis.state.DeleteSnapshot
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeleteSnapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.DeleteSnapshot";
            };

            return DeleteSnapshot;
        })();

        state.PutImage = (function() {

            /**
             * Properties of a PutImage.
             * @typedef {Object} trellis.state.PutImage.$Properties
             * @property {string|null} [name] PutImage name
             * @property {string|null} [version] PutImage version
             * @property {string|null} [digest] PutImage digest
             * @property {number|Long|null} [size] PutImage size
             * @property {number|null} [chunkSize] PutImage chunkSize
             * @property {Array.<string>|null} [chunks] PutImage chunks
             * @property {string|null} [manifest] PutImage manifest
             * @property {string|null} [holder] PutImage holder
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PutImage.
             * @memberof trellis.state
             * @interface IPutImage
             * @augments trellis.state.PutImage.$Properties
             * @deprecated Use trellis.state.PutImage.$Properties instead.
             */

            /**
             * Shape of a PutImage.
             * @typedef {trellis.state.PutImage.$Properties} trellis.state.PutImage.$Shape
             */

            /**
             * Constructs a new PutImage.
             * @memberof trellis.state
             * @classdesc Represents a PutImage.
             * @constructor
             * @param {trellis.state.PutImage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PutImage = function (p) {
                this.chunks = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PutImage name.
             * @member {string} name
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.name = "";

            /**
             * PutImage version.
             * @member {string} version
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.version = "";

            /**
             * PutImage digest.
             * @member {string} digest
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.digest = "";

            /**
             * PutImage size.
             * @member {number|Long} size
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * PutImage chunkSize.
             * @member {number} chunkSize
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.chunkSize = 0;

            /**
             * PutImage chunks.
             * @member {Array.<string>} chunks
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.chunks = $util.emptyArray;

            /**
             * PutImage manifest.
             * @member {string} manifest
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.manifest = "";

            /**
             * PutImage holder.
             * @member {string} holder
             * @memberof trellis.state.PutImage
             * @instance
             */
            PutImage.prototype.holder = "";

            /**
             * Creates a new PutImage instance using the specified properties.
             * @function create
             * @memberof trellis.state.PutImage
             * @static
             * @param {trellis.state.PutImage.$Properties=} [properties] Properties to set
             * @returns {trellis.state.PutImage} PutImage instance
             * @type {{
             *   (properties: trellis.state.PutImage.$Shape): trellis.state.PutImage & trellis.state.PutImage.$Shape;
             *   (properties?: trellis.state.PutImage.$Properties): trellis.state.PutImage;
             * }}
             */
            PutImage.create = function(properties) {
                return new PutImage(properties);
            };

            /**
             * Encodes the specified PutImage message. Does not implicitly {@link trellis.state.PutImage.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.PutImage
             * @static
             * @param {trellis.state.PutImage.$Properties} m PutImage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutImage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.version);
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.digest);
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && (typeof m.size === "object" ? m.size.low || m.size.high : m.size !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.size);
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize") && m.chunkSize !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.chunkSize);
                if (m.chunks != null && m.chunks.length) {
                    for (var i = 0; i < m.chunks.length; ++i)
                        w.uint32(/* id 6, wireType 2 =*/50).string(m.chunks[i]);
                }
                if (m.manifest != null && $Object.hasOwnProperty.call(m, "manifest") && m.manifest !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.manifest);
                if (m.holder != null && $Object.hasOwnProperty.call(m, "holder") && m.holder !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.holder);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PutImage message, length delimited. Does not implicitly {@link trellis.state.PutImage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.PutImage
             * @static
             * @param {trellis.state.PutImage.$Properties} message PutImage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutImage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PutImage message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.PutImage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.PutImage & trellis.state.PutImage.$Shape} PutImage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutImage.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.PutImage();
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
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.digest = v;
                            else
                                delete m.digest;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.size = v;
                            else
                                delete m.size;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.chunkSize = v;
                            else
                                delete m.chunkSize;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.chunks && m.chunks.length))
                                m.chunks = [];
                            m.chunks.push(r.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.manifest = v;
                            else
                                delete m.manifest;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.holder = v;
                            else
                                delete m.holder;
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
             * Decodes a PutImage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.PutImage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.PutImage & trellis.state.PutImage.$Shape} PutImage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutImage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PutImage message.
             * @function verify
             * @memberof trellis.state.PutImage
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PutImage.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isString(m.version))
                        return "version: string expected";
                }
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest")) {
                    if (!$util.isString(m.digest))
                        return "digest: string expected";
                }
                if (m.size != null && $Object.hasOwnProperty.call(m, "size")) {
                    if (!$util.isInteger(m.size) && !(m.size && $util.isInteger(m.size.low) && $util.isInteger(m.size.high)))
                        return "size: integer|Long expected";
                }
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize")) {
                    if (!$util.isInteger(m.chunkSize))
                        return "chunkSize: integer expected";
                }
                if (m.chunks != null && $Object.hasOwnProperty.call(m, "chunks")) {
                    if (!$Array.isArray(m.chunks))
                        return "chunks: array expected";
                    for (var i = 0; i < m.chunks.length; ++i) {
                        if (!$util.isString(m.chunks[i]))
                            return "chunks: string[] expected";
                    }
                }
                if (m.manifest != null && $Object.hasOwnProperty.call(m, "manifest")) {
                    if (!$util.isString(m.manifest))
                        return "manifest: string expected";
                }
                if (m.holder != null && $Object.hasOwnProperty.call(m, "holder")) {
                    if (!$util.isString(m.holder))
                        return "holder: string expected";
                }
                return null;
            };

            /**
             * Creates a PutImage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.PutImage
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.PutImage} PutImage
             */
            PutImage.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.PutImage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.PutImage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.PutImage();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.version != null) {
                    if (typeof d.version !== "string" || d.version.length) {
                        m.version = $String(d.version);
                    }
                }
                if (d.digest != null) {
                    if (typeof d.digest !== "string" || d.digest.length) {
                        m.digest = $String(d.digest);
                    }
                }
                if (d.size != null) {
                    if (typeof d.size === "object" ? d.size.low || d.size.high : $Number(d.size) !== 0) {
                        if ($util.Long)
                            m.size = $util.Long.fromValue(d.size, true);
                        else if (typeof d.size === "string")
                            m.size = $parseInt(d.size, 10);
                        else if (typeof d.size === "number")
                            m.size = d.size;
                        else if (typeof d.size === "object")
                            m.size = new $util.LongBits(d.size.low >>> 0, d.size.high >>> 0).toNumber(true);
                    }
                }
                if (d.chunkSize != null) {
                    if ($Number(d.chunkSize) !== 0) {
                        m.chunkSize = d.chunkSize >>> 0;
                    }
                }
                if (d.chunks) {
                    if (!$Array.isArray(d.chunks))
                        throw $TypeError(".trellis.state.PutImage.chunks: array expected");
                    m.chunks = $Array(d.chunks.length);
                    for (var i = 0; i < d.chunks.length; ++i) {
                        m.chunks[i] = $String(d.chunks[i]);
                    }
                }
                if (d.manifest != null) {
                    if (typeof d.manifest !== "string" || d.manifest.length) {
                        m.manifest = $String(d.manifest);
                    }
                }
                if (d.holder != null) {
                    if (typeof d.holder !== "string" || d.holder.length) {
                        m.holder = $String(d.holder);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PutImage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.PutImage
             * @static
             * @param {trellis.state.PutImage} m PutImage
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PutImage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.chunks = [];
                }
                if (o.defaults) {
                    d.name = "";
                    d.version = "";
                    d.digest = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.size = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.size = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.chunkSize = 0;
                    d.manifest = "";
                    d.holder = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest")) {
                    d.digest = m.digest;
                }
                if (m.size != null && $Object.hasOwnProperty.call(m, "size")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.size = typeof m.size === "number" ? $BigInt(m.size) : $util.Long.fromBits(m.size.low >>> 0, m.size.high >>> 0, true).toBigInt();
                    else if (typeof m.size === "number")
                        d.size = o.longs === $String ? $String(m.size) : m.size;
                    else
                        d.size = o.longs === $String ? $util.Long.prototype.toString.call(m.size) : o.longs === $Number ? new $util.LongBits(m.size.low >>> 0, m.size.high >>> 0).toNumber(true) : m.size;
                }
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize")) {
                    d.chunkSize = m.chunkSize;
                }
                if (m.chunks && m.chunks.length) {
                    d.chunks = $Array(m.chunks.length);
                    for (var j = 0; j < m.chunks.length; ++j) {
                        d.chunks[j] = m.chunks[j];
                    }
                }
                if (m.manifest != null && $Object.hasOwnProperty.call(m, "manifest")) {
                    d.manifest = m.manifest;
                }
                if (m.holder != null && $Object.hasOwnProperty.call(m, "holder")) {
                    d.holder = m.holder;
                }
                return d;
            };

            /**
             * Converts this PutImage to JSON.
             * @function toJSON
             * @memberof trellis.state.PutImage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PutImage.prototype.toJSON = function() {
                return PutImage.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PutImage
             * @function getTypeUrl
             * @memberof trellis.state.PutImage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PutImage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.PutImage";
            };

            return PutImage;
        })();

        state.DeleteImage = (function() {

            /**
             * Properties of a DeleteImage.
             * @typedef {Object} trellis.state.DeleteImage.$Properties
             * @property {string|null} [name] DeleteImage name
             * @property {string|null} [version] DeleteImage version
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeleteImage.
             * @memberof trellis.state
             * @interface IDeleteImage
             * @augments trellis.state.DeleteImage.$Properties
             * @deprecated Use trellis.state.DeleteImage.$Properties instead.
             */

            /**
             * Shape of a DeleteImage.
             * @typedef {trellis.state.DeleteImage.$Properties} trellis.state.DeleteImage.$Shape
             */

            /**
             * Constructs a new DeleteImage.
             * @memberof trellis.state
             * @classdesc Represents a DeleteImage.
             * @constructor
             * @param {trellis.state.DeleteImage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeleteImage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DeleteImage name.
             * @member {string} name
             * @memberof trellis.state.DeleteImage
             * @instance
             */
            DeleteImage.prototype.name = "";

            /**
             * DeleteImage version.
             * @member {string} version
             * @memberof trellis.state.DeleteImage
             * @instance
             */
            DeleteImage.prototype.version = "";

            /**
             * Creates a new DeleteImage instance using the specified properties.
             * @function create
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {trellis.state.DeleteImage.$Properties=} [properties] Properties to set
             * @returns {trellis.state.DeleteImage} DeleteImage instance
             * @type {{
             *   (properties: trellis.state.DeleteImage.$Shape): trellis.state.DeleteImage & trellis.state.DeleteImage.$Shape;
             *   (properties?: trellis.state.DeleteImage.$Properties): trellis.state.DeleteImage;
             * }}
             */
            DeleteImage.create = function(properties) {
                return new DeleteImage(properties);
            };

            /**
             * Encodes the specified DeleteImage message. Does not implicitly {@link trellis.state.DeleteImage.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {trellis.state.DeleteImage.$Properties} m DeleteImage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteImage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.version);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified DeleteImage message, length delimited. Does not implicitly {@link trellis.state.DeleteImage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {trellis.state.DeleteImage.$Properties} message DeleteImage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteImage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeleteImage message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.DeleteImage & trellis.state.DeleteImage.$Shape} DeleteImage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteImage.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.DeleteImage();
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
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.version = v;
                            else
                                delete m.version;
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
             * Decodes a DeleteImage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.DeleteImage & trellis.state.DeleteImage.$Shape} DeleteImage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteImage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeleteImage message.
             * @function verify
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeleteImage.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isString(m.version))
                        return "version: string expected";
                }
                return null;
            };

            /**
             * Creates a DeleteImage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.DeleteImage} DeleteImage
             */
            DeleteImage.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.DeleteImage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.DeleteImage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.DeleteImage();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.version != null) {
                    if (typeof d.version !== "string" || d.version.length) {
                        m.version = $String(d.version);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DeleteImage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {trellis.state.DeleteImage} m DeleteImage
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeleteImage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.version = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                return d;
            };

            /**
             * Converts this DeleteImage to JSON.
             * @function toJSON
             * @memberof trellis.state.DeleteImage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeleteImage.prototype.toJSON = function() {
                return DeleteImage.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeleteImage
             * @function getTypeUrl
             * @memberof trellis.state.DeleteImage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeleteImage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.DeleteImage";
            };

            return DeleteImage;
        })();

        state.ImageHeld = (function() {

            /**
             * Properties of an ImageHeld.
             * @typedef {Object} trellis.state.ImageHeld.$Properties
             * @property {string|null} [digest] ImageHeld digest
             * @property {string|null} [node] ImageHeld node
             * @property {boolean|null} [held] ImageHeld held
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ImageHeld.
             * @memberof trellis.state
             * @interface IImageHeld
             * @augments trellis.state.ImageHeld.$Properties
             * @deprecated Use trellis.state.ImageHeld.$Properties instead.
             */

            /**
             * Shape of an ImageHeld.
             * @typedef {trellis.state.ImageHeld.$Properties} trellis.state.ImageHeld.$Shape
             */

            /**
             * Constructs a new ImageHeld.
             * @memberof trellis.state
             * @classdesc Represents an ImageHeld.
             * @constructor
             * @param {trellis.state.ImageHeld.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ImageHeld = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ImageHeld digest.
             * @member {string} digest
             * @memberof trellis.state.ImageHeld
             * @instance
             */
            ImageHeld.prototype.digest = "";

            /**
             * ImageHeld node.
             * @member {string} node
             * @memberof trellis.state.ImageHeld
             * @instance
             */
            ImageHeld.prototype.node = "";

            /**
             * ImageHeld held.
             * @member {boolean} held
             * @memberof trellis.state.ImageHeld
             * @instance
             */
            ImageHeld.prototype.held = false;

            /**
             * Creates a new ImageHeld instance using the specified properties.
             * @function create
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {trellis.state.ImageHeld.$Properties=} [properties] Properties to set
             * @returns {trellis.state.ImageHeld} ImageHeld instance
             * @type {{
             *   (properties: trellis.state.ImageHeld.$Shape): trellis.state.ImageHeld & trellis.state.ImageHeld.$Shape;
             *   (properties?: trellis.state.ImageHeld.$Properties): trellis.state.ImageHeld;
             * }}
             */
            ImageHeld.create = function(properties) {
                return new ImageHeld(properties);
            };

            /**
             * Encodes the specified ImageHeld message. Does not implicitly {@link trellis.state.ImageHeld.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {trellis.state.ImageHeld.$Properties} m ImageHeld message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ImageHeld.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.digest);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.node);
                if (m.held != null && $Object.hasOwnProperty.call(m, "held") && m.held !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.held);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ImageHeld message, length delimited. Does not implicitly {@link trellis.state.ImageHeld.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {trellis.state.ImageHeld.$Properties} message ImageHeld message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ImageHeld.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ImageHeld message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.ImageHeld & trellis.state.ImageHeld.$Shape} ImageHeld
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ImageHeld.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.ImageHeld();
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
                                m.digest = v;
                            else
                                delete m.digest;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.held = v;
                            else
                                delete m.held;
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
             * Decodes an ImageHeld message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.ImageHeld & trellis.state.ImageHeld.$Shape} ImageHeld
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ImageHeld.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ImageHeld message.
             * @function verify
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ImageHeld.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest")) {
                    if (!$util.isString(m.digest))
                        return "digest: string expected";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                if (m.held != null && $Object.hasOwnProperty.call(m, "held")) {
                    if (typeof m.held !== "boolean")
                        return "held: boolean expected";
                }
                return null;
            };

            /**
             * Creates an ImageHeld message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.ImageHeld} ImageHeld
             */
            ImageHeld.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.ImageHeld)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.ImageHeld: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.ImageHeld();
                if (d.digest != null) {
                    if (typeof d.digest !== "string" || d.digest.length) {
                        m.digest = $String(d.digest);
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.held != null) {
                    if (d.held) {
                        m.held = $Boolean(d.held);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an ImageHeld message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {trellis.state.ImageHeld} m ImageHeld
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ImageHeld.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.digest = "";
                    d.node = "";
                    d.held = false;
                }
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest")) {
                    d.digest = m.digest;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                if (m.held != null && $Object.hasOwnProperty.call(m, "held")) {
                    d.held = m.held;
                }
                return d;
            };

            /**
             * Converts this ImageHeld to JSON.
             * @function toJSON
             * @memberof trellis.state.ImageHeld
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ImageHeld.prototype.toJSON = function() {
                return ImageHeld.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ImageHeld
             * @function getTypeUrl
             * @memberof trellis.state.ImageHeld
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ImageHeld.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.ImageHeld";
            };

            return ImageHeld;
        })();

        state.PutToken = (function() {

            /**
             * Properties of a PutToken.
             * @typedef {Object} trellis.state.PutToken.$Properties
             * @property {string|null} [name] PutToken name
             * @property {string|null} [hash] PutToken hash
             * @property {string|null} [role] PutToken role
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PutToken.
             * @memberof trellis.state
             * @interface IPutToken
             * @augments trellis.state.PutToken.$Properties
             * @deprecated Use trellis.state.PutToken.$Properties instead.
             */

            /**
             * Shape of a PutToken.
             * @typedef {trellis.state.PutToken.$Properties} trellis.state.PutToken.$Shape
             */

            /**
             * Constructs a new PutToken.
             * @memberof trellis.state
             * @classdesc Represents a PutToken.
             * @constructor
             * @param {trellis.state.PutToken.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PutToken = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PutToken name.
             * @member {string} name
             * @memberof trellis.state.PutToken
             * @instance
             */
            PutToken.prototype.name = "";

            /**
             * PutToken hash.
             * @member {string} hash
             * @memberof trellis.state.PutToken
             * @instance
             */
            PutToken.prototype.hash = "";

            /**
             * PutToken role.
             * @member {string} role
             * @memberof trellis.state.PutToken
             * @instance
             */
            PutToken.prototype.role = "";

            /**
             * Creates a new PutToken instance using the specified properties.
             * @function create
             * @memberof trellis.state.PutToken
             * @static
             * @param {trellis.state.PutToken.$Properties=} [properties] Properties to set
             * @returns {trellis.state.PutToken} PutToken instance
             * @type {{
             *   (properties: trellis.state.PutToken.$Shape): trellis.state.PutToken & trellis.state.PutToken.$Shape;
             *   (properties?: trellis.state.PutToken.$Properties): trellis.state.PutToken;
             * }}
             */
            PutToken.create = function(properties) {
                return new PutToken(properties);
            };

            /**
             * Encodes the specified PutToken message. Does not implicitly {@link trellis.state.PutToken.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.PutToken
             * @static
             * @param {trellis.state.PutToken.$Properties} m PutToken message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutToken.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash") && m.hash !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.hash);
                if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.role);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PutToken message, length delimited. Does not implicitly {@link trellis.state.PutToken.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.PutToken
             * @static
             * @param {trellis.state.PutToken.$Properties} message PutToken message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutToken.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PutToken message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.PutToken
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.PutToken & trellis.state.PutToken.$Shape} PutToken
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutToken.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.PutToken();
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
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hash = v;
                            else
                                delete m.hash;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.role = v;
                            else
                                delete m.role;
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
             * Decodes a PutToken message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.PutToken
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.PutToken & trellis.state.PutToken.$Shape} PutToken
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutToken.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PutToken message.
             * @function verify
             * @memberof trellis.state.PutToken
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PutToken.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash")) {
                    if (!$util.isString(m.hash))
                        return "hash: string expected";
                }
                if (m.role != null && $Object.hasOwnProperty.call(m, "role")) {
                    if (!$util.isString(m.role))
                        return "role: string expected";
                }
                return null;
            };

            /**
             * Creates a PutToken message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.PutToken
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.PutToken} PutToken
             */
            PutToken.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.PutToken)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.PutToken: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.PutToken();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.hash != null) {
                    if (typeof d.hash !== "string" || d.hash.length) {
                        m.hash = $String(d.hash);
                    }
                }
                if (d.role != null) {
                    if (typeof d.role !== "string" || d.role.length) {
                        m.role = $String(d.role);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PutToken message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.PutToken
             * @static
             * @param {trellis.state.PutToken} m PutToken
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PutToken.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.hash = "";
                    d.role = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash")) {
                    d.hash = m.hash;
                }
                if (m.role != null && $Object.hasOwnProperty.call(m, "role")) {
                    d.role = m.role;
                }
                return d;
            };

            /**
             * Converts this PutToken to JSON.
             * @function toJSON
             * @memberof trellis.state.PutToken
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PutToken.prototype.toJSON = function() {
                return PutToken.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PutToken
             * @function getTypeUrl
             * @memberof trellis.state.PutToken
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PutToken.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.PutToken";
            };

            return PutToken;
        })();

        state.RevokeToken = (function() {

            /**
             * Properties of a RevokeToken.
             * @typedef {Object} trellis.state.RevokeToken.$Properties
             * @property {string|null} [name] RevokeToken name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RevokeToken.
             * @memberof trellis.state
             * @interface IRevokeToken
             * @augments trellis.state.RevokeToken.$Properties
             * @deprecated Use trellis.state.RevokeToken.$Properties instead.
             */

            /**
             * Shape of a RevokeToken.
             * @typedef {trellis.state.RevokeToken.$Properties} trellis.state.RevokeToken.$Shape
             */

            /**
             * Constructs a new RevokeToken.
             * @memberof trellis.state
             * @classdesc Represents a RevokeToken.
             * @constructor
             * @param {trellis.state.RevokeToken.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RevokeToken = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RevokeToken name.
             * @member {string} name
             * @memberof trellis.state.RevokeToken
             * @instance
             */
            RevokeToken.prototype.name = "";

            /**
             * Creates a new RevokeToken instance using the specified properties.
             * @function create
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {trellis.state.RevokeToken.$Properties=} [properties] Properties to set
             * @returns {trellis.state.RevokeToken} RevokeToken instance
             * @type {{
             *   (properties: trellis.state.RevokeToken.$Shape): trellis.state.RevokeToken & trellis.state.RevokeToken.$Shape;
             *   (properties?: trellis.state.RevokeToken.$Properties): trellis.state.RevokeToken;
             * }}
             */
            RevokeToken.create = function(properties) {
                return new RevokeToken(properties);
            };

            /**
             * Encodes the specified RevokeToken message. Does not implicitly {@link trellis.state.RevokeToken.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {trellis.state.RevokeToken.$Properties} m RevokeToken message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RevokeToken.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified RevokeToken message, length delimited. Does not implicitly {@link trellis.state.RevokeToken.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {trellis.state.RevokeToken.$Properties} message RevokeToken message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RevokeToken.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RevokeToken message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.RevokeToken & trellis.state.RevokeToken.$Shape} RevokeToken
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RevokeToken.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.RevokeToken();
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
                                m.name = v;
                            else
                                delete m.name;
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
             * Decodes a RevokeToken message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.RevokeToken & trellis.state.RevokeToken.$Shape} RevokeToken
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RevokeToken.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RevokeToken message.
             * @function verify
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RevokeToken.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                return null;
            };

            /**
             * Creates a RevokeToken message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.RevokeToken} RevokeToken
             */
            RevokeToken.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.RevokeToken)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.RevokeToken: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.RevokeToken();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RevokeToken message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {trellis.state.RevokeToken} m RevokeToken
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RevokeToken.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            /**
             * Converts this RevokeToken to JSON.
             * @function toJSON
             * @memberof trellis.state.RevokeToken
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RevokeToken.prototype.toJSON = function() {
                return RevokeToken.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RevokeToken
             * @function getTypeUrl
             * @memberof trellis.state.RevokeToken
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RevokeToken.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.RevokeToken";
            };

            return RevokeToken;
        })();

        state.RevokeNode = (function() {

            /**
             * Properties of a RevokeNode.
             * @typedef {Object} trellis.state.RevokeNode.$Properties
             * @property {string|null} [node] RevokeNode node
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RevokeNode.
             * @memberof trellis.state
             * @interface IRevokeNode
             * @augments trellis.state.RevokeNode.$Properties
             * @deprecated Use trellis.state.RevokeNode.$Properties instead.
             */

            /**
             * Shape of a RevokeNode.
             * @typedef {trellis.state.RevokeNode.$Properties} trellis.state.RevokeNode.$Shape
             */

            /**
             * Constructs a new RevokeNode.
             * @memberof trellis.state
             * @classdesc Represents a RevokeNode.
             * @constructor
             * @param {trellis.state.RevokeNode.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RevokeNode = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RevokeNode node.
             * @member {string} node
             * @memberof trellis.state.RevokeNode
             * @instance
             */
            RevokeNode.prototype.node = "";

            /**
             * Creates a new RevokeNode instance using the specified properties.
             * @function create
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {trellis.state.RevokeNode.$Properties=} [properties] Properties to set
             * @returns {trellis.state.RevokeNode} RevokeNode instance
             * @type {{
             *   (properties: trellis.state.RevokeNode.$Shape): trellis.state.RevokeNode & trellis.state.RevokeNode.$Shape;
             *   (properties?: trellis.state.RevokeNode.$Properties): trellis.state.RevokeNode;
             * }}
             */
            RevokeNode.create = function(properties) {
                return new RevokeNode(properties);
            };

            /**
             * Encodes the specified RevokeNode message. Does not implicitly {@link trellis.state.RevokeNode.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {trellis.state.RevokeNode.$Properties} m RevokeNode message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RevokeNode.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified RevokeNode message, length delimited. Does not implicitly {@link trellis.state.RevokeNode.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {trellis.state.RevokeNode.$Properties} message RevokeNode message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RevokeNode.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RevokeNode message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.RevokeNode & trellis.state.RevokeNode.$Shape} RevokeNode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RevokeNode.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.RevokeNode();
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
                                m.node = v;
                            else
                                delete m.node;
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
             * Decodes a RevokeNode message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.RevokeNode & trellis.state.RevokeNode.$Shape} RevokeNode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RevokeNode.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RevokeNode message.
             * @function verify
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RevokeNode.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                return null;
            };

            /**
             * Creates a RevokeNode message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.RevokeNode} RevokeNode
             */
            RevokeNode.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.RevokeNode)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.RevokeNode: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.RevokeNode();
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RevokeNode message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {trellis.state.RevokeNode} m RevokeNode
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RevokeNode.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.node = "";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                return d;
            };

            /**
             * Converts this RevokeNode to JSON.
             * @function toJSON
             * @memberof trellis.state.RevokeNode
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RevokeNode.prototype.toJSON = function() {
                return RevokeNode.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RevokeNode
             * @function getTypeUrl
             * @memberof trellis.state.RevokeNode
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RevokeNode.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.RevokeNode";
            };

            return RevokeNode;
        })();

        state.LogEntry = (function() {

            /**
             * Properties of a LogEntry.
             * @typedef {Object} trellis.state.LogEntry.$Properties
             * @property {number|Long|null} [index] LogEntry index
             * @property {number|Long|null} [at] LogEntry at
             * @property {Uint8Array|null} [command] LogEntry command
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LogEntry.
             * @memberof trellis.state
             * @interface ILogEntry
             * @augments trellis.state.LogEntry.$Properties
             * @deprecated Use trellis.state.LogEntry.$Properties instead.
             */

            /**
             * Shape of a LogEntry.
             * @typedef {trellis.state.LogEntry.$Properties} trellis.state.LogEntry.$Shape
             */

            /**
             * Constructs a new LogEntry.
             * @memberof trellis.state
             * @classdesc Represents a LogEntry.
             * @constructor
             * @param {trellis.state.LogEntry.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LogEntry = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LogEntry index.
             * @member {number|Long} index
             * @memberof trellis.state.LogEntry
             * @instance
             */
            LogEntry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogEntry at.
             * @member {number|Long} at
             * @memberof trellis.state.LogEntry
             * @instance
             */
            LogEntry.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogEntry command.
             * @member {Uint8Array} command
             * @memberof trellis.state.LogEntry
             * @instance
             */
            LogEntry.prototype.command = $util.newBuffer([]);

            /**
             * Creates a new LogEntry instance using the specified properties.
             * @function create
             * @memberof trellis.state.LogEntry
             * @static
             * @param {trellis.state.LogEntry.$Properties=} [properties] Properties to set
             * @returns {trellis.state.LogEntry} LogEntry instance
             * @type {{
             *   (properties: trellis.state.LogEntry.$Shape): trellis.state.LogEntry & trellis.state.LogEntry.$Shape;
             *   (properties?: trellis.state.LogEntry.$Properties): trellis.state.LogEntry;
             * }}
             */
            LogEntry.create = function(properties) {
                return new LogEntry(properties);
            };

            /**
             * Encodes the specified LogEntry message. Does not implicitly {@link trellis.state.LogEntry.verify|verify} messages.
             * @function encode
             * @memberof trellis.state.LogEntry
             * @static
             * @param {trellis.state.LogEntry.$Properties} m LogEntry message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogEntry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.index);
                if (m.at != null && $Object.hasOwnProperty.call(m, "at") && (typeof m.at === "object" ? m.at.low || m.at.high : m.at !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.at);
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.command);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified LogEntry message, length delimited. Does not implicitly {@link trellis.state.LogEntry.verify|verify} messages.
             * @function encodeDelimited
             * @memberof trellis.state.LogEntry
             * @static
             * @param {trellis.state.LogEntry.$Properties} message LogEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogEntry.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LogEntry message from the specified reader or buffer.
             * @function decode
             * @memberof trellis.state.LogEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {trellis.state.LogEntry & trellis.state.LogEntry.$Shape} LogEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogEntry.decode = function (r, l, z, q, g) {
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
                m = g || new $root.trellis.state.LogEntry();
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
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.at = v;
                            else
                                delete m.at;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.command = v;
                            else
                                delete m.command;
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
             * Decodes a LogEntry message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof trellis.state.LogEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {trellis.state.LogEntry & trellis.state.LogEntry.$Shape} LogEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogEntry.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LogEntry message.
             * @function verify
             * @memberof trellis.state.LogEntry
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LogEntry.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index) && !(m.index && $util.isInteger(m.index.low) && $util.isInteger(m.index.high)))
                        return "index: integer|Long expected";
                }
                if (m.at != null && $Object.hasOwnProperty.call(m, "at")) {
                    if (!$util.isInteger(m.at) && !(m.at && $util.isInteger(m.at.low) && $util.isInteger(m.at.high)))
                        return "at: integer|Long expected";
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    if (!(m.command && typeof m.command.length === "number" || $util.isString(m.command)))
                        return "command: buffer expected";
                }
                return null;
            };

            /**
             * Creates a LogEntry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trellis.state.LogEntry
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {trellis.state.LogEntry} LogEntry
             */
            LogEntry.fromObject = function (d, q) {
                if (d instanceof $root.trellis.state.LogEntry)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".trellis.state.LogEntry: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.trellis.state.LogEntry();
                if (d.index != null) {
                    if (typeof d.index === "object" ? d.index.low || d.index.high : $Number(d.index) !== 0) {
                        if ($util.Long)
                            m.index = $util.Long.fromValue(d.index, true);
                        else if (typeof d.index === "string")
                            m.index = $parseInt(d.index, 10);
                        else if (typeof d.index === "number")
                            m.index = d.index;
                        else if (typeof d.index === "object")
                            m.index = new $util.LongBits(d.index.low >>> 0, d.index.high >>> 0).toNumber(true);
                    }
                }
                if (d.at != null) {
                    if (typeof d.at === "object" ? d.at.low || d.at.high : $Number(d.at) !== 0) {
                        if ($util.Long)
                            m.at = $util.Long.fromValue(d.at, true);
                        else if (typeof d.at === "string")
                            m.at = $parseInt(d.at, 10);
                        else if (typeof d.at === "number")
                            m.at = d.at;
                        else if (typeof d.at === "object")
                            m.at = new $util.LongBits(d.at.low >>> 0, d.at.high >>> 0).toNumber(true);
                    }
                }
                if (d.command != null) {
                    if (d.command.length) {
                        if (typeof d.command === "string")
                            $util.base64.decode(d.command, m.command = $util.newBuffer($util.base64.length(d.command)), 0);
                        else if (d.command.length >= 0)
                            m.command = d.command;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a LogEntry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trellis.state.LogEntry
             * @static
             * @param {trellis.state.LogEntry} m LogEntry
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LogEntry.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.index = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.index = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.at = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.at = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.command = "";
                    else {
                        d.command = [];
                        if (o.bytes !== $Array)
                            d.command = $util.newBuffer(d.command);
                    }
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.index = typeof m.index === "number" ? $BigInt(m.index) : $util.Long.fromBits(m.index.low >>> 0, m.index.high >>> 0, true).toBigInt();
                    else if (typeof m.index === "number")
                        d.index = o.longs === $String ? $String(m.index) : m.index;
                    else
                        d.index = o.longs === $String ? $util.Long.prototype.toString.call(m.index) : o.longs === $Number ? new $util.LongBits(m.index.low >>> 0, m.index.high >>> 0).toNumber(true) : m.index;
                }
                if (m.at != null && $Object.hasOwnProperty.call(m, "at")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.at = typeof m.at === "number" ? $BigInt(m.at) : $util.Long.fromBits(m.at.low >>> 0, m.at.high >>> 0, true).toBigInt();
                    else if (typeof m.at === "number")
                        d.at = o.longs === $String ? $String(m.at) : m.at;
                    else
                        d.at = o.longs === $String ? $util.Long.prototype.toString.call(m.at) : o.longs === $Number ? new $util.LongBits(m.at.low >>> 0, m.at.high >>> 0).toNumber(true) : m.at;
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    d.command = o.bytes === $String ? $util.base64.encode(m.command, 0, m.command.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.command) : m.command;
                }
                return d;
            };

            /**
             * Converts this LogEntry to JSON.
             * @function toJSON
             * @memberof trellis.state.LogEntry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LogEntry.prototype.toJSON = function() {
                return LogEntry.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LogEntry
             * @function getTypeUrl
             * @memberof trellis.state.LogEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LogEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/trellis.state.LogEntry";
            };

            return LogEntry;
        })();

        return state;
    })();

    return trellis;
})();

export {
  $root as default
};
