/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const trellis = $root.trellis = (() => {

    const trellis = {};

    trellis.logs = (function() {

        const logs = {};

        logs.LogRequest = (function() {

            const LogRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogRequest.prototype.instance = "";
            LogRequest.prototype.tail = 0;
            LogRequest.prototype.since = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogRequest.prototype.stream = "";
            LogRequest.prototype.follow = false;

            LogRequest.create = function(properties) {
                return new LogRequest(properties);
            };

            LogRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(10).string(m.instance);
                if (m.tail != null && $Object.hasOwnProperty.call(m, "tail") && m.tail !== 0)
                    w.uint32(16).uint32(m.tail);
                if (m.since != null && $Object.hasOwnProperty.call(m, "since") && (typeof m.since === "object" ? m.since.low || m.since.high : m.since !== 0))
                    w.uint32(24).uint64(m.since);
                if (m.stream != null && $Object.hasOwnProperty.call(m, "stream") && m.stream !== "")
                    w.uint32(34).string(m.stream);
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow") && m.follow !== false)
                    w.uint32(40).bool(m.follow);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return LogRequest;
        })();

        logs.LogLine = (function() {

            const LogLine = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogLine.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogLine.prototype.stderr = false;
            LogLine.prototype.text = "";

            LogLine.create = function(properties) {
                return new LogLine(properties);
            };

            LogLine.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.at != null && $Object.hasOwnProperty.call(m, "at") && (typeof m.at === "object" ? m.at.low || m.at.high : m.at !== 0))
                    w.uint32(8).uint64(m.at);
                if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr") && m.stderr !== false)
                    w.uint32(16).bool(m.stderr);
                if (m.text != null && $Object.hasOwnProperty.call(m, "text") && m.text !== "")
                    w.uint32(26).string(m.text);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return LogLine;
        })();

        logs.LogChunk = (function() {

            const LogChunk = function (p) {
                this.lines = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogChunk.prototype.lines = $util.emptyArray;
            LogChunk.prototype.error = "";
            LogChunk.prototype.message = "";

            LogChunk.create = function(properties) {
                return new LogChunk(properties);
            };

            LogChunk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.lines != null && m.lines.length) {
                    for (var i = 0; i < m.lines.length; ++i)
                        $root.trellis.logs.LogLine.encode(m.lines[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                    w.uint32(18).string(m.error);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(26).string(m.message);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return LogChunk;
        })();

        return logs;
    })();

    trellis.mesh = (function() {

        const mesh = {};

        mesh.NodeAdvert = (function() {

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

            NodeAdvert.prototype.nodeId = "";
            NodeAdvert.prototype.name = "";
            NodeAdvert.prototype.incarnation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            NodeAdvert.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            NodeAdvert.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            NodeAdvert.prototype.versions = null;
            NodeAdvert.prototype.zone = "";
            NodeAdvert.prototype.labels = $util.emptyObject;
            NodeAdvert.prototype.cpu = null;
            NodeAdvert.prototype.memory = null;
            NodeAdvert.prototype.disk = null;
            NodeAdvert.prototype.power = null;
            NodeAdvert.prototype.capabilities = $util.emptyArray;
            NodeAdvert.prototype.notes = $util.emptyArray;
            NodeAdvert.prototype.apiAddress = "";
            NodeAdvert.prototype.listenAddrs = $util.emptyArray;
            NodeAdvert.prototype.wakeMac = "";

            NodeAdvert.create = function(properties) {
                return new NodeAdvert(properties);
            };

            NodeAdvert.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(10).string(m.nodeId);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(18).string(m.name);
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation") && (typeof m.incarnation === "object" ? m.incarnation.low || m.incarnation.high : m.incarnation !== 0))
                    w.uint32(24).uint64(m.incarnation);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(32).uint64(m.sequence);
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt") && (typeof m.sentAt === "object" ? m.sentAt.low || m.sentAt.high : m.sentAt !== 0))
                    w.uint32(40).uint64(m.sentAt);
                if (m.versions != null && $Object.hasOwnProperty.call(m, "versions"))
                    $root.trellis.mesh.Versions.encode(m.versions, w.uint32(50).fork(), q + 1).ldelim();
                if (m.zone != null && $Object.hasOwnProperty.call(m, "zone") && m.zone !== "")
                    w.uint32(58).string(m.zone);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(66).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.cpu != null && $Object.hasOwnProperty.call(m, "cpu"))
                    $root.trellis.mesh.Cpu.encode(m.cpu, w.uint32(74).fork(), q + 1).ldelim();
                if (m.memory != null && $Object.hasOwnProperty.call(m, "memory"))
                    $root.trellis.mesh.Memory.encode(m.memory, w.uint32(82).fork(), q + 1).ldelim();
                if (m.disk != null && $Object.hasOwnProperty.call(m, "disk"))
                    $root.trellis.mesh.Disk.encode(m.disk, w.uint32(90).fork(), q + 1).ldelim();
                if (m.power != null && $Object.hasOwnProperty.call(m, "power"))
                    $root.trellis.mesh.Power.encode(m.power, w.uint32(98).fork(), q + 1).ldelim();
                if (m.capabilities != null && m.capabilities.length) {
                    for (var i = 0; i < m.capabilities.length; ++i)
                        w.uint32(106).string(m.capabilities[i]);
                }
                if (m.notes != null && m.notes.length) {
                    for (var i = 0; i < m.notes.length; ++i)
                        w.uint32(114).string(m.notes[i]);
                }
                if (m.apiAddress != null && $Object.hasOwnProperty.call(m, "apiAddress") && m.apiAddress !== "")
                    w.uint32(122).string(m.apiAddress);
                if (m.listenAddrs != null && m.listenAddrs.length) {
                    for (var i = 0; i < m.listenAddrs.length; ++i)
                        w.uint32(130).string(m.listenAddrs[i]);
                }
                if (m.wakeMac != null && $Object.hasOwnProperty.call(m, "wakeMac") && m.wakeMac !== "")
                    w.uint32(138).string(m.wakeMac);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return NodeAdvert;
        })();

        mesh.Versions = (function() {

            const Versions = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Versions.prototype.trellis = "";
            Versions.prototype.node = "";

            Versions.create = function(properties) {
                return new Versions(properties);
            };

            Versions.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.trellis != null && $Object.hasOwnProperty.call(m, "trellis") && m.trellis !== "")
                    w.uint32(10).string(m.trellis);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(18).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Versions;
        })();

        mesh.Cpu = (function() {

            const Cpu = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Cpu.prototype.cores = 0;
            Cpu.prototype.model = "";
            Cpu.prototype.load1 = 0;
            Cpu.prototype.load5 = 0;
            Cpu.prototype.load15 = 0;
            Cpu.prototype.usage = 0;
            Cpu.prototype.allocatable = 0;
            Cpu.prototype.allocated = 0;

            Cpu.create = function(properties) {
                return new Cpu(properties);
            };

            Cpu.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores") && m.cores !== 0)
                    w.uint32(8).uint32(m.cores);
                if (m.model != null && $Object.hasOwnProperty.call(m, "model") && m.model !== "")
                    w.uint32(18).string(m.model);
                if (m.load1 != null && $Object.hasOwnProperty.call(m, "load1") && !$Object.is(m.load1, 0))
                    w.uint32(25).double(m.load1);
                if (m.load5 != null && $Object.hasOwnProperty.call(m, "load5") && !$Object.is(m.load5, 0))
                    w.uint32(33).double(m.load5);
                if (m.load15 != null && $Object.hasOwnProperty.call(m, "load15") && !$Object.is(m.load15, 0))
                    w.uint32(41).double(m.load15);
                if (m.usage != null && $Object.hasOwnProperty.call(m, "usage") && !$Object.is(m.usage, 0))
                    w.uint32(49).double(m.usage);
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable") && !$Object.is(m.allocatable, 0))
                    w.uint32(57).double(m.allocatable);
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated") && !$Object.is(m.allocated, 0))
                    w.uint32(65).double(m.allocated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Cpu;
        })();

        mesh.Memory = (function() {

            const Memory = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Memory.prototype.total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Memory.prototype.free = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Memory.prototype.allocatable = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Memory.prototype.allocated = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Memory.create = function(properties) {
                return new Memory(properties);
            };

            Memory.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.total != null && $Object.hasOwnProperty.call(m, "total") && (typeof m.total === "object" ? m.total.low || m.total.high : m.total !== 0))
                    w.uint32(8).uint64(m.total);
                if (m.free != null && $Object.hasOwnProperty.call(m, "free") && (typeof m.free === "object" ? m.free.low || m.free.high : m.free !== 0))
                    w.uint32(16).uint64(m.free);
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable") && (typeof m.allocatable === "object" ? m.allocatable.low || m.allocatable.high : m.allocatable !== 0))
                    w.uint32(24).uint64(m.allocatable);
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated") && (typeof m.allocated === "object" ? m.allocated.low || m.allocated.high : m.allocated !== 0))
                    w.uint32(32).uint64(m.allocated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Memory;
        })();

        mesh.Disk = (function() {

            const Disk = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Disk.prototype.total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Disk.prototype.free = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Disk.prototype.allocatable = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Disk.prototype.allocated = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Disk.create = function(properties) {
                return new Disk(properties);
            };

            Disk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.total != null && $Object.hasOwnProperty.call(m, "total") && (typeof m.total === "object" ? m.total.low || m.total.high : m.total !== 0))
                    w.uint32(8).uint64(m.total);
                if (m.free != null && $Object.hasOwnProperty.call(m, "free") && (typeof m.free === "object" ? m.free.low || m.free.high : m.free !== 0))
                    w.uint32(16).uint64(m.free);
                if (m.allocatable != null && $Object.hasOwnProperty.call(m, "allocatable") && (typeof m.allocatable === "object" ? m.allocatable.low || m.allocatable.high : m.allocatable !== 0))
                    w.uint32(24).uint64(m.allocatable);
                if (m.allocated != null && $Object.hasOwnProperty.call(m, "allocated") && (typeof m.allocated === "object" ? m.allocated.low || m.allocated.high : m.allocated !== 0))
                    w.uint32(32).uint64(m.allocated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Disk;
        })();

        mesh.PowerSource = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "POWER_SOURCE_UNKNOWN"] = 0;
            values[valuesById[1] = "POWER_SOURCE_MAINS"] = 1;
            values[valuesById[2] = "POWER_SOURCE_BATTERY"] = 2;
            return values;
        })();

        mesh.Power = (function() {

            const Power = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Power.prototype.source = 0;
            Power.prototype.chargePercent = null;
            Power.prototype.timeRemainingMinutes = null;
            Power.prototype.charging = false;

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

            Power.create = function(properties) {
                return new Power(properties);
            };

            Power.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== 0)
                    w.uint32(8).int32(m.source);
                if (m.chargePercent != null && $Object.hasOwnProperty.call(m, "chargePercent"))
                    w.uint32(17).double(m.chargePercent);
                if (m.timeRemainingMinutes != null && $Object.hasOwnProperty.call(m, "timeRemainingMinutes"))
                    w.uint32(24).uint32(m.timeRemainingMinutes);
                if (m.charging != null && $Object.hasOwnProperty.call(m, "charging") && m.charging !== false)
                    w.uint32(32).bool(m.charging);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Power;
        })();

        mesh.Heartbeat = (function() {

            const Heartbeat = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Heartbeat.prototype.nodeId = "";
            Heartbeat.prototype.incarnation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Heartbeat.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Heartbeat.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Heartbeat.prototype.leaving = false;
            Heartbeat.prototype.heard = false;

            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            Heartbeat.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(10).string(m.nodeId);
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation") && (typeof m.incarnation === "object" ? m.incarnation.low || m.incarnation.high : m.incarnation !== 0))
                    w.uint32(16).uint64(m.incarnation);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(24).uint64(m.sequence);
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt") && (typeof m.sentAt === "object" ? m.sentAt.low || m.sentAt.high : m.sentAt !== 0))
                    w.uint32(32).uint64(m.sentAt);
                if (m.leaving != null && $Object.hasOwnProperty.call(m, "leaving") && m.leaving !== false)
                    w.uint32(40).bool(m.leaving);
                if (m.heard != null && $Object.hasOwnProperty.call(m, "heard") && m.heard !== false)
                    w.uint32(48).bool(m.heard);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Heartbeat;
        })();

        mesh.InstanceReport = (function() {

            const InstanceReport = function (p) {
                this.instances = [];
                this.events = [];
                this.volumeSyncs = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            InstanceReport.prototype.nodeId = "";
            InstanceReport.prototype.incarnation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            InstanceReport.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            InstanceReport.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            InstanceReport.prototype.instances = $util.emptyArray;
            InstanceReport.prototype.events = $util.emptyArray;
            InstanceReport.prototype.volumeSyncs = $util.emptyArray;

            InstanceReport.create = function(properties) {
                return new InstanceReport(properties);
            };

            InstanceReport.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(10).string(m.nodeId);
                if (m.incarnation != null && $Object.hasOwnProperty.call(m, "incarnation") && (typeof m.incarnation === "object" ? m.incarnation.low || m.incarnation.high : m.incarnation !== 0))
                    w.uint32(16).uint64(m.incarnation);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(24).uint64(m.sequence);
                if (m.sentAt != null && $Object.hasOwnProperty.call(m, "sentAt") && (typeof m.sentAt === "object" ? m.sentAt.low || m.sentAt.high : m.sentAt !== 0))
                    w.uint32(32).uint64(m.sentAt);
                if (m.instances != null && m.instances.length) {
                    for (var i = 0; i < m.instances.length; ++i)
                        $root.trellis.mesh.InstanceState.encode(m.instances[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.events != null && m.events.length) {
                    for (var i = 0; i < m.events.length; ++i)
                        $root.trellis.mesh.InstanceEvent.encode(m.events[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.volumeSyncs != null && m.volumeSyncs.length) {
                    for (var i = 0; i < m.volumeSyncs.length; ++i)
                        $root.trellis.mesh.VolumeSync.encode(m.volumeSyncs[i], w.uint32(58).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return InstanceReport;
        })();

        mesh.VolumeSync = (function() {

            const VolumeSync = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            VolumeSync.prototype.volume = "";
            VolumeSync.prototype.node = "";
            VolumeSync.prototype.comparedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            VolumeSync.prototype.totalBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            VolumeSync.prototype.copiedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            VolumeSync.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            VolumeSync.create = function(properties) {
                return new VolumeSync(properties);
            };

            VolumeSync.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(10).string(m.volume);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(18).string(m.node);
                if (m.comparedBytes != null && $Object.hasOwnProperty.call(m, "comparedBytes") && (typeof m.comparedBytes === "object" ? m.comparedBytes.low || m.comparedBytes.high : m.comparedBytes !== 0))
                    w.uint32(24).uint64(m.comparedBytes);
                if (m.totalBytes != null && $Object.hasOwnProperty.call(m, "totalBytes") && (typeof m.totalBytes === "object" ? m.totalBytes.low || m.totalBytes.high : m.totalBytes !== 0))
                    w.uint32(32).uint64(m.totalBytes);
                if (m.copiedBytes != null && $Object.hasOwnProperty.call(m, "copiedBytes") && (typeof m.copiedBytes === "object" ? m.copiedBytes.low || m.copiedBytes.high : m.copiedBytes !== 0))
                    w.uint32(40).uint64(m.copiedBytes);
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt") && (typeof m.startedAt === "object" ? m.startedAt.low || m.startedAt.high : m.startedAt !== 0))
                    w.uint32(48).uint64(m.startedAt);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return VolumeSync;
        })();

        mesh.InstanceState = (function() {

            const InstanceState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            InstanceState.prototype.id = "";
            InstanceState.prototype.state = "";
            InstanceState.prototype.pid = 0;
            InstanceState.prototype.restarts = 0;
            InstanceState.prototype.health = "";
            InstanceState.prototype.since = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            InstanceState.prototype.exitCode = 0;
            InstanceState.prototype.exitSignal = "";
            InstanceState.prototype.oomKilled = false;
            InstanceState.prototype.exited = false;
            InstanceState.prototype.plan = "";

            InstanceState.create = function(properties) {
                return new InstanceState(properties);
            };

            InstanceState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(10).string(m.id);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(18).string(m.state);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(24).uint32(m.pid);
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts") && m.restarts !== 0)
                    w.uint32(32).uint32(m.restarts);
                if (m.health != null && $Object.hasOwnProperty.call(m, "health") && m.health !== "")
                    w.uint32(42).string(m.health);
                if (m.since != null && $Object.hasOwnProperty.call(m, "since") && (typeof m.since === "object" ? m.since.low || m.since.high : m.since !== 0))
                    w.uint32(48).uint64(m.since);
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode") && m.exitCode !== 0)
                    w.uint32(56).sint32(m.exitCode);
                if (m.exitSignal != null && $Object.hasOwnProperty.call(m, "exitSignal") && m.exitSignal !== "")
                    w.uint32(66).string(m.exitSignal);
                if (m.oomKilled != null && $Object.hasOwnProperty.call(m, "oomKilled") && m.oomKilled !== false)
                    w.uint32(72).bool(m.oomKilled);
                if (m.exited != null && $Object.hasOwnProperty.call(m, "exited") && m.exited !== false)
                    w.uint32(80).bool(m.exited);
                if (m.plan != null && $Object.hasOwnProperty.call(m, "plan") && m.plan !== "")
                    w.uint32(90).string(m.plan);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return InstanceState;
        })();

        mesh.InstanceEvent = (function() {

            const InstanceEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            InstanceEvent.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            InstanceEvent.prototype.instance = "";
            InstanceEvent.prototype.kind = "";
            InstanceEvent.prototype.detail = "";
            InstanceEvent.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            InstanceEvent.create = function(properties) {
                return new InstanceEvent(properties);
            };

            InstanceEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.at != null && $Object.hasOwnProperty.call(m, "at") && (typeof m.at === "object" ? m.at.low || m.at.high : m.at !== 0))
                    w.uint32(8).uint64(m.at);
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(18).string(m.instance);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(26).string(m.kind);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(34).string(m.detail);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(40).uint64(m.seq);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return InstanceEvent;
        })();

        return mesh;
    })();

    trellis.raft = (function() {

        const raft = {};

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

            const Message = function (p) {
                this.entries = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Message.prototype.type = 0;
            Message.prototype.from = "";
            Message.prototype.to = "";
            Message.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Message.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Message.prototype.logTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Message.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Message.prototype.entries = $util.emptyArray;
            Message.prototype.reject = false;
            Message.prototype.rejectHint = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Message.prototype.context = $util.newBuffer([]);
            Message.prototype.transfer = false;
            Message.prototype.snapshot = null;
            Message.prototype.round = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Message.prototype.confirmed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Message.create = function(properties) {
                return new Message(properties);
            };

            Message.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(8).int32(m.type);
                if (m.from != null && $Object.hasOwnProperty.call(m, "from") && m.from !== "")
                    w.uint32(18).string(m.from);
                if (m.to != null && $Object.hasOwnProperty.call(m, "to") && m.to !== "")
                    w.uint32(26).string(m.to);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(32).uint64(m.term);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(40).uint64(m.index);
                if (m.logTerm != null && $Object.hasOwnProperty.call(m, "logTerm") && (typeof m.logTerm === "object" ? m.logTerm.low || m.logTerm.high : m.logTerm !== 0))
                    w.uint32(48).uint64(m.logTerm);
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit") && (typeof m.commit === "object" ? m.commit.low || m.commit.high : m.commit !== 0))
                    w.uint32(56).uint64(m.commit);
                if (m.entries != null && m.entries.length) {
                    for (var i = 0; i < m.entries.length; ++i)
                        $root.trellis.raft.Entry.encode(m.entries[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.reject != null && $Object.hasOwnProperty.call(m, "reject") && m.reject !== false)
                    w.uint32(72).bool(m.reject);
                if (m.rejectHint != null && $Object.hasOwnProperty.call(m, "rejectHint") && (typeof m.rejectHint === "object" ? m.rejectHint.low || m.rejectHint.high : m.rejectHint !== 0))
                    w.uint32(80).uint64(m.rejectHint);
                if (m.context != null && $Object.hasOwnProperty.call(m, "context") && m.context.length)
                    w.uint32(90).bytes(m.context);
                if (m.transfer != null && $Object.hasOwnProperty.call(m, "transfer") && m.transfer !== false)
                    w.uint32(96).bool(m.transfer);
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot"))
                    $root.trellis.raft.Snapshot.encode(m.snapshot, w.uint32(106).fork(), q + 1).ldelim();
                if (m.round != null && $Object.hasOwnProperty.call(m, "round") && (typeof m.round === "object" ? m.round.low || m.round.high : m.round !== 0))
                    w.uint32(112).uint64(m.round);
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed") && (typeof m.confirmed === "object" ? m.confirmed.low || m.confirmed.high : m.confirmed !== 0))
                    w.uint32(120).uint64(m.confirmed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Message;
        })();

        raft.EntryType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ENTRY_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "NORMAL"] = 1;
            values[valuesById[2] = "CONF_CHANGE"] = 2;
            return values;
        })();

        raft.Entry = (function() {

            const Entry = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Entry.prototype.type = 0;
            Entry.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Entry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Entry.prototype.data = $util.newBuffer([]);
            Entry.prototype.change = null;

            Entry.create = function(properties) {
                return new Entry(properties);
            };

            Entry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(8).int32(m.type);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(16).uint64(m.term);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(24).uint64(m.index);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(34).bytes(m.data);
                if (m.change != null && $Object.hasOwnProperty.call(m, "change"))
                    $root.trellis.raft.ConfChange.encode(m.change, w.uint32(42).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Entry;
        })();

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

            const ConfChange = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ConfChange.prototype.type = 0;
            ConfChange.prototype.node = "";

            ConfChange.create = function(properties) {
                return new ConfChange(properties);
            };

            ConfChange.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(8).int32(m.type);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(18).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return ConfChange;
        })();

        raft.ConfState = (function() {

            const ConfState = function (p) {
                this.voters = [];
                this.learners = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ConfState.prototype.voters = $util.emptyArray;
            ConfState.prototype.learners = $util.emptyArray;

            ConfState.create = function(properties) {
                return new ConfState(properties);
            };

            ConfState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.voters != null && m.voters.length) {
                    for (var i = 0; i < m.voters.length; ++i)
                        w.uint32(10).string(m.voters[i]);
                }
                if (m.learners != null && m.learners.length) {
                    for (var i = 0; i < m.learners.length; ++i)
                        w.uint32(18).string(m.learners[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return ConfState;
        })();

        raft.HardState = (function() {

            const HardState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            HardState.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            HardState.prototype.vote = "";
            HardState.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            HardState.create = function(properties) {
                return new HardState(properties);
            };

            HardState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(8).uint64(m.term);
                if (m.vote != null && $Object.hasOwnProperty.call(m, "vote") && m.vote !== "")
                    w.uint32(18).string(m.vote);
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit") && (typeof m.commit === "object" ? m.commit.low || m.commit.high : m.commit !== 0))
                    w.uint32(24).uint64(m.commit);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return HardState;
        })();

        raft.Snapshot = (function() {

            const Snapshot = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Snapshot.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Snapshot.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Snapshot.prototype.conf = null;
            Snapshot.prototype.data = $util.newBuffer([]);

            Snapshot.create = function(properties) {
                return new Snapshot(properties);
            };

            Snapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(8).uint64(m.index);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && (typeof m.term === "object" ? m.term.low || m.term.high : m.term !== 0))
                    w.uint32(16).uint64(m.term);
                if (m.conf != null && $Object.hasOwnProperty.call(m, "conf"))
                    $root.trellis.raft.ConfState.encode(m.conf, w.uint32(26).fork(), q + 1).ldelim();
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(34).bytes(m.data);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Snapshot;
        })();

        raft.ForwardRequest = (function() {

            const ForwardRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ForwardRequest.prototype.command = $util.newBuffer([]);

            ForwardRequest.create = function(properties) {
                return new ForwardRequest(properties);
            };

            ForwardRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command.length)
                    w.uint32(10).bytes(m.command);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return ForwardRequest;
        })();

        raft.ForwardStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "FORWARD_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OK"] = 1;
            values[valuesById[2] = "NOT_LEADER"] = 2;
            values[valuesById[3] = "ERROR"] = 3;
            return values;
        })();

        raft.ForwardResponse = (function() {

            const ForwardResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ForwardResponse.prototype.status = 0;
            ForwardResponse.prototype.resultJson = "";
            ForwardResponse.prototype.leader = "";
            ForwardResponse.prototype.code = "";
            ForwardResponse.prototype.message = "";
            ForwardResponse.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            ForwardResponse.create = function(properties) {
                return new ForwardResponse(properties);
            };

            ForwardResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(8).int32(m.status);
                if (m.resultJson != null && $Object.hasOwnProperty.call(m, "resultJson") && m.resultJson !== "")
                    w.uint32(18).string(m.resultJson);
                if (m.leader != null && $Object.hasOwnProperty.call(m, "leader") && m.leader !== "")
                    w.uint32(26).string(m.leader);
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(34).string(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(42).string(m.message);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(48).uint64(m.index);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return ForwardResponse;
        })();

        return raft;
    })();

    trellis.runtime = (function() {

        const runtime = {};

        runtime.InstanceRecord = (function() {

            const InstanceRecord = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            InstanceRecord.prototype.id = "";
            InstanceRecord.prototype.appVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            InstanceRecord.prototype.driver = "";
            InstanceRecord.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            InstanceRecord.prototype.driverState = "";
            InstanceRecord.prototype.restarts = 0;

            InstanceRecord.create = function(properties) {
                return new InstanceRecord(properties);
            };

            InstanceRecord.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(10).string(m.id);
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion") && (typeof m.appVersion === "object" ? m.appVersion.low || m.appVersion.high : m.appVersion !== 0))
                    w.uint32(16).uint64(m.appVersion);
                if (m.driver != null && $Object.hasOwnProperty.call(m, "driver") && m.driver !== "")
                    w.uint32(26).string(m.driver);
                if (m.startedAt != null && $Object.hasOwnProperty.call(m, "startedAt") && (typeof m.startedAt === "object" ? m.startedAt.low || m.startedAt.high : m.startedAt !== 0))
                    w.uint32(32).uint64(m.startedAt);
                if (m.driverState != null && $Object.hasOwnProperty.call(m, "driverState") && m.driverState !== "")
                    w.uint32(42).string(m.driverState);
                if (m.restarts != null && $Object.hasOwnProperty.call(m, "restarts") && m.restarts !== 0)
                    w.uint32(48).uint32(m.restarts);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return InstanceRecord;
        })();

        return runtime;
    })();

    trellis.session = (function() {

        const session = {};

        session.Open = (function() {

            const Open = function (p) {
                this.command = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Open.prototype.instance = "";
            Open.prototype.console = false;
            Open.prototype.command = $util.emptyArray;
            Open.prototype.tty = false;
            Open.prototype.cols = 0;
            Open.prototype.rows = 0;
            Open.prototype.term = "";

            Open.create = function(properties) {
                return new Open(properties);
            };

            Open.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(10).string(m.instance);
                if (m.console != null && $Object.hasOwnProperty.call(m, "console") && m.console !== false)
                    w.uint32(16).bool(m.console);
                if (m.command != null && m.command.length) {
                    for (var i = 0; i < m.command.length; ++i)
                        w.uint32(26).string(m.command[i]);
                }
                if (m.tty != null && $Object.hasOwnProperty.call(m, "tty") && m.tty !== false)
                    w.uint32(32).bool(m.tty);
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols") && m.cols !== 0)
                    w.uint32(40).uint32(m.cols);
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && m.rows !== 0)
                    w.uint32(48).uint32(m.rows);
                if (m.term != null && $Object.hasOwnProperty.call(m, "term") && m.term !== "")
                    w.uint32(58).string(m.term);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Open;
        })();

        session.Resize = (function() {

            const Resize = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Resize.prototype.cols = 0;
            Resize.prototype.rows = 0;

            Resize.create = function(properties) {
                return new Resize(properties);
            };

            Resize.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.cols != null && $Object.hasOwnProperty.call(m, "cols") && m.cols !== 0)
                    w.uint32(8).uint32(m.cols);
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && m.rows !== 0)
                    w.uint32(16).uint32(m.rows);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Resize;
        })();

        session.End = (function() {

            const End = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            End.prototype.code = null;
            End.prototype.signal = "";
            End.prototype.errorCode = "";
            End.prototype.errorMessage = "";

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(End.prototype, "_code", {
                get: $util.oneOfGetter($oneOfFields = ["code"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            End.create = function(properties) {
                return new End(properties);
            };

            End.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code"))
                    w.uint32(8).int32(m.code);
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal") && m.signal !== "")
                    w.uint32(18).string(m.signal);
                if (m.errorCode != null && $Object.hasOwnProperty.call(m, "errorCode") && m.errorCode !== "")
                    w.uint32(26).string(m.errorCode);
                if (m.errorMessage != null && $Object.hasOwnProperty.call(m, "errorMessage") && m.errorMessage !== "")
                    w.uint32(34).string(m.errorMessage);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return End;
        })();

        session.Control = (function() {

            const Control = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Control.prototype.open = null;
            Control.prototype.resize = null;
            Control.prototype.eof = null;
            Control.prototype.end = null;

            let $oneOfFields;

            $Object.defineProperty(Control.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["open", "resize", "eof", "end"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Control.create = function(properties) {
                return new Control(properties);
            };

            Control.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.open != null && $Object.hasOwnProperty.call(m, "open"))
                    $root.trellis.session.Open.encode(m.open, w.uint32(10).fork(), q + 1).ldelim();
                if (m.resize != null && $Object.hasOwnProperty.call(m, "resize"))
                    $root.trellis.session.Resize.encode(m.resize, w.uint32(18).fork(), q + 1).ldelim();
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof"))
                    w.uint32(24).bool(m.eof);
                if (m.end != null && $Object.hasOwnProperty.call(m, "end"))
                    $root.trellis.session.End.encode(m.end, w.uint32(34).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Control;
        })();

        return session;
    })();

    trellis.state = (function() {

        const state = {};

        state.Command = (function() {

            const Command = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Command.prototype.version = 0;
            Command.prototype.putApp = null;
            Command.prototype.deleteApp = null;
            Command.prototype.placeApp = null;
            Command.prototype.setNodeAdmin = null;
            Command.prototype.updateVolume = null;
            Command.prototype.copyVolume = null;
            Command.prototype.deleteSnapshot = null;
            Command.prototype.putImage = null;
            Command.prototype.deleteImage = null;
            Command.prototype.imageHeld = null;
            Command.prototype.putToken = null;
            Command.prototype.revokeToken = null;
            Command.prototype.setPower = null;
            Command.prototype.revokeNode = null;

            let $oneOfFields;

            $Object.defineProperty(Command.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["putApp", "deleteApp", "placeApp", "setNodeAdmin", "updateVolume", "copyVolume", "deleteSnapshot", "putImage", "deleteImage", "imageHeld", "putToken", "revokeToken", "setPower", "revokeNode"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Command.create = function(properties) {
                return new Command(properties);
            };

            Command.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(8).uint32(m.version);
                if (m.putApp != null && $Object.hasOwnProperty.call(m, "putApp"))
                    $root.trellis.state.PutApp.encode(m.putApp, w.uint32(18).fork(), q + 1).ldelim();
                if (m.deleteApp != null && $Object.hasOwnProperty.call(m, "deleteApp"))
                    $root.trellis.state.DeleteApp.encode(m.deleteApp, w.uint32(26).fork(), q + 1).ldelim();
                if (m.placeApp != null && $Object.hasOwnProperty.call(m, "placeApp"))
                    $root.trellis.state.PlaceApp.encode(m.placeApp, w.uint32(34).fork(), q + 1).ldelim();
                if (m.setNodeAdmin != null && $Object.hasOwnProperty.call(m, "setNodeAdmin"))
                    $root.trellis.state.SetNodeAdmin.encode(m.setNodeAdmin, w.uint32(42).fork(), q + 1).ldelim();
                if (m.updateVolume != null && $Object.hasOwnProperty.call(m, "updateVolume"))
                    $root.trellis.state.UpdateVolume.encode(m.updateVolume, w.uint32(50).fork(), q + 1).ldelim();
                if (m.copyVolume != null && $Object.hasOwnProperty.call(m, "copyVolume"))
                    $root.trellis.state.CopyVolume.encode(m.copyVolume, w.uint32(58).fork(), q + 1).ldelim();
                if (m.deleteSnapshot != null && $Object.hasOwnProperty.call(m, "deleteSnapshot"))
                    $root.trellis.state.DeleteSnapshot.encode(m.deleteSnapshot, w.uint32(66).fork(), q + 1).ldelim();
                if (m.putImage != null && $Object.hasOwnProperty.call(m, "putImage"))
                    $root.trellis.state.PutImage.encode(m.putImage, w.uint32(74).fork(), q + 1).ldelim();
                if (m.deleteImage != null && $Object.hasOwnProperty.call(m, "deleteImage"))
                    $root.trellis.state.DeleteImage.encode(m.deleteImage, w.uint32(82).fork(), q + 1).ldelim();
                if (m.imageHeld != null && $Object.hasOwnProperty.call(m, "imageHeld"))
                    $root.trellis.state.ImageHeld.encode(m.imageHeld, w.uint32(90).fork(), q + 1).ldelim();
                if (m.putToken != null && $Object.hasOwnProperty.call(m, "putToken"))
                    $root.trellis.state.PutToken.encode(m.putToken, w.uint32(98).fork(), q + 1).ldelim();
                if (m.revokeToken != null && $Object.hasOwnProperty.call(m, "revokeToken"))
                    $root.trellis.state.RevokeToken.encode(m.revokeToken, w.uint32(106).fork(), q + 1).ldelim();
                if (m.setPower != null && $Object.hasOwnProperty.call(m, "setPower"))
                    $root.trellis.state.SetPower.encode(m.setPower, w.uint32(114).fork(), q + 1).ldelim();
                if (m.revokeNode != null && $Object.hasOwnProperty.call(m, "revokeNode"))
                    $root.trellis.state.RevokeNode.encode(m.revokeNode, w.uint32(122).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Command;
        })();

        state.PutApp = (function() {

            const PutApp = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            PutApp.prototype.name = "";
            PutApp.prototype.specJson = "";
            PutApp.prototype.source = "";
            PutApp.prototype.homeNode = "";
            PutApp.prototype.rollbackOf = 0;

            PutApp.create = function(properties) {
                return new PutApp(properties);
            };

            PutApp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.specJson != null && $Object.hasOwnProperty.call(m, "specJson") && m.specJson !== "")
                    w.uint32(18).string(m.specJson);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(26).string(m.source);
                if (m.homeNode != null && $Object.hasOwnProperty.call(m, "homeNode") && m.homeNode !== "")
                    w.uint32(34).string(m.homeNode);
                if (m.rollbackOf != null && $Object.hasOwnProperty.call(m, "rollbackOf") && m.rollbackOf !== 0)
                    w.uint32(40).uint32(m.rollbackOf);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return PutApp;
        })();

        state.DeleteApp = (function() {

            const DeleteApp = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            DeleteApp.prototype.name = "";

            DeleteApp.create = function(properties) {
                return new DeleteApp(properties);
            };

            DeleteApp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return DeleteApp;
        })();

        state.PlaceApp = (function() {

            const PlaceApp = function (p) {
                this.placements = [];
                this.volumes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            PlaceApp.prototype.app = "";
            PlaceApp.prototype.appVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            PlaceApp.prototype.placements = $util.emptyArray;
            PlaceApp.prototype.reason = "";
            PlaceApp.prototype.volumes = $util.emptyArray;

            PlaceApp.create = function(properties) {
                return new PlaceApp(properties);
            };

            PlaceApp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.app != null && $Object.hasOwnProperty.call(m, "app") && m.app !== "")
                    w.uint32(10).string(m.app);
                if (m.appVersion != null && $Object.hasOwnProperty.call(m, "appVersion") && (typeof m.appVersion === "object" ? m.appVersion.low || m.appVersion.high : m.appVersion !== 0))
                    w.uint32(16).uint64(m.appVersion);
                if (m.placements != null && m.placements.length) {
                    for (var i = 0; i < m.placements.length; ++i)
                        $root.trellis.state.Placement.encode(m.placements[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(34).string(m.reason);
                if (m.volumes != null && m.volumes.length) {
                    for (var i = 0; i < m.volumes.length; ++i)
                        $root.trellis.state.VolumeMembers.encode(m.volumes[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return PlaceApp;
        })();

        state.VolumeMembers = (function() {

            const VolumeMembers = function (p) {
                this.members = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            VolumeMembers.prototype.volume = "";
            VolumeMembers.prototype.members = $util.emptyArray;

            VolumeMembers.create = function(properties) {
                return new VolumeMembers(properties);
            };

            VolumeMembers.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(10).string(m.volume);
                if (m.members != null && m.members.length) {
                    for (var i = 0; i < m.members.length; ++i)
                        w.uint32(18).string(m.members[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return VolumeMembers;
        })();

        state.UpdateVolume = (function() {

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

            UpdateVolume.prototype.volume = "";
            UpdateVolume.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            UpdateVolume.prototype.addMembers = $util.emptyArray;
            UpdateVolume.prototype.removeMembers = $util.emptyArray;
            UpdateVolume.prototype.addInSync = $util.emptyArray;
            UpdateVolume.prototype.removeInSync = $util.emptyArray;
            UpdateVolume.prototype.reason = "";

            UpdateVolume.create = function(properties) {
                return new UpdateVolume(properties);
            };

            UpdateVolume.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(10).string(m.volume);
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(16).uint64(m.generation);
                if (m.addMembers != null && m.addMembers.length) {
                    for (var i = 0; i < m.addMembers.length; ++i)
                        w.uint32(26).string(m.addMembers[i]);
                }
                if (m.removeMembers != null && m.removeMembers.length) {
                    for (var i = 0; i < m.removeMembers.length; ++i)
                        w.uint32(34).string(m.removeMembers[i]);
                }
                if (m.addInSync != null && m.addInSync.length) {
                    for (var i = 0; i < m.addInSync.length; ++i)
                        w.uint32(42).string(m.addInSync[i]);
                }
                if (m.removeInSync != null && m.removeInSync.length) {
                    for (var i = 0; i < m.removeInSync.length; ++i)
                        w.uint32(50).string(m.removeInSync[i]);
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(58).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return UpdateVolume;
        })();

        state.Placement = (function() {

            const Placement = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Placement.prototype.instance = "";
            Placement.prototype.node = "";

            Placement.create = function(properties) {
                return new Placement(properties);
            };

            Placement.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.instance != null && $Object.hasOwnProperty.call(m, "instance") && m.instance !== "")
                    w.uint32(10).string(m.instance);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(18).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return Placement;
        })();

        state.SetNodeAdmin = (function() {

            const SetNodeAdmin = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SetNodeAdmin.prototype.node = "";
            SetNodeAdmin.prototype.cordoned = false;
            SetNodeAdmin.prototype.draining = false;
            SetNodeAdmin.prototype.parked = false;
            SetNodeAdmin.prototype.reason = "";

            SetNodeAdmin.create = function(properties) {
                return new SetNodeAdmin(properties);
            };

            SetNodeAdmin.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(10).string(m.node);
                if (m.cordoned != null && $Object.hasOwnProperty.call(m, "cordoned") && m.cordoned !== false)
                    w.uint32(16).bool(m.cordoned);
                if (m.draining != null && $Object.hasOwnProperty.call(m, "draining") && m.draining !== false)
                    w.uint32(24).bool(m.draining);
                if (m.parked != null && $Object.hasOwnProperty.call(m, "parked") && m.parked !== false)
                    w.uint32(32).bool(m.parked);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(42).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return SetNodeAdmin;
        })();

        state.SetPower = (function() {

            const SetPower = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SetPower.prototype.consolidate = false;
            SetPower.prototype.lowPercent = 0;
            SetPower.prototype.highPercent = 0;
            SetPower.prototype.minActiveNodes = 0;

            SetPower.create = function(properties) {
                return new SetPower(properties);
            };

            SetPower.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.consolidate != null && $Object.hasOwnProperty.call(m, "consolidate") && m.consolidate !== false)
                    w.uint32(8).bool(m.consolidate);
                if (m.lowPercent != null && $Object.hasOwnProperty.call(m, "lowPercent") && m.lowPercent !== 0)
                    w.uint32(16).uint32(m.lowPercent);
                if (m.highPercent != null && $Object.hasOwnProperty.call(m, "highPercent") && m.highPercent !== 0)
                    w.uint32(24).uint32(m.highPercent);
                if (m.minActiveNodes != null && $Object.hasOwnProperty.call(m, "minActiveNodes") && m.minActiveNodes !== 0)
                    w.uint32(32).uint32(m.minActiveNodes);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return SetPower;
        })();

        state.CopyVolume = (function() {

            const CopyVolume = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            CopyVolume.prototype.source = "";
            CopyVolume.prototype.target = "";
            CopyVolume.prototype.app = "";
            CopyVolume.prototype.component = "";
            CopyVolume.prototype.name = "";

            CopyVolume.create = function(properties) {
                return new CopyVolume(properties);
            };

            CopyVolume.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(10).string(m.source);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(18).string(m.target);
                if (m.app != null && $Object.hasOwnProperty.call(m, "app") && m.app !== "")
                    w.uint32(26).string(m.app);
                if (m.component != null && $Object.hasOwnProperty.call(m, "component") && m.component !== "")
                    w.uint32(34).string(m.component);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(42).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return CopyVolume;
        })();

        state.DeleteSnapshot = (function() {

            const DeleteSnapshot = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            DeleteSnapshot.prototype.volume = "";

            DeleteSnapshot.create = function(properties) {
                return new DeleteSnapshot(properties);
            };

            DeleteSnapshot.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.volume != null && $Object.hasOwnProperty.call(m, "volume") && m.volume !== "")
                    w.uint32(10).string(m.volume);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return DeleteSnapshot;
        })();

        state.PutImage = (function() {

            const PutImage = function (p) {
                this.chunks = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            PutImage.prototype.name = "";
            PutImage.prototype.version = "";
            PutImage.prototype.digest = "";
            PutImage.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            PutImage.prototype.chunkSize = 0;
            PutImage.prototype.chunks = $util.emptyArray;
            PutImage.prototype.manifest = "";
            PutImage.prototype.holder = "";

            PutImage.create = function(properties) {
                return new PutImage(properties);
            };

            PutImage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(18).string(m.version);
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest !== "")
                    w.uint32(26).string(m.digest);
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && (typeof m.size === "object" ? m.size.low || m.size.high : m.size !== 0))
                    w.uint32(32).uint64(m.size);
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize") && m.chunkSize !== 0)
                    w.uint32(40).uint32(m.chunkSize);
                if (m.chunks != null && m.chunks.length) {
                    for (var i = 0; i < m.chunks.length; ++i)
                        w.uint32(50).string(m.chunks[i]);
                }
                if (m.manifest != null && $Object.hasOwnProperty.call(m, "manifest") && m.manifest !== "")
                    w.uint32(58).string(m.manifest);
                if (m.holder != null && $Object.hasOwnProperty.call(m, "holder") && m.holder !== "")
                    w.uint32(66).string(m.holder);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return PutImage;
        })();

        state.DeleteImage = (function() {

            const DeleteImage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            DeleteImage.prototype.name = "";
            DeleteImage.prototype.version = "";

            DeleteImage.create = function(properties) {
                return new DeleteImage(properties);
            };

            DeleteImage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(18).string(m.version);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return DeleteImage;
        })();

        state.ImageHeld = (function() {

            const ImageHeld = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ImageHeld.prototype.digest = "";
            ImageHeld.prototype.node = "";
            ImageHeld.prototype.held = false;

            ImageHeld.create = function(properties) {
                return new ImageHeld(properties);
            };

            ImageHeld.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest !== "")
                    w.uint32(10).string(m.digest);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(18).string(m.node);
                if (m.held != null && $Object.hasOwnProperty.call(m, "held") && m.held !== false)
                    w.uint32(24).bool(m.held);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return ImageHeld;
        })();

        state.PutToken = (function() {

            const PutToken = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            PutToken.prototype.name = "";
            PutToken.prototype.hash = "";
            PutToken.prototype.role = "";

            PutToken.create = function(properties) {
                return new PutToken(properties);
            };

            PutToken.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash") && m.hash !== "")
                    w.uint32(18).string(m.hash);
                if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== "")
                    w.uint32(26).string(m.role);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return PutToken;
        })();

        state.RevokeToken = (function() {

            const RevokeToken = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RevokeToken.prototype.name = "";

            RevokeToken.create = function(properties) {
                return new RevokeToken(properties);
            };

            RevokeToken.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return RevokeToken;
        })();

        state.RevokeNode = (function() {

            const RevokeNode = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RevokeNode.prototype.node = "";

            RevokeNode.create = function(properties) {
                return new RevokeNode(properties);
            };

            RevokeNode.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(10).string(m.node);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return RevokeNode;
        })();

        state.LogEntry = (function() {

            const LogEntry = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogEntry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogEntry.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogEntry.prototype.command = $util.newBuffer([]);

            LogEntry.create = function(properties) {
                return new LogEntry(properties);
            };

            LogEntry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && (typeof m.index === "object" ? m.index.low || m.index.high : m.index !== 0))
                    w.uint32(8).uint64(m.index);
                if (m.at != null && $Object.hasOwnProperty.call(m, "at") && (typeof m.at === "object" ? m.at.low || m.at.high : m.at !== 0))
                    w.uint32(16).uint64(m.at);
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command.length)
                    w.uint32(26).bytes(m.command);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

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

            return LogEntry;
        })();

        return state;
    })();

    return trellis;
})();

export {
  $root as default
};
