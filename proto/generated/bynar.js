/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $Number = $util.global.Number, $BigInt = $util.global.BigInt, $Array = $util.global.Array;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const ceph_disk = $root.ceph_disk = (() => {

    /**
     * Namespace ceph_disk.
     * @exports ceph_disk
     * @namespace
     */
    const ceph_disk = {};

    ceph_disk.Osd = (function() {

        /**
         * Properties of an Osd.
         * @typedef {Object} ceph_disk.Osd.$Properties
         * @property {string|null} [fsid] Osd fsid
         * @property {number|Long} id Osd id
         * @property {string|null} [block_device] Osd block_device
         * @property {string|null} [journal] Osd journal
         * @property {boolean} active Osd active
         * @property {number|Long} used_space Osd used_space
         * @property {number|Long} total_space Osd total_space
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Osd.
         * @memberof ceph_disk
         * @interface IOsd
         * @augments ceph_disk.Osd.$Properties
         * @deprecated Use ceph_disk.Osd.$Properties instead.
         */

        /**
         * Shape of an Osd.
         * @typedef {ceph_disk.Osd.$Properties} ceph_disk.Osd.$Shape
         */

        /**
         * Constructs a new Osd.
         * @memberof ceph_disk
         * @classdesc Represents an Osd.
         * @constructor
         * @param {ceph_disk.Osd.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Osd = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Osd fsid.
         * @member {string} fsid
         * @memberof ceph_disk.Osd
         * @instance
         */
        Osd.prototype.fsid = "";

        /**
         * Osd id.
         * @member {number|Long} id
         * @memberof ceph_disk.Osd
         * @instance
         */
        Osd.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Osd block_device.
         * @member {string} block_device
         * @memberof ceph_disk.Osd
         * @instance
         */
        Osd.prototype.block_device = "";

        /**
         * Osd journal.
         * @member {string} journal
         * @memberof ceph_disk.Osd
         * @instance
         */
        Osd.prototype.journal = "";

        /**
         * Osd active.
         * @member {boolean} active
         * @memberof ceph_disk.Osd
         * @instance
         */
        Osd.prototype.active = false;

        /**
         * Osd used_space.
         * @member {number|Long} used_space
         * @memberof ceph_disk.Osd
         * @instance
         */
        Osd.prototype.used_space = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Osd total_space.
         * @member {number|Long} total_space
         * @memberof ceph_disk.Osd
         * @instance
         */
        Osd.prototype.total_space = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Osd instance using the specified properties.
         * @function create
         * @memberof ceph_disk.Osd
         * @static
         * @param {ceph_disk.Osd.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.Osd} Osd instance
         * @type {{
         *   (properties: ceph_disk.Osd.$Shape): ceph_disk.Osd & ceph_disk.Osd.$Shape;
         *   (properties?: ceph_disk.Osd.$Properties): ceph_disk.Osd;
         * }}
         */
        Osd.create = function(properties) {
            return new Osd(properties);
        };

        /**
         * Encodes the specified Osd message. Does not implicitly {@link ceph_disk.Osd.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.Osd
         * @static
         * @param {ceph_disk.Osd.$Properties} message Osd message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Osd.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.fsid != null && $Object.hasOwnProperty.call(message, "fsid"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.fsid);
            writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.id);
            if (message.block_device != null && $Object.hasOwnProperty.call(message, "block_device"))
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.block_device);
            if (message.journal != null && $Object.hasOwnProperty.call(message, "journal"))
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.journal);
            writer.uint32(/* id 5, wireType 0 =*/40).bool(message.active);
            writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.used_space);
            writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.total_space);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified Osd message, length delimited. Does not implicitly {@link ceph_disk.Osd.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.Osd
         * @static
         * @param {ceph_disk.Osd.$Properties} message Osd message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Osd.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an Osd message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.Osd
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.Osd & ceph_disk.Osd.$Shape} Osd
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Osd.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.Osd();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.fsid = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.id = reader.uint64();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.block_device = reader.string();
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.journal = reader.string();
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        message.active = reader.bool();
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        message.used_space = reader.uint64();
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        message.total_space = reader.uint64();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "id"))
                throw $util.ProtocolError("missing required 'id'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "active"))
                throw $util.ProtocolError("missing required 'active'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "used_space"))
                throw $util.ProtocolError("missing required 'used_space'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "total_space"))
                throw $util.ProtocolError("missing required 'total_space'", { instance: message });
            return message;
        };

        /**
         * Decodes an Osd message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.Osd
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.Osd & ceph_disk.Osd.$Shape} Osd
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Osd.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an Osd message.
         * @function verify
         * @memberof ceph_disk.Osd
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Osd.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.fsid != null && $Object.hasOwnProperty.call(message, "fsid"))
                if (!$util.isString(message.fsid))
                    return "fsid: string expected";
            if (!$util.isInteger(message.id) && !(message.id && $util.isInteger(message.id.low) && $util.isInteger(message.id.high)))
                return "id: integer|Long expected";
            if (message.block_device != null && $Object.hasOwnProperty.call(message, "block_device"))
                if (!$util.isString(message.block_device))
                    return "block_device: string expected";
            if (message.journal != null && $Object.hasOwnProperty.call(message, "journal"))
                if (!$util.isString(message.journal))
                    return "journal: string expected";
            if (typeof message.active !== "boolean")
                return "active: boolean expected";
            if (!$util.isInteger(message.used_space) && !(message.used_space && $util.isInteger(message.used_space.low) && $util.isInteger(message.used_space.high)))
                return "used_space: integer|Long expected";
            if (!$util.isInteger(message.total_space) && !(message.total_space && $util.isInteger(message.total_space.low) && $util.isInteger(message.total_space.high)))
                return "total_space: integer|Long expected";
            return null;
        };

        /**
         * Creates an Osd message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.Osd
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.Osd} Osd
         */
        Osd.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.Osd)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.Osd: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.Osd();
            if (object.fsid != null)
                message.fsid = $String(object.fsid);
            if (object.id != null)
                if ($util.Long)
                    message.id = $util.Long.fromValue(object.id, true);
                else if (typeof object.id === "string")
                    message.id = $parseInt(object.id, 10);
                else if (typeof object.id === "number")
                    message.id = object.id;
                else if (typeof object.id === "object")
                    message.id = new $util.LongBits(object.id.low >>> 0, object.id.high >>> 0).toNumber(true);
            if (object.block_device != null)
                message.block_device = $String(object.block_device);
            if (object.journal != null)
                message.journal = $String(object.journal);
            if (object.active != null)
                message.active = $Boolean(object.active);
            if (object.used_space != null)
                if ($util.Long)
                    message.used_space = $util.Long.fromValue(object.used_space, true);
                else if (typeof object.used_space === "string")
                    message.used_space = $parseInt(object.used_space, 10);
                else if (typeof object.used_space === "number")
                    message.used_space = object.used_space;
                else if (typeof object.used_space === "object")
                    message.used_space = new $util.LongBits(object.used_space.low >>> 0, object.used_space.high >>> 0).toNumber(true);
            if (object.total_space != null)
                if ($util.Long)
                    message.total_space = $util.Long.fromValue(object.total_space, true);
                else if (typeof object.total_space === "string")
                    message.total_space = $parseInt(object.total_space, 10);
                else if (typeof object.total_space === "number")
                    message.total_space = object.total_space;
                else if (typeof object.total_space === "object")
                    message.total_space = new $util.LongBits(object.total_space.low >>> 0, object.total_space.high >>> 0).toNumber(true);
            return message;
        };

        /**
         * Creates a plain object from an Osd message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.Osd
         * @static
         * @param {ceph_disk.Osd} message Osd
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Osd.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.fsid = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.block_device = "";
                object.journal = "";
                object.active = false;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.used_space = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.used_space = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.total_space = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.total_space = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (message.fsid != null && $Object.hasOwnProperty.call(message, "fsid"))
                object.fsid = message.fsid;
            if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.id = typeof message.id === "number" ? $BigInt(message.id) : $util.Long.fromBits(message.id.low >>> 0, message.id.high >>> 0, true).toBigInt();
                else if (typeof message.id === "number")
                    object.id = options.longs === $String ? $String(message.id) : message.id;
                else
                    object.id = options.longs === $String ? $util.Long.prototype.toString.call(message.id) : options.longs === $Number ? new $util.LongBits(message.id.low >>> 0, message.id.high >>> 0).toNumber(true) : message.id;
            if (message.block_device != null && $Object.hasOwnProperty.call(message, "block_device"))
                object.block_device = message.block_device;
            if (message.journal != null && $Object.hasOwnProperty.call(message, "journal"))
                object.journal = message.journal;
            if (message.active != null && $Object.hasOwnProperty.call(message, "active"))
                object.active = message.active;
            if (message.used_space != null && $Object.hasOwnProperty.call(message, "used_space"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.used_space = typeof message.used_space === "number" ? $BigInt(message.used_space) : $util.Long.fromBits(message.used_space.low >>> 0, message.used_space.high >>> 0, true).toBigInt();
                else if (typeof message.used_space === "number")
                    object.used_space = options.longs === $String ? $String(message.used_space) : message.used_space;
                else
                    object.used_space = options.longs === $String ? $util.Long.prototype.toString.call(message.used_space) : options.longs === $Number ? new $util.LongBits(message.used_space.low >>> 0, message.used_space.high >>> 0).toNumber(true) : message.used_space;
            if (message.total_space != null && $Object.hasOwnProperty.call(message, "total_space"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.total_space = typeof message.total_space === "number" ? $BigInt(message.total_space) : $util.Long.fromBits(message.total_space.low >>> 0, message.total_space.high >>> 0, true).toBigInt();
                else if (typeof message.total_space === "number")
                    object.total_space = options.longs === $String ? $String(message.total_space) : message.total_space;
                else
                    object.total_space = options.longs === $String ? $util.Long.prototype.toString.call(message.total_space) : options.longs === $Number ? new $util.LongBits(message.total_space.low >>> 0, message.total_space.high >>> 0).toNumber(true) : message.total_space;
            return object;
        };

        /**
         * Converts this Osd to JSON.
         * @function toJSON
         * @memberof ceph_disk.Osd
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Osd.prototype.toJSON = function() {
            return Osd.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Osd
         * @function getTypeUrl
         * @memberof ceph_disk.Osd
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Osd.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.Osd";
        };

        return Osd;
    })();

    ceph_disk.Partition = (function() {

        /**
         * Properties of a Partition.
         * @typedef {Object} ceph_disk.Partition.$Properties
         * @property {string} uuid Partition uuid
         * @property {number|Long} first_lba Partition first_lba
         * @property {number|Long} last_lba Partition last_lba
         * @property {number|Long} flags Partition flags
         * @property {string|null} [name] Partition name
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Partition.
         * @memberof ceph_disk
         * @interface IPartition
         * @augments ceph_disk.Partition.$Properties
         * @deprecated Use ceph_disk.Partition.$Properties instead.
         */

        /**
         * Shape of a Partition.
         * @typedef {ceph_disk.Partition.$Properties} ceph_disk.Partition.$Shape
         */

        /**
         * Constructs a new Partition.
         * @memberof ceph_disk
         * @classdesc Represents a Partition.
         * @constructor
         * @param {ceph_disk.Partition.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Partition = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Partition uuid.
         * @member {string} uuid
         * @memberof ceph_disk.Partition
         * @instance
         */
        Partition.prototype.uuid = "";

        /**
         * Partition first_lba.
         * @member {number|Long} first_lba
         * @memberof ceph_disk.Partition
         * @instance
         */
        Partition.prototype.first_lba = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Partition last_lba.
         * @member {number|Long} last_lba
         * @memberof ceph_disk.Partition
         * @instance
         */
        Partition.prototype.last_lba = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Partition flags.
         * @member {number|Long} flags
         * @memberof ceph_disk.Partition
         * @instance
         */
        Partition.prototype.flags = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Partition name.
         * @member {string} name
         * @memberof ceph_disk.Partition
         * @instance
         */
        Partition.prototype.name = "";

        /**
         * Creates a new Partition instance using the specified properties.
         * @function create
         * @memberof ceph_disk.Partition
         * @static
         * @param {ceph_disk.Partition.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.Partition} Partition instance
         * @type {{
         *   (properties: ceph_disk.Partition.$Shape): ceph_disk.Partition & ceph_disk.Partition.$Shape;
         *   (properties?: ceph_disk.Partition.$Properties): ceph_disk.Partition;
         * }}
         */
        Partition.create = function(properties) {
            return new Partition(properties);
        };

        /**
         * Encodes the specified Partition message. Does not implicitly {@link ceph_disk.Partition.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.Partition
         * @static
         * @param {ceph_disk.Partition.$Properties} message Partition message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Partition.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.uuid);
            writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.first_lba);
            writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.last_lba);
            writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.flags);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.name);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified Partition message, length delimited. Does not implicitly {@link ceph_disk.Partition.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.Partition
         * @static
         * @param {ceph_disk.Partition.$Properties} message Partition message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Partition.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Partition message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.Partition
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.Partition & ceph_disk.Partition.$Shape} Partition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Partition.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.Partition();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.uuid = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.first_lba = reader.uint64();
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.last_lba = reader.uint64();
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        message.flags = reader.uint64();
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.name = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "uuid"))
                throw $util.ProtocolError("missing required 'uuid'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "first_lba"))
                throw $util.ProtocolError("missing required 'first_lba'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "last_lba"))
                throw $util.ProtocolError("missing required 'last_lba'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "flags"))
                throw $util.ProtocolError("missing required 'flags'", { instance: message });
            return message;
        };

        /**
         * Decodes a Partition message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.Partition
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.Partition & ceph_disk.Partition.$Shape} Partition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Partition.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Partition message.
         * @function verify
         * @memberof ceph_disk.Partition
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Partition.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (!$util.isString(message.uuid))
                return "uuid: string expected";
            if (!$util.isInteger(message.first_lba) && !(message.first_lba && $util.isInteger(message.first_lba.low) && $util.isInteger(message.first_lba.high)))
                return "first_lba: integer|Long expected";
            if (!$util.isInteger(message.last_lba) && !(message.last_lba && $util.isInteger(message.last_lba.low) && $util.isInteger(message.last_lba.high)))
                return "last_lba: integer|Long expected";
            if (!$util.isInteger(message.flags) && !(message.flags && $util.isInteger(message.flags.low) && $util.isInteger(message.flags.high)))
                return "flags: integer|Long expected";
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                if (!$util.isString(message.name))
                    return "name: string expected";
            return null;
        };

        /**
         * Creates a Partition message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.Partition
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.Partition} Partition
         */
        Partition.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.Partition)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.Partition: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.Partition();
            if (object.uuid != null)
                message.uuid = $String(object.uuid);
            if (object.first_lba != null)
                if ($util.Long)
                    message.first_lba = $util.Long.fromValue(object.first_lba, true);
                else if (typeof object.first_lba === "string")
                    message.first_lba = $parseInt(object.first_lba, 10);
                else if (typeof object.first_lba === "number")
                    message.first_lba = object.first_lba;
                else if (typeof object.first_lba === "object")
                    message.first_lba = new $util.LongBits(object.first_lba.low >>> 0, object.first_lba.high >>> 0).toNumber(true);
            if (object.last_lba != null)
                if ($util.Long)
                    message.last_lba = $util.Long.fromValue(object.last_lba, true);
                else if (typeof object.last_lba === "string")
                    message.last_lba = $parseInt(object.last_lba, 10);
                else if (typeof object.last_lba === "number")
                    message.last_lba = object.last_lba;
                else if (typeof object.last_lba === "object")
                    message.last_lba = new $util.LongBits(object.last_lba.low >>> 0, object.last_lba.high >>> 0).toNumber(true);
            if (object.flags != null)
                if ($util.Long)
                    message.flags = $util.Long.fromValue(object.flags, true);
                else if (typeof object.flags === "string")
                    message.flags = $parseInt(object.flags, 10);
                else if (typeof object.flags === "number")
                    message.flags = object.flags;
                else if (typeof object.flags === "object")
                    message.flags = new $util.LongBits(object.flags.low >>> 0, object.flags.high >>> 0).toNumber(true);
            if (object.name != null)
                message.name = $String(object.name);
            return message;
        };

        /**
         * Creates a plain object from a Partition message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.Partition
         * @static
         * @param {ceph_disk.Partition} message Partition
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Partition.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.uuid = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.first_lba = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.first_lba = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.last_lba = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.last_lba = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.flags = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.flags = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.name = "";
            }
            if (message.uuid != null && $Object.hasOwnProperty.call(message, "uuid"))
                object.uuid = message.uuid;
            if (message.first_lba != null && $Object.hasOwnProperty.call(message, "first_lba"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.first_lba = typeof message.first_lba === "number" ? $BigInt(message.first_lba) : $util.Long.fromBits(message.first_lba.low >>> 0, message.first_lba.high >>> 0, true).toBigInt();
                else if (typeof message.first_lba === "number")
                    object.first_lba = options.longs === $String ? $String(message.first_lba) : message.first_lba;
                else
                    object.first_lba = options.longs === $String ? $util.Long.prototype.toString.call(message.first_lba) : options.longs === $Number ? new $util.LongBits(message.first_lba.low >>> 0, message.first_lba.high >>> 0).toNumber(true) : message.first_lba;
            if (message.last_lba != null && $Object.hasOwnProperty.call(message, "last_lba"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.last_lba = typeof message.last_lba === "number" ? $BigInt(message.last_lba) : $util.Long.fromBits(message.last_lba.low >>> 0, message.last_lba.high >>> 0, true).toBigInt();
                else if (typeof message.last_lba === "number")
                    object.last_lba = options.longs === $String ? $String(message.last_lba) : message.last_lba;
                else
                    object.last_lba = options.longs === $String ? $util.Long.prototype.toString.call(message.last_lba) : options.longs === $Number ? new $util.LongBits(message.last_lba.low >>> 0, message.last_lba.high >>> 0).toNumber(true) : message.last_lba;
            if (message.flags != null && $Object.hasOwnProperty.call(message, "flags"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.flags = typeof message.flags === "number" ? $BigInt(message.flags) : $util.Long.fromBits(message.flags.low >>> 0, message.flags.high >>> 0, true).toBigInt();
                else if (typeof message.flags === "number")
                    object.flags = options.longs === $String ? $String(message.flags) : message.flags;
                else
                    object.flags = options.longs === $String ? $util.Long.prototype.toString.call(message.flags) : options.longs === $Number ? new $util.LongBits(message.flags.low >>> 0, message.flags.high >>> 0).toNumber(true) : message.flags;
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            return object;
        };

        /**
         * Converts this Partition to JSON.
         * @function toJSON
         * @memberof ceph_disk.Partition
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Partition.prototype.toJSON = function() {
            return Partition.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Partition
         * @function getTypeUrl
         * @memberof ceph_disk.Partition
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Partition.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.Partition";
        };

        return Partition;
    })();

    ceph_disk.PartitionInfo = (function() {

        /**
         * Properties of a PartitionInfo.
         * @typedef {Object} ceph_disk.PartitionInfo.$Properties
         * @property {Array.<ceph_disk.Partition.$Properties>|null} [partition] PartitionInfo partition
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PartitionInfo.
         * @memberof ceph_disk
         * @interface IPartitionInfo
         * @augments ceph_disk.PartitionInfo.$Properties
         * @deprecated Use ceph_disk.PartitionInfo.$Properties instead.
         */

        /**
         * Shape of a PartitionInfo.
         * @typedef {ceph_disk.PartitionInfo.$Properties} ceph_disk.PartitionInfo.$Shape
         */

        /**
         * Constructs a new PartitionInfo.
         * @memberof ceph_disk
         * @classdesc Represents a PartitionInfo.
         * @constructor
         * @param {ceph_disk.PartitionInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PartitionInfo = function (properties) {
            this.partition = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PartitionInfo partition.
         * @member {Array.<ceph_disk.Partition.$Properties>} partition
         * @memberof ceph_disk.PartitionInfo
         * @instance
         */
        PartitionInfo.prototype.partition = $util.emptyArray;

        /**
         * Creates a new PartitionInfo instance using the specified properties.
         * @function create
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {ceph_disk.PartitionInfo.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.PartitionInfo} PartitionInfo instance
         * @type {{
         *   (properties: ceph_disk.PartitionInfo.$Shape): ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape;
         *   (properties?: ceph_disk.PartitionInfo.$Properties): ceph_disk.PartitionInfo;
         * }}
         */
        PartitionInfo.create = function(properties) {
            return new PartitionInfo(properties);
        };

        /**
         * Encodes the specified PartitionInfo message. Does not implicitly {@link ceph_disk.PartitionInfo.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {ceph_disk.PartitionInfo.$Properties} message PartitionInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PartitionInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.partition != null && message.partition.length)
                for (let i = 0; i < message.partition.length; ++i)
                    $root.ceph_disk.Partition.encode(message.partition[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified PartitionInfo message, length delimited. Does not implicitly {@link ceph_disk.PartitionInfo.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {ceph_disk.PartitionInfo.$Properties} message PartitionInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PartitionInfo.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a PartitionInfo message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape} PartitionInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PartitionInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.PartitionInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.partition && message.partition.length))
                            message.partition = [];
                        message.partition.push($root.ceph_disk.Partition.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Decodes a PartitionInfo message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape} PartitionInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PartitionInfo.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a PartitionInfo message.
         * @function verify
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        PartitionInfo.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.partition != null && $Object.hasOwnProperty.call(message, "partition")) {
                if (!$Array.isArray(message.partition))
                    return "partition: array expected";
                for (let i = 0; i < message.partition.length; ++i) {
                    let error = $root.ceph_disk.Partition.verify(message.partition[i], _depth + 1);
                    if (error)
                        return "partition." + error;
                }
            }
            return null;
        };

        /**
         * Creates a PartitionInfo message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.PartitionInfo} PartitionInfo
         */
        PartitionInfo.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.PartitionInfo)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.PartitionInfo: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.PartitionInfo();
            if (object.partition) {
                if (!$Array.isArray(object.partition))
                    throw $TypeError(".ceph_disk.PartitionInfo.partition: array expected");
                message.partition = $Array(object.partition.length);
                for (let i = 0; i < object.partition.length; ++i) {
                    if (!$util.isObject(object.partition[i]))
                        throw $TypeError(".ceph_disk.PartitionInfo.partition: object expected");
                    message.partition[i] = $root.ceph_disk.Partition.fromObject(object.partition[i], _depth + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a PartitionInfo message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {ceph_disk.PartitionInfo} message PartitionInfo
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        PartitionInfo.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.partition = [];
            if (message.partition && message.partition.length) {
                object.partition = $Array(message.partition.length);
                for (let j = 0; j < message.partition.length; ++j)
                    object.partition[j] = $root.ceph_disk.Partition.toObject(message.partition[j], options, _depth + 1);
            }
            return object;
        };

        /**
         * Converts this PartitionInfo to JSON.
         * @function toJSON
         * @memberof ceph_disk.PartitionInfo
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        PartitionInfo.prototype.toJSON = function() {
            return PartitionInfo.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for PartitionInfo
         * @function getTypeUrl
         * @memberof ceph_disk.PartitionInfo
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PartitionInfo.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.PartitionInfo";
        };

        return PartitionInfo;
    })();

    ceph_disk.Disk = (function() {

        /**
         * Properties of a Disk.
         * @typedef {Object} ceph_disk.Disk.$Properties
         * @property {ceph_disk.DiskType} type Disk type
         * @property {string} dev_path Disk dev_path
         * @property {ceph_disk.PartitionInfo.$Properties} partitions Disk partitions
         * @property {string|null} [serial_number] Disk serial_number
         * @property {ceph_disk.DiskIdentity.$Properties|null} [identity] Disk identity
         * @property {string|null} [state] Disk state
         * @property {ceph_disk.ClusterRole.$Properties|null} [role] Disk role
         * @property {number|Long|null} [size_bytes] Disk size_bytes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Disk.
         * @memberof ceph_disk
         * @interface IDisk
         * @augments ceph_disk.Disk.$Properties
         * @deprecated Use ceph_disk.Disk.$Properties instead.
         */

        /**
         * Shape of a Disk.
         * @typedef {ceph_disk.Disk.$Properties} ceph_disk.Disk.$Shape
         */

        /**
         * Constructs a new Disk.
         * @memberof ceph_disk
         * @classdesc Represents a Disk.
         * @constructor
         * @param {ceph_disk.Disk.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Disk = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Disk type.
         * @member {ceph_disk.DiskType} type
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.type = 0;

        /**
         * Disk dev_path.
         * @member {string} dev_path
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.dev_path = "";

        /**
         * Disk partitions.
         * @member {ceph_disk.PartitionInfo.$Properties} partitions
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.partitions = null;

        /**
         * Disk serial_number.
         * @member {string} serial_number
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.serial_number = "";

        /**
         * Disk identity.
         * @member {ceph_disk.DiskIdentity.$Properties|null|undefined} identity
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.identity = null;

        /**
         * Disk state.
         * @member {string} state
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.state = "";

        /**
         * Disk role.
         * @member {ceph_disk.ClusterRole.$Properties|null|undefined} role
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.role = null;

        /**
         * Disk size_bytes.
         * @member {number|Long} size_bytes
         * @memberof ceph_disk.Disk
         * @instance
         */
        Disk.prototype.size_bytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Disk instance using the specified properties.
         * @function create
         * @memberof ceph_disk.Disk
         * @static
         * @param {ceph_disk.Disk.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.Disk} Disk instance
         * @type {{
         *   (properties: ceph_disk.Disk.$Shape): ceph_disk.Disk & ceph_disk.Disk.$Shape;
         *   (properties?: ceph_disk.Disk.$Properties): ceph_disk.Disk;
         * }}
         */
        Disk.create = function(properties) {
            return new Disk(properties);
        };

        /**
         * Encodes the specified Disk message. Does not implicitly {@link ceph_disk.Disk.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.Disk
         * @static
         * @param {ceph_disk.Disk.$Properties} message Disk message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Disk.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
            writer.uint32(/* id 2, wireType 2 =*/18).string(message.dev_path);
            $root.ceph_disk.PartitionInfo.encode(message.partitions, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.serial_number != null && $Object.hasOwnProperty.call(message, "serial_number"))
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.serial_number);
            if (message.identity != null && $Object.hasOwnProperty.call(message, "identity"))
                $root.ceph_disk.DiskIdentity.encode(message.identity, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.state);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                $root.ceph_disk.ClusterRole.encode(message.role, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.size_bytes != null && $Object.hasOwnProperty.call(message, "size_bytes"))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.size_bytes);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified Disk message, length delimited. Does not implicitly {@link ceph_disk.Disk.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.Disk
         * @static
         * @param {ceph_disk.Disk.$Properties} message Disk message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Disk.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Disk message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.Disk
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.Disk & ceph_disk.Disk.$Shape} Disk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Disk.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.Disk();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.DiskType[value] !== $undefined)
                            message.type = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.dev_path = reader.string();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.partitions = $root.ceph_disk.PartitionInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.partitions);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.serial_number = reader.string();
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.identity = $root.ceph_disk.DiskIdentity.decode(reader, reader.size(), $undefined, _depth + 1, message.identity);
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.state = reader.string();
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.role = $root.ceph_disk.ClusterRole.decode(reader, reader.size(), $undefined, _depth + 1, message.role);
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        message.size_bytes = reader.uint64();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "type"))
                throw $util.ProtocolError("missing required 'type'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "dev_path"))
                throw $util.ProtocolError("missing required 'dev_path'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "partitions"))
                throw $util.ProtocolError("missing required 'partitions'", { instance: message });
            return message;
        };

        /**
         * Decodes a Disk message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.Disk
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.Disk & ceph_disk.Disk.$Shape} Disk
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
         * @memberof ceph_disk.Disk
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Disk.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.type) {
            default:
                return "type: enum value expected";
            case 0:
            case 1:
            case 2:
            case 3:
            case 4:
            case 5:
            case 6:
            case 7:
            case 8:
                break;
            }
            if (!$util.isString(message.dev_path))
                return "dev_path: string expected";
            {
                let error = $root.ceph_disk.PartitionInfo.verify(message.partitions, _depth + 1);
                if (error)
                    return "partitions." + error;
            }
            if (message.serial_number != null && $Object.hasOwnProperty.call(message, "serial_number"))
                if (!$util.isString(message.serial_number))
                    return "serial_number: string expected";
            if (message.identity != null && $Object.hasOwnProperty.call(message, "identity")) {
                let error = $root.ceph_disk.DiskIdentity.verify(message.identity, _depth + 1);
                if (error)
                    return "identity." + error;
            }
            if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                if (!$util.isString(message.state))
                    return "state: string expected";
            if (message.role != null && $Object.hasOwnProperty.call(message, "role")) {
                let error = $root.ceph_disk.ClusterRole.verify(message.role, _depth + 1);
                if (error)
                    return "role." + error;
            }
            if (message.size_bytes != null && $Object.hasOwnProperty.call(message, "size_bytes"))
                if (!$util.isInteger(message.size_bytes) && !(message.size_bytes && $util.isInteger(message.size_bytes.low) && $util.isInteger(message.size_bytes.high)))
                    return "size_bytes: integer|Long expected";
            return null;
        };

        /**
         * Creates a Disk message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.Disk
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.Disk} Disk
         */
        Disk.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.Disk)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.Disk: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.Disk();
            switch (object.type) {
            case "LOOPBACK":
            case 0:
                message.type = 0;
                break;
            case "LVM":
            case 1:
                message.type = 1;
                break;
            case "MDRAID":
            case 2:
                message.type = 2;
                break;
            case "NVME":
            case 3:
                message.type = 3;
                break;
            case "RAM":
            case 4:
                message.type = 4;
                break;
            case "ROTATIONAL":
            case 5:
                message.type = 5;
                break;
            case "SOLID_STATE":
            case 6:
                message.type = 6;
                break;
            case "VIRTUAL":
            case 7:
                message.type = 7;
                break;
            case "UNKNOWN":
            case 8:
                message.type = 8;
                break;
            default:
            }
            if (object.dev_path != null)
                message.dev_path = $String(object.dev_path);
            if (object.partitions != null) {
                if (!$util.isObject(object.partitions))
                    throw $TypeError(".ceph_disk.Disk.partitions: object expected");
                message.partitions = $root.ceph_disk.PartitionInfo.fromObject(object.partitions, _depth + 1);
            }
            if (object.serial_number != null)
                message.serial_number = $String(object.serial_number);
            if (object.identity != null) {
                if (!$util.isObject(object.identity))
                    throw $TypeError(".ceph_disk.Disk.identity: object expected");
                message.identity = $root.ceph_disk.DiskIdentity.fromObject(object.identity, _depth + 1);
            }
            if (object.state != null)
                message.state = $String(object.state);
            if (object.role != null) {
                if (!$util.isObject(object.role))
                    throw $TypeError(".ceph_disk.Disk.role: object expected");
                message.role = $root.ceph_disk.ClusterRole.fromObject(object.role, _depth + 1);
            }
            if (object.size_bytes != null)
                if ($util.Long)
                    message.size_bytes = $util.Long.fromValue(object.size_bytes, true);
                else if (typeof object.size_bytes === "string")
                    message.size_bytes = $parseInt(object.size_bytes, 10);
                else if (typeof object.size_bytes === "number")
                    message.size_bytes = object.size_bytes;
                else if (typeof object.size_bytes === "object")
                    message.size_bytes = new $util.LongBits(object.size_bytes.low >>> 0, object.size_bytes.high >>> 0).toNumber(true);
            return message;
        };

        /**
         * Creates a plain object from a Disk message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.Disk
         * @static
         * @param {ceph_disk.Disk} message Disk
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Disk.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.type = options.enums === $String ? "LOOPBACK" : 0;
                object.dev_path = "";
                object.partitions = null;
                object.serial_number = "";
                object.identity = null;
                object.state = "";
                object.role = null;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.size_bytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.size_bytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                object.type = options.enums === $String ? $root.ceph_disk.DiskType[message.type] === $undefined ? message.type : $root.ceph_disk.DiskType[message.type] : message.type;
            if (message.dev_path != null && $Object.hasOwnProperty.call(message, "dev_path"))
                object.dev_path = message.dev_path;
            if (message.partitions != null && $Object.hasOwnProperty.call(message, "partitions"))
                object.partitions = $root.ceph_disk.PartitionInfo.toObject(message.partitions, options, _depth + 1);
            if (message.serial_number != null && $Object.hasOwnProperty.call(message, "serial_number"))
                object.serial_number = message.serial_number;
            if (message.identity != null && $Object.hasOwnProperty.call(message, "identity"))
                object.identity = $root.ceph_disk.DiskIdentity.toObject(message.identity, options, _depth + 1);
            if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                object.state = message.state;
            if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                object.role = $root.ceph_disk.ClusterRole.toObject(message.role, options, _depth + 1);
            if (message.size_bytes != null && $Object.hasOwnProperty.call(message, "size_bytes"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.size_bytes = typeof message.size_bytes === "number" ? $BigInt(message.size_bytes) : $util.Long.fromBits(message.size_bytes.low >>> 0, message.size_bytes.high >>> 0, true).toBigInt();
                else if (typeof message.size_bytes === "number")
                    object.size_bytes = options.longs === $String ? $String(message.size_bytes) : message.size_bytes;
                else
                    object.size_bytes = options.longs === $String ? $util.Long.prototype.toString.call(message.size_bytes) : options.longs === $Number ? new $util.LongBits(message.size_bytes.low >>> 0, message.size_bytes.high >>> 0).toNumber(true) : message.size_bytes;
            return object;
        };

        /**
         * Converts this Disk to JSON.
         * @function toJSON
         * @memberof ceph_disk.Disk
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Disk.prototype.toJSON = function() {
            return Disk.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Disk
         * @function getTypeUrl
         * @memberof ceph_disk.Disk
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Disk.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.Disk";
        };

        return Disk;
    })();

    /**
     * DiskType enum.
     * @name ceph_disk.DiskType
     * @enum {number}
     * @property {number} LOOPBACK=0 LOOPBACK value
     * @property {number} LVM=1 LVM value
     * @property {number} MDRAID=2 MDRAID value
     * @property {number} NVME=3 NVME value
     * @property {number} RAM=4 RAM value
     * @property {number} ROTATIONAL=5 ROTATIONAL value
     * @property {number} SOLID_STATE=6 SOLID_STATE value
     * @property {number} VIRTUAL=7 VIRTUAL value
     * @property {number} UNKNOWN=8 UNKNOWN value
     */
    ceph_disk.DiskType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "LOOPBACK"] = 0;
        values[valuesById[1] = "LVM"] = 1;
        values[valuesById[2] = "MDRAID"] = 2;
        values[valuesById[3] = "NVME"] = 3;
        values[valuesById[4] = "RAM"] = 4;
        values[valuesById[5] = "ROTATIONAL"] = 5;
        values[valuesById[6] = "SOLID_STATE"] = 6;
        values[valuesById[7] = "VIRTUAL"] = 7;
        values[valuesById[8] = "UNKNOWN"] = 8;
        return values;
    })();

    ceph_disk.Disks = (function() {

        /**
         * Properties of a Disks.
         * @typedef {Object} ceph_disk.Disks.$Properties
         * @property {Array.<ceph_disk.Disk.$Properties>|null} [disk] Disks disk
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Disks.
         * @memberof ceph_disk
         * @interface IDisks
         * @augments ceph_disk.Disks.$Properties
         * @deprecated Use ceph_disk.Disks.$Properties instead.
         */

        /**
         * Shape of a Disks.
         * @typedef {ceph_disk.Disks.$Properties} ceph_disk.Disks.$Shape
         */

        /**
         * Constructs a new Disks.
         * @memberof ceph_disk
         * @classdesc Represents a Disks.
         * @constructor
         * @param {ceph_disk.Disks.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Disks = function (properties) {
            this.disk = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Disks disk.
         * @member {Array.<ceph_disk.Disk.$Properties>} disk
         * @memberof ceph_disk.Disks
         * @instance
         */
        Disks.prototype.disk = $util.emptyArray;

        /**
         * Creates a new Disks instance using the specified properties.
         * @function create
         * @memberof ceph_disk.Disks
         * @static
         * @param {ceph_disk.Disks.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.Disks} Disks instance
         * @type {{
         *   (properties: ceph_disk.Disks.$Shape): ceph_disk.Disks & ceph_disk.Disks.$Shape;
         *   (properties?: ceph_disk.Disks.$Properties): ceph_disk.Disks;
         * }}
         */
        Disks.create = function(properties) {
            return new Disks(properties);
        };

        /**
         * Encodes the specified Disks message. Does not implicitly {@link ceph_disk.Disks.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.Disks
         * @static
         * @param {ceph_disk.Disks.$Properties} message Disks message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Disks.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.disk != null && message.disk.length)
                for (let i = 0; i < message.disk.length; ++i)
                    $root.ceph_disk.Disk.encode(message.disk[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified Disks message, length delimited. Does not implicitly {@link ceph_disk.Disks.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.Disks
         * @static
         * @param {ceph_disk.Disks.$Properties} message Disks message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Disks.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Disks message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.Disks
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.Disks & ceph_disk.Disks.$Shape} Disks
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Disks.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.Disks();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.disk && message.disk.length))
                            message.disk = [];
                        message.disk.push($root.ceph_disk.Disk.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Decodes a Disks message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.Disks
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.Disks & ceph_disk.Disks.$Shape} Disks
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Disks.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Disks message.
         * @function verify
         * @memberof ceph_disk.Disks
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Disks.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.disk != null && $Object.hasOwnProperty.call(message, "disk")) {
                if (!$Array.isArray(message.disk))
                    return "disk: array expected";
                for (let i = 0; i < message.disk.length; ++i) {
                    let error = $root.ceph_disk.Disk.verify(message.disk[i], _depth + 1);
                    if (error)
                        return "disk." + error;
                }
            }
            return null;
        };

        /**
         * Creates a Disks message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.Disks
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.Disks} Disks
         */
        Disks.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.Disks)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.Disks: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.Disks();
            if (object.disk) {
                if (!$Array.isArray(object.disk))
                    throw $TypeError(".ceph_disk.Disks.disk: array expected");
                message.disk = $Array(object.disk.length);
                for (let i = 0; i < object.disk.length; ++i) {
                    if (!$util.isObject(object.disk[i]))
                        throw $TypeError(".ceph_disk.Disks.disk: object expected");
                    message.disk[i] = $root.ceph_disk.Disk.fromObject(object.disk[i], _depth + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a Disks message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.Disks
         * @static
         * @param {ceph_disk.Disks} message Disks
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Disks.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.disk = [];
            if (message.disk && message.disk.length) {
                object.disk = $Array(message.disk.length);
                for (let j = 0; j < message.disk.length; ++j)
                    object.disk[j] = $root.ceph_disk.Disk.toObject(message.disk[j], options, _depth + 1);
            }
            return object;
        };

        /**
         * Converts this Disks to JSON.
         * @function toJSON
         * @memberof ceph_disk.Disks
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Disks.prototype.toJSON = function() {
            return Disks.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Disks
         * @function getTypeUrl
         * @memberof ceph_disk.Disks
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Disks.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.Disks";
        };

        return Disks;
    })();

    ceph_disk.OpResult = (function() {

        /**
         * Properties of an OpResult.
         * @typedef {Object} ceph_disk.OpResult.$Properties
         * @property {ceph_disk.ResultType} result OpResult result
         * @property {string|null} [error_msg] OpResult error_msg
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OpResult.
         * @memberof ceph_disk
         * @interface IOpResult
         * @augments ceph_disk.OpResult.$Properties
         * @deprecated Use ceph_disk.OpResult.$Properties instead.
         */

        /**
         * Shape of an OpResult.
         * @typedef {ceph_disk.OpResult.$Properties} ceph_disk.OpResult.$Shape
         */

        /**
         * Constructs a new OpResult.
         * @memberof ceph_disk
         * @classdesc Represents an OpResult.
         * @constructor
         * @param {ceph_disk.OpResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OpResult = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OpResult result.
         * @member {ceph_disk.ResultType} result
         * @memberof ceph_disk.OpResult
         * @instance
         */
        OpResult.prototype.result = 0;

        /**
         * OpResult error_msg.
         * @member {string} error_msg
         * @memberof ceph_disk.OpResult
         * @instance
         */
        OpResult.prototype.error_msg = "";

        /**
         * Creates a new OpResult instance using the specified properties.
         * @function create
         * @memberof ceph_disk.OpResult
         * @static
         * @param {ceph_disk.OpResult.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.OpResult} OpResult instance
         * @type {{
         *   (properties: ceph_disk.OpResult.$Shape): ceph_disk.OpResult & ceph_disk.OpResult.$Shape;
         *   (properties?: ceph_disk.OpResult.$Properties): ceph_disk.OpResult;
         * }}
         */
        OpResult.create = function(properties) {
            return new OpResult(properties);
        };

        /**
         * Encodes the specified OpResult message. Does not implicitly {@link ceph_disk.OpResult.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.OpResult
         * @static
         * @param {ceph_disk.OpResult.$Properties} message OpResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.result);
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.error_msg);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified OpResult message, length delimited. Does not implicitly {@link ceph_disk.OpResult.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.OpResult
         * @static
         * @param {ceph_disk.OpResult.$Properties} message OpResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpResult.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an OpResult message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.OpResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.OpResult & ceph_disk.OpResult.$Shape} OpResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.OpResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.ResultType[value] !== $undefined)
                            message.result = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.error_msg = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "result"))
                throw $util.ProtocolError("missing required 'result'", { instance: message });
            return message;
        };

        /**
         * Decodes an OpResult message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.OpResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.OpResult & ceph_disk.OpResult.$Shape} OpResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpResult.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an OpResult message.
         * @function verify
         * @memberof ceph_disk.OpResult
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        OpResult.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.result) {
            default:
                return "result: enum value expected";
            case 0:
            case 1:
                break;
            }
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                if (!$util.isString(message.error_msg))
                    return "error_msg: string expected";
            return null;
        };

        /**
         * Creates an OpResult message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.OpResult
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.OpResult} OpResult
         */
        OpResult.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.OpResult)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.OpResult: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.OpResult();
            switch (object.result) {
            case "OK":
            case 0:
                message.result = 0;
                break;
            case "ERR":
            case 1:
                message.result = 1;
                break;
            default:
            }
            if (object.error_msg != null)
                message.error_msg = $String(object.error_msg);
            return message;
        };

        /**
         * Creates a plain object from an OpResult message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.OpResult
         * @static
         * @param {ceph_disk.OpResult} message OpResult
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpResult.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.result = options.enums === $String ? "OK" : 0;
                object.error_msg = "";
            }
            if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                object.result = options.enums === $String ? $root.ceph_disk.ResultType[message.result] === $undefined ? message.result : $root.ceph_disk.ResultType[message.result] : message.result;
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                object.error_msg = message.error_msg;
            return object;
        };

        /**
         * Converts this OpResult to JSON.
         * @function toJSON
         * @memberof ceph_disk.OpResult
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpResult.prototype.toJSON = function() {
            return OpResult.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OpResult
         * @function getTypeUrl
         * @memberof ceph_disk.OpResult
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OpResult.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.OpResult";
        };

        return OpResult;
    })();

    /**
     * ResultType enum.
     * @name ceph_disk.ResultType
     * @enum {number}
     * @property {number} OK=0 OK value
     * @property {number} ERR=1 ERR value
     */
    ceph_disk.ResultType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "OK"] = 0;
        values[valuesById[1] = "ERR"] = 1;
        return values;
    })();

    ceph_disk.OpBoolResult = (function() {

        /**
         * Properties of an OpBoolResult.
         * @typedef {Object} ceph_disk.OpBoolResult.$Properties
         * @property {ceph_disk.ResultType} result OpBoolResult result
         * @property {boolean|null} [value] OpBoolResult value
         * @property {string|null} [error_msg] OpBoolResult error_msg
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OpBoolResult.
         * @memberof ceph_disk
         * @interface IOpBoolResult
         * @augments ceph_disk.OpBoolResult.$Properties
         * @deprecated Use ceph_disk.OpBoolResult.$Properties instead.
         */

        /**
         * Shape of an OpBoolResult.
         * @typedef {ceph_disk.OpBoolResult.$Properties} ceph_disk.OpBoolResult.$Shape
         */

        /**
         * Constructs a new OpBoolResult.
         * @memberof ceph_disk
         * @classdesc Represents an OpBoolResult.
         * @constructor
         * @param {ceph_disk.OpBoolResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OpBoolResult = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OpBoolResult result.
         * @member {ceph_disk.ResultType} result
         * @memberof ceph_disk.OpBoolResult
         * @instance
         */
        OpBoolResult.prototype.result = 0;

        /**
         * OpBoolResult value.
         * @member {boolean} value
         * @memberof ceph_disk.OpBoolResult
         * @instance
         */
        OpBoolResult.prototype.value = false;

        /**
         * OpBoolResult error_msg.
         * @member {string} error_msg
         * @memberof ceph_disk.OpBoolResult
         * @instance
         */
        OpBoolResult.prototype.error_msg = "";

        /**
         * Creates a new OpBoolResult instance using the specified properties.
         * @function create
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {ceph_disk.OpBoolResult.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.OpBoolResult} OpBoolResult instance
         * @type {{
         *   (properties: ceph_disk.OpBoolResult.$Shape): ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape;
         *   (properties?: ceph_disk.OpBoolResult.$Properties): ceph_disk.OpBoolResult;
         * }}
         */
        OpBoolResult.create = function(properties) {
            return new OpBoolResult(properties);
        };

        /**
         * Encodes the specified OpBoolResult message. Does not implicitly {@link ceph_disk.OpBoolResult.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {ceph_disk.OpBoolResult.$Properties} message OpBoolResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpBoolResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.result);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.value);
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.error_msg);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified OpBoolResult message, length delimited. Does not implicitly {@link ceph_disk.OpBoolResult.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {ceph_disk.OpBoolResult.$Properties} message OpBoolResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpBoolResult.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an OpBoolResult message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape} OpBoolResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpBoolResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.OpBoolResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.ResultType[value] !== $undefined)
                            message.result = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.value = reader.bool();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.error_msg = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "result"))
                throw $util.ProtocolError("missing required 'result'", { instance: message });
            return message;
        };

        /**
         * Decodes an OpBoolResult message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape} OpBoolResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpBoolResult.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an OpBoolResult message.
         * @function verify
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        OpBoolResult.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.result) {
            default:
                return "result: enum value expected";
            case 0:
            case 1:
                break;
            }
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                if (typeof message.value !== "boolean")
                    return "value: boolean expected";
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                if (!$util.isString(message.error_msg))
                    return "error_msg: string expected";
            return null;
        };

        /**
         * Creates an OpBoolResult message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.OpBoolResult} OpBoolResult
         */
        OpBoolResult.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.OpBoolResult)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.OpBoolResult: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.OpBoolResult();
            switch (object.result) {
            case "OK":
            case 0:
                message.result = 0;
                break;
            case "ERR":
            case 1:
                message.result = 1;
                break;
            default:
            }
            if (object.value != null)
                message.value = $Boolean(object.value);
            if (object.error_msg != null)
                message.error_msg = $String(object.error_msg);
            return message;
        };

        /**
         * Creates a plain object from an OpBoolResult message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {ceph_disk.OpBoolResult} message OpBoolResult
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpBoolResult.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.result = options.enums === $String ? "OK" : 0;
                object.value = false;
                object.error_msg = "";
            }
            if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                object.result = options.enums === $String ? $root.ceph_disk.ResultType[message.result] === $undefined ? message.result : $root.ceph_disk.ResultType[message.result] : message.result;
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                object.value = message.value;
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                object.error_msg = message.error_msg;
            return object;
        };

        /**
         * Converts this OpBoolResult to JSON.
         * @function toJSON
         * @memberof ceph_disk.OpBoolResult
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpBoolResult.prototype.toJSON = function() {
            return OpBoolResult.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OpBoolResult
         * @function getTypeUrl
         * @memberof ceph_disk.OpBoolResult
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OpBoolResult.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.OpBoolResult";
        };

        return OpBoolResult;
    })();

    ceph_disk.OpStringResult = (function() {

        /**
         * Properties of an OpStringResult.
         * @typedef {Object} ceph_disk.OpStringResult.$Properties
         * @property {ceph_disk.ResultType} result OpStringResult result
         * @property {string|null} [value] OpStringResult value
         * @property {string|null} [error_msg] OpStringResult error_msg
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OpStringResult.
         * @memberof ceph_disk
         * @interface IOpStringResult
         * @augments ceph_disk.OpStringResult.$Properties
         * @deprecated Use ceph_disk.OpStringResult.$Properties instead.
         */

        /**
         * Shape of an OpStringResult.
         * @typedef {ceph_disk.OpStringResult.$Properties} ceph_disk.OpStringResult.$Shape
         */

        /**
         * Constructs a new OpStringResult.
         * @memberof ceph_disk
         * @classdesc Represents an OpStringResult.
         * @constructor
         * @param {ceph_disk.OpStringResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OpStringResult = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OpStringResult result.
         * @member {ceph_disk.ResultType} result
         * @memberof ceph_disk.OpStringResult
         * @instance
         */
        OpStringResult.prototype.result = 0;

        /**
         * OpStringResult value.
         * @member {string} value
         * @memberof ceph_disk.OpStringResult
         * @instance
         */
        OpStringResult.prototype.value = "";

        /**
         * OpStringResult error_msg.
         * @member {string} error_msg
         * @memberof ceph_disk.OpStringResult
         * @instance
         */
        OpStringResult.prototype.error_msg = "";

        /**
         * Creates a new OpStringResult instance using the specified properties.
         * @function create
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {ceph_disk.OpStringResult.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.OpStringResult} OpStringResult instance
         * @type {{
         *   (properties: ceph_disk.OpStringResult.$Shape): ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape;
         *   (properties?: ceph_disk.OpStringResult.$Properties): ceph_disk.OpStringResult;
         * }}
         */
        OpStringResult.create = function(properties) {
            return new OpStringResult(properties);
        };

        /**
         * Encodes the specified OpStringResult message. Does not implicitly {@link ceph_disk.OpStringResult.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {ceph_disk.OpStringResult.$Properties} message OpStringResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpStringResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.result);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.value);
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.error_msg);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified OpStringResult message, length delimited. Does not implicitly {@link ceph_disk.OpStringResult.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {ceph_disk.OpStringResult.$Properties} message OpStringResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpStringResult.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an OpStringResult message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape} OpStringResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpStringResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.OpStringResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.ResultType[value] !== $undefined)
                            message.result = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.value = reader.string();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.error_msg = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "result"))
                throw $util.ProtocolError("missing required 'result'", { instance: message });
            return message;
        };

        /**
         * Decodes an OpStringResult message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape} OpStringResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpStringResult.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an OpStringResult message.
         * @function verify
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        OpStringResult.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.result) {
            default:
                return "result: enum value expected";
            case 0:
            case 1:
                break;
            }
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                if (!$util.isString(message.value))
                    return "value: string expected";
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                if (!$util.isString(message.error_msg))
                    return "error_msg: string expected";
            return null;
        };

        /**
         * Creates an OpStringResult message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.OpStringResult} OpStringResult
         */
        OpStringResult.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.OpStringResult)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.OpStringResult: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.OpStringResult();
            switch (object.result) {
            case "OK":
            case 0:
                message.result = 0;
                break;
            case "ERR":
            case 1:
                message.result = 1;
                break;
            default:
            }
            if (object.value != null)
                message.value = $String(object.value);
            if (object.error_msg != null)
                message.error_msg = $String(object.error_msg);
            return message;
        };

        /**
         * Creates a plain object from an OpStringResult message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {ceph_disk.OpStringResult} message OpStringResult
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpStringResult.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.result = options.enums === $String ? "OK" : 0;
                object.value = "";
                object.error_msg = "";
            }
            if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                object.result = options.enums === $String ? $root.ceph_disk.ResultType[message.result] === $undefined ? message.result : $root.ceph_disk.ResultType[message.result] : message.result;
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                object.value = message.value;
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                object.error_msg = message.error_msg;
            return object;
        };

        /**
         * Converts this OpStringResult to JSON.
         * @function toJSON
         * @memberof ceph_disk.OpStringResult
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpStringResult.prototype.toJSON = function() {
            return OpStringResult.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OpStringResult
         * @function getTypeUrl
         * @memberof ceph_disk.OpStringResult
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OpStringResult.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.OpStringResult";
        };

        return OpStringResult;
    })();

    ceph_disk.OpOutcomeResult = (function() {

        /**
         * Properties of an OpOutcomeResult.
         * @typedef {Object} ceph_disk.OpOutcomeResult.$Properties
         * @property {ceph_disk.ResultType} result OpOutcomeResult result
         * @property {ceph_disk.OpOutcome|null} [outcome] OpOutcomeResult outcome
         * @property {boolean|null} [value] OpOutcomeResult value
         * @property {string|null} [error_msg] OpOutcomeResult error_msg
         * @property {string|null} [message] OpOutcomeResult message
         * @property {number|Long|null} [osd_id] OpOutcomeResult osd_id
         * @property {string|null} [operation_id] OpOutcomeResult operation_id
         * @property {Array.<ceph_disk.PlanStep.$Properties>|null} [plan] OpOutcomeResult plan
         * @property {number|null} [status] OpOutcomeResult status
         * @property {string|null} [error_type] OpOutcomeResult error_type
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OpOutcomeResult.
         * @memberof ceph_disk
         * @interface IOpOutcomeResult
         * @augments ceph_disk.OpOutcomeResult.$Properties
         * @deprecated Use ceph_disk.OpOutcomeResult.$Properties instead.
         */

        /**
         * Shape of an OpOutcomeResult.
         * @typedef {ceph_disk.OpOutcomeResult.$Properties} ceph_disk.OpOutcomeResult.$Shape
         */

        /**
         * Constructs a new OpOutcomeResult.
         * @memberof ceph_disk
         * @classdesc Represents an OpOutcomeResult.
         * @constructor
         * @param {ceph_disk.OpOutcomeResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OpOutcomeResult = function (properties) {
            this.plan = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OpOutcomeResult result.
         * @member {ceph_disk.ResultType} result
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.result = 0;

        /**
         * OpOutcomeResult outcome.
         * @member {ceph_disk.OpOutcome} outcome
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.outcome = 1;

        /**
         * OpOutcomeResult value.
         * @member {boolean} value
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.value = false;

        /**
         * OpOutcomeResult error_msg.
         * @member {string} error_msg
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.error_msg = "";

        /**
         * OpOutcomeResult message.
         * @member {string} message
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.message = "";

        /**
         * OpOutcomeResult osd_id.
         * @member {number|Long} osd_id
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.osd_id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * OpOutcomeResult operation_id.
         * @member {string} operation_id
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.operation_id = "";

        /**
         * OpOutcomeResult plan.
         * @member {Array.<ceph_disk.PlanStep.$Properties>} plan
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.plan = $util.emptyArray;

        /**
         * OpOutcomeResult status.
         * @member {number} status
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.status = 0;

        /**
         * OpOutcomeResult error_type.
         * @member {string} error_type
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         */
        OpOutcomeResult.prototype.error_type = "";

        /**
         * Creates a new OpOutcomeResult instance using the specified properties.
         * @function create
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {ceph_disk.OpOutcomeResult.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.OpOutcomeResult} OpOutcomeResult instance
         * @type {{
         *   (properties: ceph_disk.OpOutcomeResult.$Shape): ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape;
         *   (properties?: ceph_disk.OpOutcomeResult.$Properties): ceph_disk.OpOutcomeResult;
         * }}
         */
        OpOutcomeResult.create = function(properties) {
            return new OpOutcomeResult(properties);
        };

        /**
         * Encodes the specified OpOutcomeResult message. Does not implicitly {@link ceph_disk.OpOutcomeResult.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {ceph_disk.OpOutcomeResult.$Properties} message OpOutcomeResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpOutcomeResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.result);
            if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.outcome);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.value);
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.error_msg);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.message);
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.osd_id);
            if (message.operation_id != null && $Object.hasOwnProperty.call(message, "operation_id"))
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.operation_id);
            if (message.plan != null && message.plan.length)
                for (let i = 0; i < message.plan.length; ++i)
                    $root.ceph_disk.PlanStep.encode(message.plan[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.status);
            if (message.error_type != null && $Object.hasOwnProperty.call(message, "error_type"))
                writer.uint32(/* id 10, wireType 2 =*/82).string(message.error_type);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified OpOutcomeResult message, length delimited. Does not implicitly {@link ceph_disk.OpOutcomeResult.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {ceph_disk.OpOutcomeResult.$Properties} message OpOutcomeResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpOutcomeResult.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an OpOutcomeResult message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape} OpOutcomeResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpOutcomeResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.OpOutcomeResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.ResultType[value] !== $undefined)
                            message.result = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.OpOutcome[value] !== $undefined)
                            message.outcome = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.value = reader.bool();
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.error_msg = reader.string();
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.message = reader.string();
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        message.osd_id = reader.uint64();
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.operation_id = reader.string();
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.plan && message.plan.length))
                            message.plan = [];
                        message.plan.push($root.ceph_disk.PlanStep.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        message.status = reader.uint32();
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.error_type = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "result"))
                throw $util.ProtocolError("missing required 'result'", { instance: message });
            return message;
        };

        /**
         * Decodes an OpOutcomeResult message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape} OpOutcomeResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpOutcomeResult.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an OpOutcomeResult message.
         * @function verify
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        OpOutcomeResult.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.result) {
            default:
                return "result: enum value expected";
            case 0:
            case 1:
                break;
            }
            if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                switch (message.outcome) {
                default:
                    return "outcome: enum value expected";
                case 1:
                case 2:
                case 3:
                    break;
                }
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                if (typeof message.value !== "boolean")
                    return "value: boolean expected";
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                if (!$util.isString(message.error_msg))
                    return "error_msg: string expected";
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                if (!$util.isString(message.message))
                    return "message: string expected";
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                if (!$util.isInteger(message.osd_id) && !(message.osd_id && $util.isInteger(message.osd_id.low) && $util.isInteger(message.osd_id.high)))
                    return "osd_id: integer|Long expected";
            if (message.operation_id != null && $Object.hasOwnProperty.call(message, "operation_id"))
                if (!$util.isString(message.operation_id))
                    return "operation_id: string expected";
            if (message.plan != null && $Object.hasOwnProperty.call(message, "plan")) {
                if (!$Array.isArray(message.plan))
                    return "plan: array expected";
                for (let i = 0; i < message.plan.length; ++i) {
                    let error = $root.ceph_disk.PlanStep.verify(message.plan[i], _depth + 1);
                    if (error)
                        return "plan." + error;
                }
            }
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                if (!$util.isInteger(message.status))
                    return "status: integer expected";
            if (message.error_type != null && $Object.hasOwnProperty.call(message, "error_type"))
                if (!$util.isString(message.error_type))
                    return "error_type: string expected";
            return null;
        };

        /**
         * Creates an OpOutcomeResult message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.OpOutcomeResult} OpOutcomeResult
         */
        OpOutcomeResult.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.OpOutcomeResult)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.OpOutcomeResult: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.OpOutcomeResult();
            switch (object.result) {
            case "OK":
            case 0:
                message.result = 0;
                break;
            case "ERR":
            case 1:
                message.result = 1;
                break;
            default:
            }
            switch (object.outcome) {
            case "Success":
            case 1:
                message.outcome = 1;
                break;
            case "Skipped":
            case 2:
                message.outcome = 2;
                break;
            case "SkipRepeat":
            case 3:
                message.outcome = 3;
                break;
            default:
            }
            if (object.value != null)
                message.value = $Boolean(object.value);
            if (object.error_msg != null)
                message.error_msg = $String(object.error_msg);
            if (object.message != null)
                message.message = $String(object.message);
            if (object.osd_id != null)
                if ($util.Long)
                    message.osd_id = $util.Long.fromValue(object.osd_id, true);
                else if (typeof object.osd_id === "string")
                    message.osd_id = $parseInt(object.osd_id, 10);
                else if (typeof object.osd_id === "number")
                    message.osd_id = object.osd_id;
                else if (typeof object.osd_id === "object")
                    message.osd_id = new $util.LongBits(object.osd_id.low >>> 0, object.osd_id.high >>> 0).toNumber(true);
            if (object.operation_id != null)
                message.operation_id = $String(object.operation_id);
            if (object.plan) {
                if (!$Array.isArray(object.plan))
                    throw $TypeError(".ceph_disk.OpOutcomeResult.plan: array expected");
                message.plan = $Array(object.plan.length);
                for (let i = 0; i < object.plan.length; ++i) {
                    if (!$util.isObject(object.plan[i]))
                        throw $TypeError(".ceph_disk.OpOutcomeResult.plan: object expected");
                    message.plan[i] = $root.ceph_disk.PlanStep.fromObject(object.plan[i], _depth + 1);
                }
            }
            if (object.status != null)
                message.status = object.status >>> 0;
            if (object.error_type != null)
                message.error_type = $String(object.error_type);
            return message;
        };

        /**
         * Creates a plain object from an OpOutcomeResult message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {ceph_disk.OpOutcomeResult} message OpOutcomeResult
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpOutcomeResult.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.plan = [];
            if (options.defaults) {
                object.result = options.enums === $String ? "OK" : 0;
                object.outcome = options.enums === $String ? "Success" : 1;
                object.value = false;
                object.error_msg = "";
                object.message = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.osd_id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.osd_id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.operation_id = "";
                object.status = 0;
                object.error_type = "";
            }
            if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                object.result = options.enums === $String ? $root.ceph_disk.ResultType[message.result] === $undefined ? message.result : $root.ceph_disk.ResultType[message.result] : message.result;
            if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                object.outcome = options.enums === $String ? $root.ceph_disk.OpOutcome[message.outcome] === $undefined ? message.outcome : $root.ceph_disk.OpOutcome[message.outcome] : message.outcome;
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                object.value = message.value;
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                object.error_msg = message.error_msg;
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                object.message = message.message;
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.osd_id = typeof message.osd_id === "number" ? $BigInt(message.osd_id) : $util.Long.fromBits(message.osd_id.low >>> 0, message.osd_id.high >>> 0, true).toBigInt();
                else if (typeof message.osd_id === "number")
                    object.osd_id = options.longs === $String ? $String(message.osd_id) : message.osd_id;
                else
                    object.osd_id = options.longs === $String ? $util.Long.prototype.toString.call(message.osd_id) : options.longs === $Number ? new $util.LongBits(message.osd_id.low >>> 0, message.osd_id.high >>> 0).toNumber(true) : message.osd_id;
            if (message.operation_id != null && $Object.hasOwnProperty.call(message, "operation_id"))
                object.operation_id = message.operation_id;
            if (message.plan && message.plan.length) {
                object.plan = $Array(message.plan.length);
                for (let j = 0; j < message.plan.length; ++j)
                    object.plan[j] = $root.ceph_disk.PlanStep.toObject(message.plan[j], options, _depth + 1);
            }
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                object.status = message.status;
            if (message.error_type != null && $Object.hasOwnProperty.call(message, "error_type"))
                object.error_type = message.error_type;
            return object;
        };

        /**
         * Converts this OpOutcomeResult to JSON.
         * @function toJSON
         * @memberof ceph_disk.OpOutcomeResult
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpOutcomeResult.prototype.toJSON = function() {
            return OpOutcomeResult.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OpOutcomeResult
         * @function getTypeUrl
         * @memberof ceph_disk.OpOutcomeResult
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OpOutcomeResult.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.OpOutcomeResult";
        };

        return OpOutcomeResult;
    })();

    /**
     * OpOutcome enum.
     * @name ceph_disk.OpOutcome
     * @enum {number}
     * @property {number} Success=1 Success value
     * @property {number} Skipped=2 Skipped value
     * @property {number} SkipRepeat=3 SkipRepeat value
     */
    ceph_disk.OpOutcome = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "Success"] = 1;
        values[valuesById[2] = "Skipped"] = 2;
        values[valuesById[3] = "SkipRepeat"] = 3;
        return values;
    })();

    ceph_disk.JiraInfo = (function() {

        /**
         * Properties of a JiraInfo.
         * @typedef {Object} ceph_disk.JiraInfo.$Properties
         * @property {string} ticket_id JiraInfo ticket_id
         * @property {string} server_name JiraInfo server_name
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a JiraInfo.
         * @memberof ceph_disk
         * @interface IJiraInfo
         * @augments ceph_disk.JiraInfo.$Properties
         * @deprecated Use ceph_disk.JiraInfo.$Properties instead.
         */

        /**
         * Shape of a JiraInfo.
         * @typedef {ceph_disk.JiraInfo.$Properties} ceph_disk.JiraInfo.$Shape
         */

        /**
         * Constructs a new JiraInfo.
         * @memberof ceph_disk
         * @classdesc Represents a JiraInfo.
         * @constructor
         * @param {ceph_disk.JiraInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const JiraInfo = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * JiraInfo ticket_id.
         * @member {string} ticket_id
         * @memberof ceph_disk.JiraInfo
         * @instance
         */
        JiraInfo.prototype.ticket_id = "";

        /**
         * JiraInfo server_name.
         * @member {string} server_name
         * @memberof ceph_disk.JiraInfo
         * @instance
         */
        JiraInfo.prototype.server_name = "";

        /**
         * Creates a new JiraInfo instance using the specified properties.
         * @function create
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {ceph_disk.JiraInfo.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.JiraInfo} JiraInfo instance
         * @type {{
         *   (properties: ceph_disk.JiraInfo.$Shape): ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape;
         *   (properties?: ceph_disk.JiraInfo.$Properties): ceph_disk.JiraInfo;
         * }}
         */
        JiraInfo.create = function(properties) {
            return new JiraInfo(properties);
        };

        /**
         * Encodes the specified JiraInfo message. Does not implicitly {@link ceph_disk.JiraInfo.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {ceph_disk.JiraInfo.$Properties} message JiraInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        JiraInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.ticket_id);
            writer.uint32(/* id 2, wireType 2 =*/18).string(message.server_name);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified JiraInfo message, length delimited. Does not implicitly {@link ceph_disk.JiraInfo.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {ceph_disk.JiraInfo.$Properties} message JiraInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        JiraInfo.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a JiraInfo message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape} JiraInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        JiraInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.JiraInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.ticket_id = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.server_name = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "ticket_id"))
                throw $util.ProtocolError("missing required 'ticket_id'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "server_name"))
                throw $util.ProtocolError("missing required 'server_name'", { instance: message });
            return message;
        };

        /**
         * Decodes a JiraInfo message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape} JiraInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        JiraInfo.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a JiraInfo message.
         * @function verify
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        JiraInfo.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (!$util.isString(message.ticket_id))
                return "ticket_id: string expected";
            if (!$util.isString(message.server_name))
                return "server_name: string expected";
            return null;
        };

        /**
         * Creates a JiraInfo message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.JiraInfo} JiraInfo
         */
        JiraInfo.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.JiraInfo)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.JiraInfo: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.JiraInfo();
            if (object.ticket_id != null)
                message.ticket_id = $String(object.ticket_id);
            if (object.server_name != null)
                message.server_name = $String(object.server_name);
            return message;
        };

        /**
         * Creates a plain object from a JiraInfo message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {ceph_disk.JiraInfo} message JiraInfo
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        JiraInfo.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.ticket_id = "";
                object.server_name = "";
            }
            if (message.ticket_id != null && $Object.hasOwnProperty.call(message, "ticket_id"))
                object.ticket_id = message.ticket_id;
            if (message.server_name != null && $Object.hasOwnProperty.call(message, "server_name"))
                object.server_name = message.server_name;
            return object;
        };

        /**
         * Converts this JiraInfo to JSON.
         * @function toJSON
         * @memberof ceph_disk.JiraInfo
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        JiraInfo.prototype.toJSON = function() {
            return JiraInfo.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for JiraInfo
         * @function getTypeUrl
         * @memberof ceph_disk.JiraInfo
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        JiraInfo.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.JiraInfo";
        };

        return JiraInfo;
    })();

    ceph_disk.OpJiraTicketsResult = (function() {

        /**
         * Properties of an OpJiraTicketsResult.
         * @typedef {Object} ceph_disk.OpJiraTicketsResult.$Properties
         * @property {ceph_disk.ResultType} result OpJiraTicketsResult result
         * @property {Array.<ceph_disk.JiraInfo.$Properties>|null} [tickets] OpJiraTicketsResult tickets
         * @property {string|null} [error_msg] OpJiraTicketsResult error_msg
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OpJiraTicketsResult.
         * @memberof ceph_disk
         * @interface IOpJiraTicketsResult
         * @augments ceph_disk.OpJiraTicketsResult.$Properties
         * @deprecated Use ceph_disk.OpJiraTicketsResult.$Properties instead.
         */

        /**
         * Shape of an OpJiraTicketsResult.
         * @typedef {ceph_disk.OpJiraTicketsResult.$Properties} ceph_disk.OpJiraTicketsResult.$Shape
         */

        /**
         * Constructs a new OpJiraTicketsResult.
         * @memberof ceph_disk
         * @classdesc Represents an OpJiraTicketsResult.
         * @constructor
         * @param {ceph_disk.OpJiraTicketsResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OpJiraTicketsResult = function (properties) {
            this.tickets = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OpJiraTicketsResult result.
         * @member {ceph_disk.ResultType} result
         * @memberof ceph_disk.OpJiraTicketsResult
         * @instance
         */
        OpJiraTicketsResult.prototype.result = 0;

        /**
         * OpJiraTicketsResult tickets.
         * @member {Array.<ceph_disk.JiraInfo.$Properties>} tickets
         * @memberof ceph_disk.OpJiraTicketsResult
         * @instance
         */
        OpJiraTicketsResult.prototype.tickets = $util.emptyArray;

        /**
         * OpJiraTicketsResult error_msg.
         * @member {string} error_msg
         * @memberof ceph_disk.OpJiraTicketsResult
         * @instance
         */
        OpJiraTicketsResult.prototype.error_msg = "";

        /**
         * Creates a new OpJiraTicketsResult instance using the specified properties.
         * @function create
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {ceph_disk.OpJiraTicketsResult.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.OpJiraTicketsResult} OpJiraTicketsResult instance
         * @type {{
         *   (properties: ceph_disk.OpJiraTicketsResult.$Shape): ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape;
         *   (properties?: ceph_disk.OpJiraTicketsResult.$Properties): ceph_disk.OpJiraTicketsResult;
         * }}
         */
        OpJiraTicketsResult.create = function(properties) {
            return new OpJiraTicketsResult(properties);
        };

        /**
         * Encodes the specified OpJiraTicketsResult message. Does not implicitly {@link ceph_disk.OpJiraTicketsResult.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {ceph_disk.OpJiraTicketsResult.$Properties} message OpJiraTicketsResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpJiraTicketsResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.result);
            if (message.tickets != null && message.tickets.length)
                for (let i = 0; i < message.tickets.length; ++i)
                    $root.ceph_disk.JiraInfo.encode(message.tickets[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.error_msg);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified OpJiraTicketsResult message, length delimited. Does not implicitly {@link ceph_disk.OpJiraTicketsResult.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {ceph_disk.OpJiraTicketsResult.$Properties} message OpJiraTicketsResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OpJiraTicketsResult.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an OpJiraTicketsResult message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape} OpJiraTicketsResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpJiraTicketsResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.OpJiraTicketsResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.ResultType[value] !== $undefined)
                            message.result = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.tickets && message.tickets.length))
                            message.tickets = [];
                        message.tickets.push($root.ceph_disk.JiraInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.error_msg = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "result"))
                throw $util.ProtocolError("missing required 'result'", { instance: message });
            return message;
        };

        /**
         * Decodes an OpJiraTicketsResult message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape} OpJiraTicketsResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OpJiraTicketsResult.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an OpJiraTicketsResult message.
         * @function verify
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        OpJiraTicketsResult.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.result) {
            default:
                return "result: enum value expected";
            case 0:
            case 1:
                break;
            }
            if (message.tickets != null && $Object.hasOwnProperty.call(message, "tickets")) {
                if (!$Array.isArray(message.tickets))
                    return "tickets: array expected";
                for (let i = 0; i < message.tickets.length; ++i) {
                    let error = $root.ceph_disk.JiraInfo.verify(message.tickets[i], _depth + 1);
                    if (error)
                        return "tickets." + error;
                }
            }
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                if (!$util.isString(message.error_msg))
                    return "error_msg: string expected";
            return null;
        };

        /**
         * Creates an OpJiraTicketsResult message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.OpJiraTicketsResult} OpJiraTicketsResult
         */
        OpJiraTicketsResult.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.OpJiraTicketsResult)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.OpJiraTicketsResult: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.OpJiraTicketsResult();
            switch (object.result) {
            case "OK":
            case 0:
                message.result = 0;
                break;
            case "ERR":
            case 1:
                message.result = 1;
                break;
            default:
            }
            if (object.tickets) {
                if (!$Array.isArray(object.tickets))
                    throw $TypeError(".ceph_disk.OpJiraTicketsResult.tickets: array expected");
                message.tickets = $Array(object.tickets.length);
                for (let i = 0; i < object.tickets.length; ++i) {
                    if (!$util.isObject(object.tickets[i]))
                        throw $TypeError(".ceph_disk.OpJiraTicketsResult.tickets: object expected");
                    message.tickets[i] = $root.ceph_disk.JiraInfo.fromObject(object.tickets[i], _depth + 1);
                }
            }
            if (object.error_msg != null)
                message.error_msg = $String(object.error_msg);
            return message;
        };

        /**
         * Creates a plain object from an OpJiraTicketsResult message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {ceph_disk.OpJiraTicketsResult} message OpJiraTicketsResult
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OpJiraTicketsResult.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.tickets = [];
            if (options.defaults) {
                object.result = options.enums === $String ? "OK" : 0;
                object.error_msg = "";
            }
            if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                object.result = options.enums === $String ? $root.ceph_disk.ResultType[message.result] === $undefined ? message.result : $root.ceph_disk.ResultType[message.result] : message.result;
            if (message.tickets && message.tickets.length) {
                object.tickets = $Array(message.tickets.length);
                for (let j = 0; j < message.tickets.length; ++j)
                    object.tickets[j] = $root.ceph_disk.JiraInfo.toObject(message.tickets[j], options, _depth + 1);
            }
            if (message.error_msg != null && $Object.hasOwnProperty.call(message, "error_msg"))
                object.error_msg = message.error_msg;
            return object;
        };

        /**
         * Converts this OpJiraTicketsResult to JSON.
         * @function toJSON
         * @memberof ceph_disk.OpJiraTicketsResult
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OpJiraTicketsResult.prototype.toJSON = function() {
            return OpJiraTicketsResult.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OpJiraTicketsResult
         * @function getTypeUrl
         * @memberof ceph_disk.OpJiraTicketsResult
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OpJiraTicketsResult.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.OpJiraTicketsResult";
        };

        return OpJiraTicketsResult;
    })();

    /**
     * Op enum.
     * @name ceph_disk.Op
     * @enum {number}
     * @property {number} Add=1 Add value
     * @property {number} AddPartition=6 AddPartition value
     * @property {number} List=3 List value
     * @property {number} Remove=4 Remove value
     * @property {number} SafeToRemove=5 SafeToRemove value
     * @property {number} GetCreatedTickets=7 GetCreatedTickets value
     * @property {number} GetOperation=10 GetOperation value
     */
    ceph_disk.Op = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "Add"] = 1;
        values[valuesById[6] = "AddPartition"] = 6;
        values[valuesById[3] = "List"] = 3;
        values[valuesById[4] = "Remove"] = 4;
        values[valuesById[5] = "SafeToRemove"] = 5;
        values[valuesById[7] = "GetCreatedTickets"] = 7;
        values[valuesById[10] = "GetOperation"] = 10;
        return values;
    })();

    /**
     * DatacenterOp enum.
     * @name ceph_disk.DatacenterOp
     * @enum {number}
     * @property {number} GetDc=1 GetDc value
     * @property {number} GetRack=2 GetRack value
     * @property {number} GetRow=3 GetRow value
     * @property {number} GetElevation=4 GetElevation value
     */
    ceph_disk.DatacenterOp = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "GetDc"] = 1;
        values[valuesById[2] = "GetRack"] = 2;
        values[valuesById[3] = "GetRow"] = 3;
        values[valuesById[4] = "GetElevation"] = 4;
        return values;
    })();

    ceph_disk.DatacenterOperation = (function() {

        /**
         * Properties of a DatacenterOperation.
         * @typedef {Object} ceph_disk.DatacenterOperation.$Properties
         * @property {ceph_disk.DatacenterOp} Op_type DatacenterOperation Op_type
         * @property {string} server_id DatacenterOperation server_id
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DatacenterOperation.
         * @memberof ceph_disk
         * @interface IDatacenterOperation
         * @augments ceph_disk.DatacenterOperation.$Properties
         * @deprecated Use ceph_disk.DatacenterOperation.$Properties instead.
         */

        /**
         * Shape of a DatacenterOperation.
         * @typedef {ceph_disk.DatacenterOperation.$Properties} ceph_disk.DatacenterOperation.$Shape
         */

        /**
         * Constructs a new DatacenterOperation.
         * @memberof ceph_disk
         * @classdesc Represents a DatacenterOperation.
         * @constructor
         * @param {ceph_disk.DatacenterOperation.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DatacenterOperation = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DatacenterOperation Op_type.
         * @member {ceph_disk.DatacenterOp} Op_type
         * @memberof ceph_disk.DatacenterOperation
         * @instance
         */
        DatacenterOperation.prototype.Op_type = 1;

        /**
         * DatacenterOperation server_id.
         * @member {string} server_id
         * @memberof ceph_disk.DatacenterOperation
         * @instance
         */
        DatacenterOperation.prototype.server_id = "";

        /**
         * Creates a new DatacenterOperation instance using the specified properties.
         * @function create
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {ceph_disk.DatacenterOperation.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.DatacenterOperation} DatacenterOperation instance
         * @type {{
         *   (properties: ceph_disk.DatacenterOperation.$Shape): ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape;
         *   (properties?: ceph_disk.DatacenterOperation.$Properties): ceph_disk.DatacenterOperation;
         * }}
         */
        DatacenterOperation.create = function(properties) {
            return new DatacenterOperation(properties);
        };

        /**
         * Encodes the specified DatacenterOperation message. Does not implicitly {@link ceph_disk.DatacenterOperation.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {ceph_disk.DatacenterOperation.$Properties} message DatacenterOperation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DatacenterOperation.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.Op_type);
            writer.uint32(/* id 2, wireType 2 =*/18).string(message.server_id);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified DatacenterOperation message, length delimited. Does not implicitly {@link ceph_disk.DatacenterOperation.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {ceph_disk.DatacenterOperation.$Properties} message DatacenterOperation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DatacenterOperation.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a DatacenterOperation message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape} DatacenterOperation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DatacenterOperation.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.DatacenterOperation();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.DatacenterOp[value] !== $undefined)
                            message.Op_type = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.server_id = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "Op_type"))
                throw $util.ProtocolError("missing required 'Op_type'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "server_id"))
                throw $util.ProtocolError("missing required 'server_id'", { instance: message });
            return message;
        };

        /**
         * Decodes a DatacenterOperation message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape} DatacenterOperation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DatacenterOperation.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a DatacenterOperation message.
         * @function verify
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        DatacenterOperation.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.Op_type) {
            default:
                return "Op_type: enum value expected";
            case 1:
            case 2:
            case 3:
            case 4:
                break;
            }
            if (!$util.isString(message.server_id))
                return "server_id: string expected";
            return null;
        };

        /**
         * Creates a DatacenterOperation message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.DatacenterOperation} DatacenterOperation
         */
        DatacenterOperation.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.DatacenterOperation)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.DatacenterOperation: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.DatacenterOperation();
            switch (object.Op_type) {
            case "GetDc":
            case 1:
                message.Op_type = 1;
                break;
            case "GetRack":
            case 2:
                message.Op_type = 2;
                break;
            case "GetRow":
            case 3:
                message.Op_type = 3;
                break;
            case "GetElevation":
            case 4:
                message.Op_type = 4;
                break;
            default:
            }
            if (object.server_id != null)
                message.server_id = $String(object.server_id);
            return message;
        };

        /**
         * Creates a plain object from a DatacenterOperation message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {ceph_disk.DatacenterOperation} message DatacenterOperation
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        DatacenterOperation.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.Op_type = options.enums === $String ? "GetDc" : 1;
                object.server_id = "";
            }
            if (message.Op_type != null && $Object.hasOwnProperty.call(message, "Op_type"))
                object.Op_type = options.enums === $String ? $root.ceph_disk.DatacenterOp[message.Op_type] === $undefined ? message.Op_type : $root.ceph_disk.DatacenterOp[message.Op_type] : message.Op_type;
            if (message.server_id != null && $Object.hasOwnProperty.call(message, "server_id"))
                object.server_id = message.server_id;
            return object;
        };

        /**
         * Converts this DatacenterOperation to JSON.
         * @function toJSON
         * @memberof ceph_disk.DatacenterOperation
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        DatacenterOperation.prototype.toJSON = function() {
            return DatacenterOperation.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for DatacenterOperation
         * @function getTypeUrl
         * @memberof ceph_disk.DatacenterOperation
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DatacenterOperation.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.DatacenterOperation";
        };

        return DatacenterOperation;
    })();

    ceph_disk.Operation = (function() {

        /**
         * Properties of an Operation.
         * @typedef {Object} ceph_disk.Operation.$Properties
         * @property {ceph_disk.Op} Op_type Operation Op_type
         * @property {string|null} [disk] Operation disk
         * @property {boolean|null} [simulate] Operation simulate
         * @property {number|Long|null} [partition_start] Operation partition_start
         * @property {number|Long|null} [partition_end] Operation partition_end
         * @property {string|null} [partition_name] Operation partition_name
         * @property {number|Long|null} [osd_id] Operation osd_id
         * @property {Array.<string>|null} [replica_set] Operation replica_set
         * @property {string|null} [disk_identity] Operation disk_identity
         * @property {string|null} [operation_id] Operation operation_id
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Operation.
         * @memberof ceph_disk
         * @interface IOperation
         * @augments ceph_disk.Operation.$Properties
         * @deprecated Use ceph_disk.Operation.$Properties instead.
         */

        /**
         * Shape of an Operation.
         * @typedef {ceph_disk.Operation.$Properties} ceph_disk.Operation.$Shape
         */

        /**
         * Constructs a new Operation.
         * @memberof ceph_disk
         * @classdesc Represents an Operation.
         * @constructor
         * @param {ceph_disk.Operation.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Operation = function (properties) {
            this.replica_set = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Operation Op_type.
         * @member {ceph_disk.Op} Op_type
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.Op_type = 1;

        /**
         * Operation disk.
         * @member {string} disk
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.disk = "";

        /**
         * Operation simulate.
         * @member {boolean} simulate
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.simulate = false;

        /**
         * Operation partition_start.
         * @member {number|Long} partition_start
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.partition_start = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Operation partition_end.
         * @member {number|Long} partition_end
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.partition_end = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Operation partition_name.
         * @member {string} partition_name
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.partition_name = "";

        /**
         * Operation osd_id.
         * @member {number|Long} osd_id
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.osd_id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Operation replica_set.
         * @member {Array.<string>} replica_set
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.replica_set = $util.emptyArray;

        /**
         * Operation disk_identity.
         * @member {string} disk_identity
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.disk_identity = "";

        /**
         * Operation operation_id.
         * @member {string} operation_id
         * @memberof ceph_disk.Operation
         * @instance
         */
        Operation.prototype.operation_id = "";

        /**
         * Creates a new Operation instance using the specified properties.
         * @function create
         * @memberof ceph_disk.Operation
         * @static
         * @param {ceph_disk.Operation.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.Operation} Operation instance
         * @type {{
         *   (properties: ceph_disk.Operation.$Shape): ceph_disk.Operation & ceph_disk.Operation.$Shape;
         *   (properties?: ceph_disk.Operation.$Properties): ceph_disk.Operation;
         * }}
         */
        Operation.create = function(properties) {
            return new Operation(properties);
        };

        /**
         * Encodes the specified Operation message. Does not implicitly {@link ceph_disk.Operation.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.Operation
         * @static
         * @param {ceph_disk.Operation.$Properties} message Operation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Operation.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.Op_type);
            if (message.disk != null && $Object.hasOwnProperty.call(message, "disk"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.disk);
            if (message.simulate != null && $Object.hasOwnProperty.call(message, "simulate"))
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.simulate);
            if (message.partition_start != null && $Object.hasOwnProperty.call(message, "partition_start"))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.partition_start);
            if (message.partition_end != null && $Object.hasOwnProperty.call(message, "partition_end"))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.partition_end);
            if (message.partition_name != null && $Object.hasOwnProperty.call(message, "partition_name"))
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.partition_name);
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.osd_id);
            if (message.replica_set != null && message.replica_set.length)
                for (let i = 0; i < message.replica_set.length; ++i)
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.replica_set[i]);
            if (message.disk_identity != null && $Object.hasOwnProperty.call(message, "disk_identity"))
                writer.uint32(/* id 11, wireType 2 =*/90).string(message.disk_identity);
            if (message.operation_id != null && $Object.hasOwnProperty.call(message, "operation_id"))
                writer.uint32(/* id 12, wireType 2 =*/98).string(message.operation_id);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified Operation message, length delimited. Does not implicitly {@link ceph_disk.Operation.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.Operation
         * @static
         * @param {ceph_disk.Operation.$Properties} message Operation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Operation.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an Operation message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.Operation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.Operation & ceph_disk.Operation.$Shape} Operation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Operation.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.Operation();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.Op[value] !== $undefined)
                            message.Op_type = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.disk = reader.string();
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.simulate = reader.bool();
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        message.partition_start = reader.uint64();
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        message.partition_end = reader.uint64();
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.partition_name = reader.string();
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        message.osd_id = reader.uint64();
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if (!(message.replica_set && message.replica_set.length))
                            message.replica_set = [];
                        message.replica_set.push(reader.string());
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.disk_identity = reader.string();
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.operation_id = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "Op_type"))
                throw $util.ProtocolError("missing required 'Op_type'", { instance: message });
            return message;
        };

        /**
         * Decodes an Operation message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.Operation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.Operation & ceph_disk.Operation.$Shape} Operation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Operation.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an Operation message.
         * @function verify
         * @memberof ceph_disk.Operation
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Operation.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            switch (message.Op_type) {
            default:
                return "Op_type: enum value expected";
            case 1:
            case 6:
            case 3:
            case 4:
            case 5:
            case 7:
            case 10:
                break;
            }
            if (message.disk != null && $Object.hasOwnProperty.call(message, "disk"))
                if (!$util.isString(message.disk))
                    return "disk: string expected";
            if (message.simulate != null && $Object.hasOwnProperty.call(message, "simulate"))
                if (typeof message.simulate !== "boolean")
                    return "simulate: boolean expected";
            if (message.partition_start != null && $Object.hasOwnProperty.call(message, "partition_start"))
                if (!$util.isInteger(message.partition_start) && !(message.partition_start && $util.isInteger(message.partition_start.low) && $util.isInteger(message.partition_start.high)))
                    return "partition_start: integer|Long expected";
            if (message.partition_end != null && $Object.hasOwnProperty.call(message, "partition_end"))
                if (!$util.isInteger(message.partition_end) && !(message.partition_end && $util.isInteger(message.partition_end.low) && $util.isInteger(message.partition_end.high)))
                    return "partition_end: integer|Long expected";
            if (message.partition_name != null && $Object.hasOwnProperty.call(message, "partition_name"))
                if (!$util.isString(message.partition_name))
                    return "partition_name: string expected";
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                if (!$util.isInteger(message.osd_id) && !(message.osd_id && $util.isInteger(message.osd_id.low) && $util.isInteger(message.osd_id.high)))
                    return "osd_id: integer|Long expected";
            if (message.replica_set != null && $Object.hasOwnProperty.call(message, "replica_set")) {
                if (!$Array.isArray(message.replica_set))
                    return "replica_set: array expected";
                for (let i = 0; i < message.replica_set.length; ++i)
                    if (!$util.isString(message.replica_set[i]))
                        return "replica_set: string[] expected";
            }
            if (message.disk_identity != null && $Object.hasOwnProperty.call(message, "disk_identity"))
                if (!$util.isString(message.disk_identity))
                    return "disk_identity: string expected";
            if (message.operation_id != null && $Object.hasOwnProperty.call(message, "operation_id"))
                if (!$util.isString(message.operation_id))
                    return "operation_id: string expected";
            return null;
        };

        /**
         * Creates an Operation message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.Operation
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.Operation} Operation
         */
        Operation.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.Operation)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.Operation: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.Operation();
            switch (object.Op_type) {
            case "Add":
            case 1:
                message.Op_type = 1;
                break;
            case "AddPartition":
            case 6:
                message.Op_type = 6;
                break;
            case "List":
            case 3:
                message.Op_type = 3;
                break;
            case "Remove":
            case 4:
                message.Op_type = 4;
                break;
            case "SafeToRemove":
            case 5:
                message.Op_type = 5;
                break;
            case "GetCreatedTickets":
            case 7:
                message.Op_type = 7;
                break;
            case "GetOperation":
            case 10:
                message.Op_type = 10;
                break;
            default:
            }
            if (object.disk != null)
                message.disk = $String(object.disk);
            if (object.simulate != null)
                message.simulate = $Boolean(object.simulate);
            if (object.partition_start != null)
                if ($util.Long)
                    message.partition_start = $util.Long.fromValue(object.partition_start, true);
                else if (typeof object.partition_start === "string")
                    message.partition_start = $parseInt(object.partition_start, 10);
                else if (typeof object.partition_start === "number")
                    message.partition_start = object.partition_start;
                else if (typeof object.partition_start === "object")
                    message.partition_start = new $util.LongBits(object.partition_start.low >>> 0, object.partition_start.high >>> 0).toNumber(true);
            if (object.partition_end != null)
                if ($util.Long)
                    message.partition_end = $util.Long.fromValue(object.partition_end, true);
                else if (typeof object.partition_end === "string")
                    message.partition_end = $parseInt(object.partition_end, 10);
                else if (typeof object.partition_end === "number")
                    message.partition_end = object.partition_end;
                else if (typeof object.partition_end === "object")
                    message.partition_end = new $util.LongBits(object.partition_end.low >>> 0, object.partition_end.high >>> 0).toNumber(true);
            if (object.partition_name != null)
                message.partition_name = $String(object.partition_name);
            if (object.osd_id != null)
                if ($util.Long)
                    message.osd_id = $util.Long.fromValue(object.osd_id, true);
                else if (typeof object.osd_id === "string")
                    message.osd_id = $parseInt(object.osd_id, 10);
                else if (typeof object.osd_id === "number")
                    message.osd_id = object.osd_id;
                else if (typeof object.osd_id === "object")
                    message.osd_id = new $util.LongBits(object.osd_id.low >>> 0, object.osd_id.high >>> 0).toNumber(true);
            if (object.replica_set) {
                if (!$Array.isArray(object.replica_set))
                    throw $TypeError(".ceph_disk.Operation.replica_set: array expected");
                message.replica_set = $Array(object.replica_set.length);
                for (let i = 0; i < object.replica_set.length; ++i)
                    message.replica_set[i] = $String(object.replica_set[i]);
            }
            if (object.disk_identity != null)
                message.disk_identity = $String(object.disk_identity);
            if (object.operation_id != null)
                message.operation_id = $String(object.operation_id);
            return message;
        };

        /**
         * Creates a plain object from an Operation message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.Operation
         * @static
         * @param {ceph_disk.Operation} message Operation
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Operation.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.replica_set = [];
            if (options.defaults) {
                object.Op_type = options.enums === $String ? "Add" : 1;
                object.disk = "";
                object.simulate = false;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.partition_start = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.partition_start = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.partition_end = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.partition_end = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.partition_name = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.osd_id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.osd_id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.disk_identity = "";
                object.operation_id = "";
            }
            if (message.Op_type != null && $Object.hasOwnProperty.call(message, "Op_type"))
                object.Op_type = options.enums === $String ? $root.ceph_disk.Op[message.Op_type] === $undefined ? message.Op_type : $root.ceph_disk.Op[message.Op_type] : message.Op_type;
            if (message.disk != null && $Object.hasOwnProperty.call(message, "disk"))
                object.disk = message.disk;
            if (message.simulate != null && $Object.hasOwnProperty.call(message, "simulate"))
                object.simulate = message.simulate;
            if (message.partition_start != null && $Object.hasOwnProperty.call(message, "partition_start"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.partition_start = typeof message.partition_start === "number" ? $BigInt(message.partition_start) : $util.Long.fromBits(message.partition_start.low >>> 0, message.partition_start.high >>> 0, true).toBigInt();
                else if (typeof message.partition_start === "number")
                    object.partition_start = options.longs === $String ? $String(message.partition_start) : message.partition_start;
                else
                    object.partition_start = options.longs === $String ? $util.Long.prototype.toString.call(message.partition_start) : options.longs === $Number ? new $util.LongBits(message.partition_start.low >>> 0, message.partition_start.high >>> 0).toNumber(true) : message.partition_start;
            if (message.partition_end != null && $Object.hasOwnProperty.call(message, "partition_end"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.partition_end = typeof message.partition_end === "number" ? $BigInt(message.partition_end) : $util.Long.fromBits(message.partition_end.low >>> 0, message.partition_end.high >>> 0, true).toBigInt();
                else if (typeof message.partition_end === "number")
                    object.partition_end = options.longs === $String ? $String(message.partition_end) : message.partition_end;
                else
                    object.partition_end = options.longs === $String ? $util.Long.prototype.toString.call(message.partition_end) : options.longs === $Number ? new $util.LongBits(message.partition_end.low >>> 0, message.partition_end.high >>> 0).toNumber(true) : message.partition_end;
            if (message.partition_name != null && $Object.hasOwnProperty.call(message, "partition_name"))
                object.partition_name = message.partition_name;
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.osd_id = typeof message.osd_id === "number" ? $BigInt(message.osd_id) : $util.Long.fromBits(message.osd_id.low >>> 0, message.osd_id.high >>> 0, true).toBigInt();
                else if (typeof message.osd_id === "number")
                    object.osd_id = options.longs === $String ? $String(message.osd_id) : message.osd_id;
                else
                    object.osd_id = options.longs === $String ? $util.Long.prototype.toString.call(message.osd_id) : options.longs === $Number ? new $util.LongBits(message.osd_id.low >>> 0, message.osd_id.high >>> 0).toNumber(true) : message.osd_id;
            if (message.replica_set && message.replica_set.length) {
                object.replica_set = $Array(message.replica_set.length);
                for (let j = 0; j < message.replica_set.length; ++j)
                    object.replica_set[j] = message.replica_set[j];
            }
            if (message.disk_identity != null && $Object.hasOwnProperty.call(message, "disk_identity"))
                object.disk_identity = message.disk_identity;
            if (message.operation_id != null && $Object.hasOwnProperty.call(message, "operation_id"))
                object.operation_id = message.operation_id;
            return object;
        };

        /**
         * Converts this Operation to JSON.
         * @function toJSON
         * @memberof ceph_disk.Operation
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Operation.prototype.toJSON = function() {
            return Operation.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Operation
         * @function getTypeUrl
         * @memberof ceph_disk.Operation
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Operation.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.Operation";
        };

        return Operation;
    })();

    ceph_disk.DiskIdentity = (function() {

        /**
         * Properties of a DiskIdentity.
         * @typedef {Object} ceph_disk.DiskIdentity.$Properties
         * @property {string} key DiskIdentity key
         * @property {string|null} [serial] DiskIdentity serial
         * @property {string|null} [wwn] DiskIdentity wwn
         * @property {string|null} [model] DiskIdentity model
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DiskIdentity.
         * @memberof ceph_disk
         * @interface IDiskIdentity
         * @augments ceph_disk.DiskIdentity.$Properties
         * @deprecated Use ceph_disk.DiskIdentity.$Properties instead.
         */

        /**
         * Shape of a DiskIdentity.
         * @typedef {ceph_disk.DiskIdentity.$Properties} ceph_disk.DiskIdentity.$Shape
         */

        /**
         * Constructs a new DiskIdentity.
         * @memberof ceph_disk
         * @classdesc Represents a DiskIdentity.
         * @constructor
         * @param {ceph_disk.DiskIdentity.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DiskIdentity = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DiskIdentity key.
         * @member {string} key
         * @memberof ceph_disk.DiskIdentity
         * @instance
         */
        DiskIdentity.prototype.key = "";

        /**
         * DiskIdentity serial.
         * @member {string} serial
         * @memberof ceph_disk.DiskIdentity
         * @instance
         */
        DiskIdentity.prototype.serial = "";

        /**
         * DiskIdentity wwn.
         * @member {string} wwn
         * @memberof ceph_disk.DiskIdentity
         * @instance
         */
        DiskIdentity.prototype.wwn = "";

        /**
         * DiskIdentity model.
         * @member {string} model
         * @memberof ceph_disk.DiskIdentity
         * @instance
         */
        DiskIdentity.prototype.model = "";

        /**
         * Creates a new DiskIdentity instance using the specified properties.
         * @function create
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {ceph_disk.DiskIdentity.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.DiskIdentity} DiskIdentity instance
         * @type {{
         *   (properties: ceph_disk.DiskIdentity.$Shape): ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape;
         *   (properties?: ceph_disk.DiskIdentity.$Properties): ceph_disk.DiskIdentity;
         * }}
         */
        DiskIdentity.create = function(properties) {
            return new DiskIdentity(properties);
        };

        /**
         * Encodes the specified DiskIdentity message. Does not implicitly {@link ceph_disk.DiskIdentity.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {ceph_disk.DiskIdentity.$Properties} message DiskIdentity message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DiskIdentity.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
            if (message.serial != null && $Object.hasOwnProperty.call(message, "serial"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.serial);
            if (message.wwn != null && $Object.hasOwnProperty.call(message, "wwn"))
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.wwn);
            if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.model);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified DiskIdentity message, length delimited. Does not implicitly {@link ceph_disk.DiskIdentity.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {ceph_disk.DiskIdentity.$Properties} message DiskIdentity message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DiskIdentity.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a DiskIdentity message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape} DiskIdentity
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DiskIdentity.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.DiskIdentity();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.key = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.serial = reader.string();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.wwn = reader.string();
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.model = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "key"))
                throw $util.ProtocolError("missing required 'key'", { instance: message });
            return message;
        };

        /**
         * Decodes a DiskIdentity message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape} DiskIdentity
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DiskIdentity.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a DiskIdentity message.
         * @function verify
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        DiskIdentity.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (!$util.isString(message.key))
                return "key: string expected";
            if (message.serial != null && $Object.hasOwnProperty.call(message, "serial"))
                if (!$util.isString(message.serial))
                    return "serial: string expected";
            if (message.wwn != null && $Object.hasOwnProperty.call(message, "wwn"))
                if (!$util.isString(message.wwn))
                    return "wwn: string expected";
            if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                if (!$util.isString(message.model))
                    return "model: string expected";
            return null;
        };

        /**
         * Creates a DiskIdentity message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.DiskIdentity} DiskIdentity
         */
        DiskIdentity.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.DiskIdentity)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.DiskIdentity: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.DiskIdentity();
            if (object.key != null)
                message.key = $String(object.key);
            if (object.serial != null)
                message.serial = $String(object.serial);
            if (object.wwn != null)
                message.wwn = $String(object.wwn);
            if (object.model != null)
                message.model = $String(object.model);
            return message;
        };

        /**
         * Creates a plain object from a DiskIdentity message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {ceph_disk.DiskIdentity} message DiskIdentity
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        DiskIdentity.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.key = "";
                object.serial = "";
                object.wwn = "";
                object.model = "";
            }
            if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
                object.key = message.key;
            if (message.serial != null && $Object.hasOwnProperty.call(message, "serial"))
                object.serial = message.serial;
            if (message.wwn != null && $Object.hasOwnProperty.call(message, "wwn"))
                object.wwn = message.wwn;
            if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                object.model = message.model;
            return object;
        };

        /**
         * Converts this DiskIdentity to JSON.
         * @function toJSON
         * @memberof ceph_disk.DiskIdentity
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        DiskIdentity.prototype.toJSON = function() {
            return DiskIdentity.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for DiskIdentity
         * @function getTypeUrl
         * @memberof ceph_disk.DiskIdentity
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DiskIdentity.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.DiskIdentity";
        };

        return DiskIdentity;
    })();

    ceph_disk.ClusterRole = (function() {

        /**
         * Properties of a ClusterRole.
         * @typedef {Object} ceph_disk.ClusterRole.$Properties
         * @property {string} kind ClusterRole kind
         * @property {number|Long|null} [osd_id] ClusterRole osd_id
         * @property {boolean|null} [up] ClusterRole up
         * @property {boolean|null} [is_in] ClusterRole is_in
         * @property {boolean|null} [destroyed] ClusterRole destroyed
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ClusterRole.
         * @memberof ceph_disk
         * @interface IClusterRole
         * @augments ceph_disk.ClusterRole.$Properties
         * @deprecated Use ceph_disk.ClusterRole.$Properties instead.
         */

        /**
         * Shape of a ClusterRole.
         * @typedef {ceph_disk.ClusterRole.$Properties} ceph_disk.ClusterRole.$Shape
         */

        /**
         * Constructs a new ClusterRole.
         * @memberof ceph_disk
         * @classdesc Represents a ClusterRole.
         * @constructor
         * @param {ceph_disk.ClusterRole.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ClusterRole = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ClusterRole kind.
         * @member {string} kind
         * @memberof ceph_disk.ClusterRole
         * @instance
         */
        ClusterRole.prototype.kind = "";

        /**
         * ClusterRole osd_id.
         * @member {number|Long} osd_id
         * @memberof ceph_disk.ClusterRole
         * @instance
         */
        ClusterRole.prototype.osd_id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ClusterRole up.
         * @member {boolean} up
         * @memberof ceph_disk.ClusterRole
         * @instance
         */
        ClusterRole.prototype.up = false;

        /**
         * ClusterRole is_in.
         * @member {boolean} is_in
         * @memberof ceph_disk.ClusterRole
         * @instance
         */
        ClusterRole.prototype.is_in = false;

        /**
         * ClusterRole destroyed.
         * @member {boolean} destroyed
         * @memberof ceph_disk.ClusterRole
         * @instance
         */
        ClusterRole.prototype.destroyed = false;

        /**
         * Creates a new ClusterRole instance using the specified properties.
         * @function create
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {ceph_disk.ClusterRole.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.ClusterRole} ClusterRole instance
         * @type {{
         *   (properties: ceph_disk.ClusterRole.$Shape): ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape;
         *   (properties?: ceph_disk.ClusterRole.$Properties): ceph_disk.ClusterRole;
         * }}
         */
        ClusterRole.create = function(properties) {
            return new ClusterRole(properties);
        };

        /**
         * Encodes the specified ClusterRole message. Does not implicitly {@link ceph_disk.ClusterRole.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {ceph_disk.ClusterRole.$Properties} message ClusterRole message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ClusterRole.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.kind);
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.osd_id);
            if (message.up != null && $Object.hasOwnProperty.call(message, "up"))
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.up);
            if (message.is_in != null && $Object.hasOwnProperty.call(message, "is_in"))
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.is_in);
            if (message.destroyed != null && $Object.hasOwnProperty.call(message, "destroyed"))
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.destroyed);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified ClusterRole message, length delimited. Does not implicitly {@link ceph_disk.ClusterRole.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {ceph_disk.ClusterRole.$Properties} message ClusterRole message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ClusterRole.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a ClusterRole message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape} ClusterRole
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ClusterRole.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.ClusterRole();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.kind = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.osd_id = reader.uint64();
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.up = reader.bool();
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        message.is_in = reader.bool();
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        message.destroyed = reader.bool();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "kind"))
                throw $util.ProtocolError("missing required 'kind'", { instance: message });
            return message;
        };

        /**
         * Decodes a ClusterRole message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape} ClusterRole
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ClusterRole.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a ClusterRole message.
         * @function verify
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        ClusterRole.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (!$util.isString(message.kind))
                return "kind: string expected";
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                if (!$util.isInteger(message.osd_id) && !(message.osd_id && $util.isInteger(message.osd_id.low) && $util.isInteger(message.osd_id.high)))
                    return "osd_id: integer|Long expected";
            if (message.up != null && $Object.hasOwnProperty.call(message, "up"))
                if (typeof message.up !== "boolean")
                    return "up: boolean expected";
            if (message.is_in != null && $Object.hasOwnProperty.call(message, "is_in"))
                if (typeof message.is_in !== "boolean")
                    return "is_in: boolean expected";
            if (message.destroyed != null && $Object.hasOwnProperty.call(message, "destroyed"))
                if (typeof message.destroyed !== "boolean")
                    return "destroyed: boolean expected";
            return null;
        };

        /**
         * Creates a ClusterRole message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.ClusterRole} ClusterRole
         */
        ClusterRole.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.ClusterRole)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.ClusterRole: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.ClusterRole();
            if (object.kind != null)
                message.kind = $String(object.kind);
            if (object.osd_id != null)
                if ($util.Long)
                    message.osd_id = $util.Long.fromValue(object.osd_id, true);
                else if (typeof object.osd_id === "string")
                    message.osd_id = $parseInt(object.osd_id, 10);
                else if (typeof object.osd_id === "number")
                    message.osd_id = object.osd_id;
                else if (typeof object.osd_id === "object")
                    message.osd_id = new $util.LongBits(object.osd_id.low >>> 0, object.osd_id.high >>> 0).toNumber(true);
            if (object.up != null)
                message.up = $Boolean(object.up);
            if (object.is_in != null)
                message.is_in = $Boolean(object.is_in);
            if (object.destroyed != null)
                message.destroyed = $Boolean(object.destroyed);
            return message;
        };

        /**
         * Creates a plain object from a ClusterRole message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {ceph_disk.ClusterRole} message ClusterRole
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ClusterRole.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.kind = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.osd_id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.osd_id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.up = false;
                object.is_in = false;
                object.destroyed = false;
            }
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                object.kind = message.kind;
            if (message.osd_id != null && $Object.hasOwnProperty.call(message, "osd_id"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.osd_id = typeof message.osd_id === "number" ? $BigInt(message.osd_id) : $util.Long.fromBits(message.osd_id.low >>> 0, message.osd_id.high >>> 0, true).toBigInt();
                else if (typeof message.osd_id === "number")
                    object.osd_id = options.longs === $String ? $String(message.osd_id) : message.osd_id;
                else
                    object.osd_id = options.longs === $String ? $util.Long.prototype.toString.call(message.osd_id) : options.longs === $Number ? new $util.LongBits(message.osd_id.low >>> 0, message.osd_id.high >>> 0).toNumber(true) : message.osd_id;
            if (message.up != null && $Object.hasOwnProperty.call(message, "up"))
                object.up = message.up;
            if (message.is_in != null && $Object.hasOwnProperty.call(message, "is_in"))
                object.is_in = message.is_in;
            if (message.destroyed != null && $Object.hasOwnProperty.call(message, "destroyed"))
                object.destroyed = message.destroyed;
            return object;
        };

        /**
         * Converts this ClusterRole to JSON.
         * @function toJSON
         * @memberof ceph_disk.ClusterRole
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ClusterRole.prototype.toJSON = function() {
            return ClusterRole.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ClusterRole
         * @function getTypeUrl
         * @memberof ceph_disk.ClusterRole
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ClusterRole.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.ClusterRole";
        };

        return ClusterRole;
    })();

    ceph_disk.PlanStep = (function() {

        /**
         * Properties of a PlanStep.
         * @typedef {Object} ceph_disk.PlanStep.$Properties
         * @property {string} name PlanStep name
         * @property {string|null} [description] PlanStep description
         * @property {Array.<string>|null} [commands] PlanStep commands
         * @property {number|null} [expected_wait_seconds] PlanStep expected_wait_seconds
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PlanStep.
         * @memberof ceph_disk
         * @interface IPlanStep
         * @augments ceph_disk.PlanStep.$Properties
         * @deprecated Use ceph_disk.PlanStep.$Properties instead.
         */

        /**
         * Shape of a PlanStep.
         * @typedef {ceph_disk.PlanStep.$Properties} ceph_disk.PlanStep.$Shape
         */

        /**
         * Constructs a new PlanStep.
         * @memberof ceph_disk
         * @classdesc Represents a PlanStep.
         * @constructor
         * @param {ceph_disk.PlanStep.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PlanStep = function (properties) {
            this.commands = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PlanStep name.
         * @member {string} name
         * @memberof ceph_disk.PlanStep
         * @instance
         */
        PlanStep.prototype.name = "";

        /**
         * PlanStep description.
         * @member {string} description
         * @memberof ceph_disk.PlanStep
         * @instance
         */
        PlanStep.prototype.description = "";

        /**
         * PlanStep commands.
         * @member {Array.<string>} commands
         * @memberof ceph_disk.PlanStep
         * @instance
         */
        PlanStep.prototype.commands = $util.emptyArray;

        /**
         * PlanStep expected_wait_seconds.
         * @member {number} expected_wait_seconds
         * @memberof ceph_disk.PlanStep
         * @instance
         */
        PlanStep.prototype.expected_wait_seconds = 0;

        /**
         * Creates a new PlanStep instance using the specified properties.
         * @function create
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {ceph_disk.PlanStep.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.PlanStep} PlanStep instance
         * @type {{
         *   (properties: ceph_disk.PlanStep.$Shape): ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape;
         *   (properties?: ceph_disk.PlanStep.$Properties): ceph_disk.PlanStep;
         * }}
         */
        PlanStep.create = function(properties) {
            return new PlanStep(properties);
        };

        /**
         * Encodes the specified PlanStep message. Does not implicitly {@link ceph_disk.PlanStep.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {ceph_disk.PlanStep.$Properties} message PlanStep message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PlanStep.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.description);
            if (message.commands != null && message.commands.length)
                for (let i = 0; i < message.commands.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.commands[i]);
            if (message.expected_wait_seconds != null && $Object.hasOwnProperty.call(message, "expected_wait_seconds"))
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.expected_wait_seconds);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified PlanStep message, length delimited. Does not implicitly {@link ceph_disk.PlanStep.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {ceph_disk.PlanStep.$Properties} message PlanStep message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PlanStep.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a PlanStep message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape} PlanStep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PlanStep.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.PlanStep();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.name = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.description = reader.string();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.commands && message.commands.length))
                            message.commands = [];
                        message.commands.push(reader.string());
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        message.expected_wait_seconds = reader.uint32();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "name"))
                throw $util.ProtocolError("missing required 'name'", { instance: message });
            return message;
        };

        /**
         * Decodes a PlanStep message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape} PlanStep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PlanStep.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a PlanStep message.
         * @function verify
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        PlanStep.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (!$util.isString(message.name))
                return "name: string expected";
            if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                if (!$util.isString(message.description))
                    return "description: string expected";
            if (message.commands != null && $Object.hasOwnProperty.call(message, "commands")) {
                if (!$Array.isArray(message.commands))
                    return "commands: array expected";
                for (let i = 0; i < message.commands.length; ++i)
                    if (!$util.isString(message.commands[i]))
                        return "commands: string[] expected";
            }
            if (message.expected_wait_seconds != null && $Object.hasOwnProperty.call(message, "expected_wait_seconds"))
                if (!$util.isInteger(message.expected_wait_seconds))
                    return "expected_wait_seconds: integer expected";
            return null;
        };

        /**
         * Creates a PlanStep message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.PlanStep} PlanStep
         */
        PlanStep.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.PlanStep)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.PlanStep: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.PlanStep();
            if (object.name != null)
                message.name = $String(object.name);
            if (object.description != null)
                message.description = $String(object.description);
            if (object.commands) {
                if (!$Array.isArray(object.commands))
                    throw $TypeError(".ceph_disk.PlanStep.commands: array expected");
                message.commands = $Array(object.commands.length);
                for (let i = 0; i < object.commands.length; ++i)
                    message.commands[i] = $String(object.commands[i]);
            }
            if (object.expected_wait_seconds != null)
                message.expected_wait_seconds = object.expected_wait_seconds >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a PlanStep message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {ceph_disk.PlanStep} message PlanStep
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        PlanStep.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.commands = [];
            if (options.defaults) {
                object.name = "";
                object.description = "";
                object.expected_wait_seconds = 0;
            }
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                object.description = message.description;
            if (message.commands && message.commands.length) {
                object.commands = $Array(message.commands.length);
                for (let j = 0; j < message.commands.length; ++j)
                    object.commands[j] = message.commands[j];
            }
            if (message.expected_wait_seconds != null && $Object.hasOwnProperty.call(message, "expected_wait_seconds"))
                object.expected_wait_seconds = message.expected_wait_seconds;
            return object;
        };

        /**
         * Converts this PlanStep to JSON.
         * @function toJSON
         * @memberof ceph_disk.PlanStep
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        PlanStep.prototype.toJSON = function() {
            return PlanStep.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for PlanStep
         * @function getTypeUrl
         * @memberof ceph_disk.PlanStep
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PlanStep.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.PlanStep";
        };

        return PlanStep;
    })();

    /**
     * OperationState enum.
     * @name ceph_disk.OperationState
     * @enum {number}
     * @property {number} PENDING=0 PENDING value
     * @property {number} RUNNING=1 RUNNING value
     * @property {number} SUCCEEDED=2 SUCCEEDED value
     * @property {number} FAILED=3 FAILED value
     */
    ceph_disk.OperationState = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "PENDING"] = 0;
        values[valuesById[1] = "RUNNING"] = 1;
        values[valuesById[2] = "SUCCEEDED"] = 2;
        values[valuesById[3] = "FAILED"] = 3;
        return values;
    })();

    ceph_disk.OperationStatus = (function() {

        /**
         * Properties of an OperationStatus.
         * @typedef {Object} ceph_disk.OperationStatus.$Properties
         * @property {string} id OperationStatus id
         * @property {ceph_disk.Op} op OperationStatus op
         * @property {string} disk OperationStatus disk
         * @property {string|null} [disk_identity] OperationStatus disk_identity
         * @property {ceph_disk.OperationState} state OperationStatus state
         * @property {boolean|null} [simulate] OperationStatus simulate
         * @property {ceph_disk.OpOutcomeResult.$Properties|null} [result] OperationStatus result
         * @property {string|null} [step] OperationStatus step
         * @property {string|null} [message] OperationStatus message
         * @property {number|null} [percent] OperationStatus percent
         * @property {string|null} [created_at] OperationStatus created_at
         * @property {string|null} [updated_at] OperationStatus updated_at
         * @property {string|null} [requested_by] OperationStatus requested_by
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OperationStatus.
         * @memberof ceph_disk
         * @interface IOperationStatus
         * @augments ceph_disk.OperationStatus.$Properties
         * @deprecated Use ceph_disk.OperationStatus.$Properties instead.
         */

        /**
         * Shape of an OperationStatus.
         * @typedef {ceph_disk.OperationStatus.$Properties} ceph_disk.OperationStatus.$Shape
         */

        /**
         * Constructs a new OperationStatus.
         * @memberof ceph_disk
         * @classdesc Represents an OperationStatus.
         * @constructor
         * @param {ceph_disk.OperationStatus.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OperationStatus = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OperationStatus id.
         * @member {string} id
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.id = "";

        /**
         * OperationStatus op.
         * @member {ceph_disk.Op} op
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.op = 1;

        /**
         * OperationStatus disk.
         * @member {string} disk
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.disk = "";

        /**
         * OperationStatus disk_identity.
         * @member {string} disk_identity
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.disk_identity = "";

        /**
         * OperationStatus state.
         * @member {ceph_disk.OperationState} state
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.state = 0;

        /**
         * OperationStatus simulate.
         * @member {boolean} simulate
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.simulate = false;

        /**
         * OperationStatus result.
         * @member {ceph_disk.OpOutcomeResult.$Properties|null|undefined} result
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.result = null;

        /**
         * OperationStatus step.
         * @member {string} step
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.step = "";

        /**
         * OperationStatus message.
         * @member {string} message
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.message = "";

        /**
         * OperationStatus percent.
         * @member {number} percent
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.percent = 0;

        /**
         * OperationStatus created_at.
         * @member {string} created_at
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.created_at = "";

        /**
         * OperationStatus updated_at.
         * @member {string} updated_at
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.updated_at = "";

        /**
         * OperationStatus requested_by.
         * @member {string} requested_by
         * @memberof ceph_disk.OperationStatus
         * @instance
         */
        OperationStatus.prototype.requested_by = "";

        /**
         * Creates a new OperationStatus instance using the specified properties.
         * @function create
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {ceph_disk.OperationStatus.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.OperationStatus} OperationStatus instance
         * @type {{
         *   (properties: ceph_disk.OperationStatus.$Shape): ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape;
         *   (properties?: ceph_disk.OperationStatus.$Properties): ceph_disk.OperationStatus;
         * }}
         */
        OperationStatus.create = function(properties) {
            return new OperationStatus(properties);
        };

        /**
         * Encodes the specified OperationStatus message. Does not implicitly {@link ceph_disk.OperationStatus.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {ceph_disk.OperationStatus.$Properties} message OperationStatus message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OperationStatus.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
            writer.uint32(/* id 2, wireType 0 =*/16).int32(message.op);
            writer.uint32(/* id 3, wireType 2 =*/26).string(message.disk);
            if (message.disk_identity != null && $Object.hasOwnProperty.call(message, "disk_identity"))
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.disk_identity);
            writer.uint32(/* id 5, wireType 0 =*/40).int32(message.state);
            if (message.simulate != null && $Object.hasOwnProperty.call(message, "simulate"))
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.simulate);
            if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                $root.ceph_disk.OpOutcomeResult.encode(message.result, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                writer.uint32(/* id 8, wireType 2 =*/66).string(message.step);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.message);
            if (message.percent != null && $Object.hasOwnProperty.call(message, "percent"))
                writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.percent);
            if (message.created_at != null && $Object.hasOwnProperty.call(message, "created_at"))
                writer.uint32(/* id 11, wireType 2 =*/90).string(message.created_at);
            if (message.updated_at != null && $Object.hasOwnProperty.call(message, "updated_at"))
                writer.uint32(/* id 12, wireType 2 =*/98).string(message.updated_at);
            if (message.requested_by != null && $Object.hasOwnProperty.call(message, "requested_by"))
                writer.uint32(/* id 13, wireType 2 =*/106).string(message.requested_by);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified OperationStatus message, length delimited. Does not implicitly {@link ceph_disk.OperationStatus.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {ceph_disk.OperationStatus.$Properties} message OperationStatus message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OperationStatus.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an OperationStatus message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape} OperationStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OperationStatus.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.OperationStatus();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.id = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.Op[value] !== $undefined)
                            message.op = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.disk = reader.string();
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.disk_identity = reader.string();
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ceph_disk.OperationState[value] !== $undefined)
                            message.state = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        message.simulate = reader.bool();
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.result = $root.ceph_disk.OpOutcomeResult.decode(reader, reader.size(), $undefined, _depth + 1, message.result);
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.step = reader.string();
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.message = reader.string();
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        message.percent = reader.uint32();
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.created_at = reader.string();
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.updated_at = reader.string();
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.requested_by = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "id"))
                throw $util.ProtocolError("missing required 'id'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "op"))
                throw $util.ProtocolError("missing required 'op'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "disk"))
                throw $util.ProtocolError("missing required 'disk'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "state"))
                throw $util.ProtocolError("missing required 'state'", { instance: message });
            return message;
        };

        /**
         * Decodes an OperationStatus message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape} OperationStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OperationStatus.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an OperationStatus message.
         * @function verify
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        OperationStatus.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (!$util.isString(message.id))
                return "id: string expected";
            switch (message.op) {
            default:
                return "op: enum value expected";
            case 1:
            case 6:
            case 3:
            case 4:
            case 5:
            case 7:
            case 10:
                break;
            }
            if (!$util.isString(message.disk))
                return "disk: string expected";
            if (message.disk_identity != null && $Object.hasOwnProperty.call(message, "disk_identity"))
                if (!$util.isString(message.disk_identity))
                    return "disk_identity: string expected";
            switch (message.state) {
            default:
                return "state: enum value expected";
            case 0:
            case 1:
            case 2:
            case 3:
                break;
            }
            if (message.simulate != null && $Object.hasOwnProperty.call(message, "simulate"))
                if (typeof message.simulate !== "boolean")
                    return "simulate: boolean expected";
            if (message.result != null && $Object.hasOwnProperty.call(message, "result")) {
                let error = $root.ceph_disk.OpOutcomeResult.verify(message.result, _depth + 1);
                if (error)
                    return "result." + error;
            }
            if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                if (!$util.isString(message.step))
                    return "step: string expected";
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                if (!$util.isString(message.message))
                    return "message: string expected";
            if (message.percent != null && $Object.hasOwnProperty.call(message, "percent"))
                if (!$util.isInteger(message.percent))
                    return "percent: integer expected";
            if (message.created_at != null && $Object.hasOwnProperty.call(message, "created_at"))
                if (!$util.isString(message.created_at))
                    return "created_at: string expected";
            if (message.updated_at != null && $Object.hasOwnProperty.call(message, "updated_at"))
                if (!$util.isString(message.updated_at))
                    return "updated_at: string expected";
            if (message.requested_by != null && $Object.hasOwnProperty.call(message, "requested_by"))
                if (!$util.isString(message.requested_by))
                    return "requested_by: string expected";
            return null;
        };

        /**
         * Creates an OperationStatus message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.OperationStatus} OperationStatus
         */
        OperationStatus.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.OperationStatus)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.OperationStatus: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.OperationStatus();
            if (object.id != null)
                message.id = $String(object.id);
            switch (object.op) {
            case "Add":
            case 1:
                message.op = 1;
                break;
            case "AddPartition":
            case 6:
                message.op = 6;
                break;
            case "List":
            case 3:
                message.op = 3;
                break;
            case "Remove":
            case 4:
                message.op = 4;
                break;
            case "SafeToRemove":
            case 5:
                message.op = 5;
                break;
            case "GetCreatedTickets":
            case 7:
                message.op = 7;
                break;
            case "GetOperation":
            case 10:
                message.op = 10;
                break;
            default:
            }
            if (object.disk != null)
                message.disk = $String(object.disk);
            if (object.disk_identity != null)
                message.disk_identity = $String(object.disk_identity);
            switch (object.state) {
            case "PENDING":
            case 0:
                message.state = 0;
                break;
            case "RUNNING":
            case 1:
                message.state = 1;
                break;
            case "SUCCEEDED":
            case 2:
                message.state = 2;
                break;
            case "FAILED":
            case 3:
                message.state = 3;
                break;
            default:
            }
            if (object.simulate != null)
                message.simulate = $Boolean(object.simulate);
            if (object.result != null) {
                if (!$util.isObject(object.result))
                    throw $TypeError(".ceph_disk.OperationStatus.result: object expected");
                message.result = $root.ceph_disk.OpOutcomeResult.fromObject(object.result, _depth + 1);
            }
            if (object.step != null)
                message.step = $String(object.step);
            if (object.message != null)
                message.message = $String(object.message);
            if (object.percent != null)
                message.percent = object.percent >>> 0;
            if (object.created_at != null)
                message.created_at = $String(object.created_at);
            if (object.updated_at != null)
                message.updated_at = $String(object.updated_at);
            if (object.requested_by != null)
                message.requested_by = $String(object.requested_by);
            return message;
        };

        /**
         * Creates a plain object from an OperationStatus message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {ceph_disk.OperationStatus} message OperationStatus
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OperationStatus.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.id = "";
                object.op = options.enums === $String ? "Add" : 1;
                object.disk = "";
                object.disk_identity = "";
                object.state = options.enums === $String ? "PENDING" : 0;
                object.simulate = false;
                object.result = null;
                object.step = "";
                object.message = "";
                object.percent = 0;
                object.created_at = "";
                object.updated_at = "";
                object.requested_by = "";
            }
            if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                object.id = message.id;
            if (message.op != null && $Object.hasOwnProperty.call(message, "op"))
                object.op = options.enums === $String ? $root.ceph_disk.Op[message.op] === $undefined ? message.op : $root.ceph_disk.Op[message.op] : message.op;
            if (message.disk != null && $Object.hasOwnProperty.call(message, "disk"))
                object.disk = message.disk;
            if (message.disk_identity != null && $Object.hasOwnProperty.call(message, "disk_identity"))
                object.disk_identity = message.disk_identity;
            if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                object.state = options.enums === $String ? $root.ceph_disk.OperationState[message.state] === $undefined ? message.state : $root.ceph_disk.OperationState[message.state] : message.state;
            if (message.simulate != null && $Object.hasOwnProperty.call(message, "simulate"))
                object.simulate = message.simulate;
            if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                object.result = $root.ceph_disk.OpOutcomeResult.toObject(message.result, options, _depth + 1);
            if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                object.step = message.step;
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                object.message = message.message;
            if (message.percent != null && $Object.hasOwnProperty.call(message, "percent"))
                object.percent = message.percent;
            if (message.created_at != null && $Object.hasOwnProperty.call(message, "created_at"))
                object.created_at = message.created_at;
            if (message.updated_at != null && $Object.hasOwnProperty.call(message, "updated_at"))
                object.updated_at = message.updated_at;
            if (message.requested_by != null && $Object.hasOwnProperty.call(message, "requested_by"))
                object.requested_by = message.requested_by;
            return object;
        };

        /**
         * Converts this OperationStatus to JSON.
         * @function toJSON
         * @memberof ceph_disk.OperationStatus
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OperationStatus.prototype.toJSON = function() {
            return OperationStatus.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OperationStatus
         * @function getTypeUrl
         * @memberof ceph_disk.OperationStatus
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OperationStatus.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.OperationStatus";
        };

        return OperationStatus;
    })();

    ceph_disk.OperationList = (function() {

        /**
         * Properties of an OperationList.
         * @typedef {Object} ceph_disk.OperationList.$Properties
         * @property {Array.<ceph_disk.OperationStatus.$Properties>|null} [operation] OperationList operation
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OperationList.
         * @memberof ceph_disk
         * @interface IOperationList
         * @augments ceph_disk.OperationList.$Properties
         * @deprecated Use ceph_disk.OperationList.$Properties instead.
         */

        /**
         * Shape of an OperationList.
         * @typedef {ceph_disk.OperationList.$Properties} ceph_disk.OperationList.$Shape
         */

        /**
         * Constructs a new OperationList.
         * @memberof ceph_disk
         * @classdesc Represents an OperationList.
         * @constructor
         * @param {ceph_disk.OperationList.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OperationList = function (properties) {
            this.operation = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OperationList operation.
         * @member {Array.<ceph_disk.OperationStatus.$Properties>} operation
         * @memberof ceph_disk.OperationList
         * @instance
         */
        OperationList.prototype.operation = $util.emptyArray;

        /**
         * Creates a new OperationList instance using the specified properties.
         * @function create
         * @memberof ceph_disk.OperationList
         * @static
         * @param {ceph_disk.OperationList.$Properties=} [properties] Properties to set
         * @returns {ceph_disk.OperationList} OperationList instance
         * @type {{
         *   (properties: ceph_disk.OperationList.$Shape): ceph_disk.OperationList & ceph_disk.OperationList.$Shape;
         *   (properties?: ceph_disk.OperationList.$Properties): ceph_disk.OperationList;
         * }}
         */
        OperationList.create = function(properties) {
            return new OperationList(properties);
        };

        /**
         * Encodes the specified OperationList message. Does not implicitly {@link ceph_disk.OperationList.verify|verify} messages.
         * @function encode
         * @memberof ceph_disk.OperationList
         * @static
         * @param {ceph_disk.OperationList.$Properties} message OperationList message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OperationList.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.operation != null && message.operation.length)
                for (let i = 0; i < message.operation.length; ++i)
                    $root.ceph_disk.OperationStatus.encode(message.operation[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Encodes the specified OperationList message, length delimited. Does not implicitly {@link ceph_disk.OperationList.verify|verify} messages.
         * @function encodeDelimited
         * @memberof ceph_disk.OperationList
         * @static
         * @param {ceph_disk.OperationList.$Properties} message OperationList message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OperationList.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an OperationList message from the specified reader or buffer.
         * @function decode
         * @memberof ceph_disk.OperationList
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ceph_disk.OperationList & ceph_disk.OperationList.$Shape} OperationList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OperationList.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ceph_disk.OperationList();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.operation && message.operation.length))
                            message.operation = [];
                        message.operation.push($root.ceph_disk.OperationStatus.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Decodes an OperationList message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof ceph_disk.OperationList
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {ceph_disk.OperationList & ceph_disk.OperationList.$Shape} OperationList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OperationList.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an OperationList message.
         * @function verify
         * @memberof ceph_disk.OperationList
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        OperationList.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.operation != null && $Object.hasOwnProperty.call(message, "operation")) {
                if (!$Array.isArray(message.operation))
                    return "operation: array expected";
                for (let i = 0; i < message.operation.length; ++i) {
                    let error = $root.ceph_disk.OperationStatus.verify(message.operation[i], _depth + 1);
                    if (error)
                        return "operation." + error;
                }
            }
            return null;
        };

        /**
         * Creates an OperationList message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof ceph_disk.OperationList
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {ceph_disk.OperationList} OperationList
         */
        OperationList.fromObject = function (object, _depth) {
            if (object instanceof $root.ceph_disk.OperationList)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".ceph_disk.OperationList: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.ceph_disk.OperationList();
            if (object.operation) {
                if (!$Array.isArray(object.operation))
                    throw $TypeError(".ceph_disk.OperationList.operation: array expected");
                message.operation = $Array(object.operation.length);
                for (let i = 0; i < object.operation.length; ++i) {
                    if (!$util.isObject(object.operation[i]))
                        throw $TypeError(".ceph_disk.OperationList.operation: object expected");
                    message.operation[i] = $root.ceph_disk.OperationStatus.fromObject(object.operation[i], _depth + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from an OperationList message. Also converts values to other types if specified.
         * @function toObject
         * @memberof ceph_disk.OperationList
         * @static
         * @param {ceph_disk.OperationList} message OperationList
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        OperationList.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.operation = [];
            if (message.operation && message.operation.length) {
                object.operation = $Array(message.operation.length);
                for (let j = 0; j < message.operation.length; ++j)
                    object.operation[j] = $root.ceph_disk.OperationStatus.toObject(message.operation[j], options, _depth + 1);
            }
            return object;
        };

        /**
         * Converts this OperationList to JSON.
         * @function toJSON
         * @memberof ceph_disk.OperationList
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        OperationList.prototype.toJSON = function() {
            return OperationList.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for OperationList
         * @function getTypeUrl
         * @memberof ceph_disk.OperationList
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OperationList.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/ceph_disk.OperationList";
        };

        return OperationList;
    })();

    return ceph_disk;
})();

export {
  $root as default
};
