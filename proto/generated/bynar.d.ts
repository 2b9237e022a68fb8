import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace ceph_disk. */
export namespace ceph_disk {

    /**
     * Properties of an Osd.
     * @deprecated Use ceph_disk.Osd.$Properties instead.
     */
    interface IOsd extends ceph_disk.Osd.$Properties {
    }

    /** Represents an Osd. */
    class Osd {

        /**
         * Constructs a new Osd.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.Osd.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Osd fsid. */
        fsid: string;

        /** Osd id. */
        id: (number|Long);

        /** Osd block_device. */
        block_device: string;

        /** Osd journal. */
        journal: string;

        /** Osd active. */
        active: boolean;

        /** Osd used_space. */
        used_space: (number|Long);

        /** Osd total_space. */
        total_space: (number|Long);

        /**
         * Creates a new Osd instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Osd instance
         */
        static create(properties: ceph_disk.Osd.$Shape): ceph_disk.Osd & ceph_disk.Osd.$Shape;
        static create(properties?: ceph_disk.Osd.$Properties): ceph_disk.Osd;

        /**
         * Encodes the specified Osd message. Does not implicitly {@link ceph_disk.Osd.verify|verify} messages.
         * @param message Osd message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.Osd.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Osd message, length delimited. Does not implicitly {@link ceph_disk.Osd.verify|verify} messages.
         * @param message Osd message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.Osd.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Osd message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.Osd & ceph_disk.Osd.$Shape} Osd
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.Osd & ceph_disk.Osd.$Shape;

        /**
         * Decodes an Osd message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.Osd & ceph_disk.Osd.$Shape} Osd
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.Osd & ceph_disk.Osd.$Shape;

        /**
         * Verifies an Osd message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an Osd message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Osd
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.Osd;

        /**
         * Creates a plain object from an Osd message. Also converts values to other types if specified.
         * @param message Osd
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.Osd, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Osd to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Osd
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Osd {

        /** Properties of an Osd. */
        interface $Properties {

            /** Osd fsid */
            fsid?: (string|null);

            /** Osd id */
            id: (number|Long);

            /** Osd block_device */
            block_device?: (string|null);

            /** Osd journal */
            journal?: (string|null);

            /** Osd active */
            active: boolean;

            /** Osd used_space */
            used_space: (number|Long);

            /** Osd total_space */
            total_space: (number|Long);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Osd. */
        type $Shape = ceph_disk.Osd.$Properties;
    }

    /**
     * Properties of a Partition.
     * @deprecated Use ceph_disk.Partition.$Properties instead.
     */
    interface IPartition extends ceph_disk.Partition.$Properties {
    }

    /** Represents a Partition. */
    class Partition {

        /**
         * Constructs a new Partition.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.Partition.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Partition uuid. */
        uuid: string;

        /** Partition first_lba. */
        first_lba: (number|Long);

        /** Partition last_lba. */
        last_lba: (number|Long);

        /** Partition flags. */
        flags: (number|Long);

        /** Partition name. */
        name: string;

        /**
         * Creates a new Partition instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Partition instance
         */
        static create(properties: ceph_disk.Partition.$Shape): ceph_disk.Partition & ceph_disk.Partition.$Shape;
        static create(properties?: ceph_disk.Partition.$Properties): ceph_disk.Partition;

        /**
         * Encodes the specified Partition message. Does not implicitly {@link ceph_disk.Partition.verify|verify} messages.
         * @param message Partition message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.Partition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Partition message, length delimited. Does not implicitly {@link ceph_disk.Partition.verify|verify} messages.
         * @param message Partition message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.Partition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Partition message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.Partition & ceph_disk.Partition.$Shape} Partition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.Partition & ceph_disk.Partition.$Shape;

        /**
         * Decodes a Partition message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.Partition & ceph_disk.Partition.$Shape} Partition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.Partition & ceph_disk.Partition.$Shape;

        /**
         * Verifies a Partition message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Partition message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Partition
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.Partition;

        /**
         * Creates a plain object from a Partition message. Also converts values to other types if specified.
         * @param message Partition
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.Partition, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Partition to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Partition
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Partition {

        /** Properties of a Partition. */
        interface $Properties {

            /** Partition uuid */
            uuid: string;

            /** Partition first_lba */
            first_lba: (number|Long);

            /** Partition last_lba */
            last_lba: (number|Long);

            /** Partition flags */
            flags: (number|Long);

            /** Partition name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Partition. */
        type $Shape = ceph_disk.Partition.$Properties;
    }

    /**
     * Properties of a PartitionInfo.
     * @deprecated Use ceph_disk.PartitionInfo.$Properties instead.
     */
    interface IPartitionInfo extends ceph_disk.PartitionInfo.$Properties {
    }

    /** Represents a PartitionInfo. */
    class PartitionInfo {

        /**
         * Constructs a new PartitionInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.PartitionInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PartitionInfo partition. */
        partition: ceph_disk.Partition.$Properties[];

        /**
         * Creates a new PartitionInfo instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PartitionInfo instance
         */
        static create(properties: ceph_disk.PartitionInfo.$Shape): ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape;
        static create(properties?: ceph_disk.PartitionInfo.$Properties): ceph_disk.PartitionInfo;

        /**
         * Encodes the specified PartitionInfo message. Does not implicitly {@link ceph_disk.PartitionInfo.verify|verify} messages.
         * @param message PartitionInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.PartitionInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified PartitionInfo message, length delimited. Does not implicitly {@link ceph_disk.PartitionInfo.verify|verify} messages.
         * @param message PartitionInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.PartitionInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PartitionInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape} PartitionInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape;

        /**
         * Decodes a PartitionInfo message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape} PartitionInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.PartitionInfo & ceph_disk.PartitionInfo.$Shape;

        /**
         * Verifies a PartitionInfo message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a PartitionInfo message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns PartitionInfo
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.PartitionInfo;

        /**
         * Creates a plain object from a PartitionInfo message. Also converts values to other types if specified.
         * @param message PartitionInfo
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.PartitionInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PartitionInfo to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PartitionInfo
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PartitionInfo {

        /** Properties of a PartitionInfo. */
        interface $Properties {

            /** PartitionInfo partition */
            partition?: (ceph_disk.Partition.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PartitionInfo. */
        type $Shape = ceph_disk.PartitionInfo.$Properties;
    }

    /**
     * Properties of a Disk.
     * @deprecated Use ceph_disk.Disk.$Properties instead.
     */
    interface IDisk extends ceph_disk.Disk.$Properties {
    }

    /** Represents a Disk. */
    class Disk {

        /**
         * Constructs a new Disk.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.Disk.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Disk type. */
        type: ceph_disk.DiskType;

        /** Disk dev_path. */
        dev_path: string;

        /** Disk partitions. */
        partitions: ceph_disk.PartitionInfo.$Properties;

        /** Disk serial_number. */
        serial_number: string;

        /** Disk identity. */
        identity?: (ceph_disk.DiskIdentity.$Properties|null);

        /** Disk state. */
        state: string;

        /** Disk role. */
        role?: (ceph_disk.ClusterRole.$Properties|null);

        /** Disk size_bytes. */
        size_bytes: (number|Long);

        /**
         * Creates a new Disk instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Disk instance
         */
        static create(properties: ceph_disk.Disk.$Shape): ceph_disk.Disk & ceph_disk.Disk.$Shape;
        static create(properties?: ceph_disk.Disk.$Properties): ceph_disk.Disk;

        /**
         * Encodes the specified Disk message. Does not implicitly {@link ceph_disk.Disk.verify|verify} messages.
         * @param message Disk message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.Disk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Disk message, length delimited. Does not implicitly {@link ceph_disk.Disk.verify|verify} messages.
         * @param message Disk message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.Disk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Disk message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.Disk & ceph_disk.Disk.$Shape} Disk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.Disk & ceph_disk.Disk.$Shape;

        /**
         * Decodes a Disk message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.Disk & ceph_disk.Disk.$Shape} Disk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.Disk & ceph_disk.Disk.$Shape;

        /**
         * Verifies a Disk message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Disk message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Disk
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.Disk;

        /**
         * Creates a plain object from a Disk message. Also converts values to other types if specified.
         * @param message Disk
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.Disk, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Disk to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Disk
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Disk {

        /** Properties of a Disk. */
        interface $Properties {

            /** Disk type */
            type: ceph_disk.DiskType;

            /** Disk dev_path */
            dev_path: string;

            /** Disk partitions */
            partitions: ceph_disk.PartitionInfo.$Properties;

            /** Disk serial_number */
            serial_number?: (string|null);

            /** Disk identity */
            identity?: (ceph_disk.DiskIdentity.$Properties|null);

            /** Disk state */
            state?: (string|null);

            /** Disk role */
            role?: (ceph_disk.ClusterRole.$Properties|null);

            /** Disk size_bytes */
            size_bytes?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Disk. */
        type $Shape = ceph_disk.Disk.$Properties;
    }

    /** DiskType enum. */
    enum DiskType {

        /** LOOPBACK value */
        LOOPBACK = 0,

        /** LVM value */
        LVM = 1,

        /** MDRAID value */
        MDRAID = 2,

        /** NVME value */
        NVME = 3,

        /** RAM value */
        RAM = 4,

        /** ROTATIONAL value */
        ROTATIONAL = 5,

        /** SOLID_STATE value */
        SOLID_STATE = 6,

        /** VIRTUAL value */
        VIRTUAL = 7,

        /** UNKNOWN value */
        UNKNOWN = 8
    }

    /**
     * Properties of a Disks.
     * @deprecated Use ceph_disk.Disks.$Properties instead.
     */
    interface IDisks extends ceph_disk.Disks.$Properties {
    }

    /** Represents a Disks. */
    class Disks {

        /**
         * Constructs a new Disks.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.Disks.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Disks disk. */
        disk: ceph_disk.Disk.$Properties[];

        /**
         * Creates a new Disks instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Disks instance
         */
        static create(properties: ceph_disk.Disks.$Shape): ceph_disk.Disks & ceph_disk.Disks.$Shape;
        static create(properties?: ceph_disk.Disks.$Properties): ceph_disk.Disks;

        /**
         * Encodes the specified Disks message. Does not implicitly {@link ceph_disk.Disks.verify|verify} messages.
         * @param message Disks message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.Disks.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Disks message, length delimited. Does not implicitly {@link ceph_disk.Disks.verify|verify} messages.
         * @param message Disks message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.Disks.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Disks message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.Disks & ceph_disk.Disks.$Shape} Disks
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.Disks & ceph_disk.Disks.$Shape;

        /**
         * Decodes a Disks message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.Disks & ceph_disk.Disks.$Shape} Disks
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.Disks & ceph_disk.Disks.$Shape;

        /**
         * Verifies a Disks message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a Disks message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Disks
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.Disks;

        /**
         * Creates a plain object from a Disks message. Also converts values to other types if specified.
         * @param message Disks
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.Disks, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Disks to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Disks
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Disks {

        /** Properties of a Disks. */
        interface $Properties {

            /** Disks disk */
            disk?: (ceph_disk.Disk.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Disks. */
        type $Shape = ceph_disk.Disks.$Properties;
    }

    /**
     * Properties of an OpResult.
     * @deprecated Use ceph_disk.OpResult.$Properties instead.
     */
    interface IOpResult extends ceph_disk.OpResult.$Properties {
    }

    /** Represents an OpResult. */
    class OpResult {

        /**
         * Constructs a new OpResult.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.OpResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OpResult result. */
        result: ceph_disk.ResultType;

        /** OpResult error_msg. */
        error_msg: string;

        /**
         * Creates a new OpResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OpResult instance
         */
        static create(properties: ceph_disk.OpResult.$Shape): ceph_disk.OpResult & ceph_disk.OpResult.$Shape;
        static create(properties?: ceph_disk.OpResult.$Properties): ceph_disk.OpResult;

        /**
         * Encodes the specified OpResult message. Does not implicitly {@link ceph_disk.OpResult.verify|verify} messages.
         * @param message OpResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.OpResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OpResult message, length delimited. Does not implicitly {@link ceph_disk.OpResult.verify|verify} messages.
         * @param message OpResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.OpResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OpResult message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.OpResult & ceph_disk.OpResult.$Shape} OpResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.OpResult & ceph_disk.OpResult.$Shape;

        /**
         * Decodes an OpResult message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.OpResult & ceph_disk.OpResult.$Shape} OpResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.OpResult & ceph_disk.OpResult.$Shape;

        /**
         * Verifies an OpResult message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OpResult message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OpResult
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.OpResult;

        /**
         * Creates a plain object from an OpResult message. Also converts values to other types if specified.
         * @param message OpResult
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.OpResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OpResult to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OpResult
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OpResult {

        /** Properties of an OpResult. */
        interface $Properties {

            /** OpResult result */
            result: ceph_disk.ResultType;

            /** OpResult error_msg */
            error_msg?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OpResult. */
        type $Shape = ceph_disk.OpResult.$Properties;
    }

    /** ResultType enum. */
    enum ResultType {

        /** OK value */
        OK = 0,

        /** ERR value */
        ERR = 1
    }

    /**
     * Properties of an OpBoolResult.
     * @deprecated Use ceph_disk.OpBoolResult.$Properties instead.
     */
    interface IOpBoolResult extends ceph_disk.OpBoolResult.$Properties {
    }

    /** Represents an OpBoolResult. */
    class OpBoolResult {

        /**
         * Constructs a new OpBoolResult.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.OpBoolResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OpBoolResult result. */
        result: ceph_disk.ResultType;

        /** OpBoolResult value. */
        value: boolean;

        /** OpBoolResult error_msg. */
        error_msg: string;

        /**
         * Creates a new OpBoolResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OpBoolResult instance
         */
        static create(properties: ceph_disk.OpBoolResult.$Shape): ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape;
        static create(properties?: ceph_disk.OpBoolResult.$Properties): ceph_disk.OpBoolResult;

        /**
         * Encodes the specified OpBoolResult message. Does not implicitly {@link ceph_disk.OpBoolResult.verify|verify} messages.
         * @param message OpBoolResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.OpBoolResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OpBoolResult message, length delimited. Does not implicitly {@link ceph_disk.OpBoolResult.verify|verify} messages.
         * @param message OpBoolResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.OpBoolResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OpBoolResult message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape} OpBoolResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape;

        /**
         * Decodes an OpBoolResult message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape} OpBoolResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.OpBoolResult & ceph_disk.OpBoolResult.$Shape;

        /**
         * Verifies an OpBoolResult message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OpBoolResult message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OpBoolResult
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.OpBoolResult;

        /**
         * Creates a plain object from an OpBoolResult message. Also converts values to other types if specified.
         * @param message OpBoolResult
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.OpBoolResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OpBoolResult to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OpBoolResult
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OpBoolResult {

        /** Properties of an OpBoolResult. */
        interface $Properties {

            /** OpBoolResult result */
            result: ceph_disk.ResultType;

            /** OpBoolResult value */
            value?: (boolean|null);

            /** OpBoolResult error_msg */
            error_msg?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OpBoolResult. */
        type $Shape = ceph_disk.OpBoolResult.$Properties;
    }

    /**
     * Properties of an OpStringResult.
     * @deprecated Use ceph_disk.OpStringResult.$Properties instead.
     */
    interface IOpStringResult extends ceph_disk.OpStringResult.$Properties {
    }

    /** Represents an OpStringResult. */
    class OpStringResult {

        /**
         * Constructs a new OpStringResult.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.OpStringResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OpStringResult result. */
        result: ceph_disk.ResultType;

        /** OpStringResult value. */
        value: string;

        /** OpStringResult error_msg. */
        error_msg: string;

        /**
         * Creates a new OpStringResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OpStringResult instance
         */
        static create(properties: ceph_disk.OpStringResult.$Shape): ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape;
        static create(properties?: ceph_disk.OpStringResult.$Properties): ceph_disk.OpStringResult;

        /**
         * Encodes the specified OpStringResult message. Does not implicitly {@link ceph_disk.OpStringResult.verify|verify} messages.
         * @param message OpStringResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.OpStringResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OpStringResult message, length delimited. Does not implicitly {@link ceph_disk.OpStringResult.verify|verify} messages.
         * @param message OpStringResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.OpStringResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OpStringResult message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape} OpStringResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape;

        /**
         * Decodes an OpStringResult message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape} OpStringResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.OpStringResult & ceph_disk.OpStringResult.$Shape;

        /**
         * Verifies an OpStringResult message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OpStringResult message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OpStringResult
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.OpStringResult;

        /**
         * Creates a plain object from an OpStringResult message. Also converts values to other types if specified.
         * @param message OpStringResult
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.OpStringResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OpStringResult to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OpStringResult
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OpStringResult {

        /** Properties of an OpStringResult. */
        interface $Properties {

            /** OpStringResult result */
            result: ceph_disk.ResultType;

            /** OpStringResult value */
            value?: (string|null);

            /** OpStringResult error_msg */
            error_msg?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OpStringResult. */
        type $Shape = ceph_disk.OpStringResult.$Properties;
    }

    /**
     * Properties of an OpOutcomeResult.
     * @deprecated Use ceph_disk.OpOutcomeResult.$Properties instead.
     */
    interface IOpOutcomeResult extends ceph_disk.OpOutcomeResult.$Properties {
    }

    /** Represents an OpOutcomeResult. */
    class OpOutcomeResult {

        /**
         * Constructs a new OpOutcomeResult.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.OpOutcomeResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OpOutcomeResult result. */
        result: ceph_disk.ResultType;

        /** OpOutcomeResult outcome. */
        outcome: ceph_disk.OpOutcome;

        /** OpOutcomeResult value. */
        value: boolean;

        /** OpOutcomeResult error_msg. */
        error_msg: string;

        /** OpOutcomeResult message. */
        message: string;

        /** OpOutcomeResult osd_id. */
        osd_id: (number|Long);

        /** OpOutcomeResult operation_id. */
        operation_id: string;

        /** OpOutcomeResult plan. */
        plan: ceph_disk.PlanStep.$Properties[];

        /** OpOutcomeResult status. */
        status: number;

        /** OpOutcomeResult error_type. */
        error_type: string;

        /**
         * Creates a new OpOutcomeResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OpOutcomeResult instance
         */
        static create(properties: ceph_disk.OpOutcomeResult.$Shape): ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape;
        static create(properties?: ceph_disk.OpOutcomeResult.$Properties): ceph_disk.OpOutcomeResult;

        /**
         * Encodes the specified OpOutcomeResult message. Does not implicitly {@link ceph_disk.OpOutcomeResult.verify|verify} messages.
         * @param message OpOutcomeResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.OpOutcomeResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OpOutcomeResult message, length delimited. Does not implicitly {@link ceph_disk.OpOutcomeResult.verify|verify} messages.
         * @param message OpOutcomeResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.OpOutcomeResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OpOutcomeResult message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape} OpOutcomeResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape;

        /**
         * Decodes an OpOutcomeResult message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape} OpOutcomeResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.OpOutcomeResult & ceph_disk.OpOutcomeResult.$Shape;

        /**
         * Verifies an OpOutcomeResult message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OpOutcomeResult message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OpOutcomeResult
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.OpOutcomeResult;

        /**
         * Creates a plain object from an OpOutcomeResult message. Also converts values to other types if specified.
         * @param message OpOutcomeResult
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.OpOutcomeResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OpOutcomeResult to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OpOutcomeResult
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OpOutcomeResult {

        /** Properties of an OpOutcomeResult. */
        interface $Properties {

            /** OpOutcomeResult result */
            result: ceph_disk.ResultType;

            /** OpOutcomeResult outcome */
            outcome?: (ceph_disk.OpOutcome|null);

            /** OpOutcomeResult value */
            value?: (boolean|null);

            /** OpOutcomeResult error_msg */
            error_msg?: (string|null);

            /** OpOutcomeResult message */
            message?: (string|null);

            /** OpOutcomeResult osd_id */
            osd_id?: (number|Long|null);

            /** OpOutcomeResult operation_id */
            operation_id?: (string|null);

            /** OpOutcomeResult plan */
            plan?: (ceph_disk.PlanStep.$Properties[]|null);

            /** OpOutcomeResult status */
            status?: (number|null);

            /** OpOutcomeResult error_type */
            error_type?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OpOutcomeResult. */
        type $Shape = ceph_disk.OpOutcomeResult.$Properties;
    }

    /** OpOutcome enum. */
    enum OpOutcome {

        /** Success value */
        Success = 1,

        /** Skipped value */
        Skipped = 2,

        /** SkipRepeat value */
        SkipRepeat = 3
    }

    /**
     * Properties of a JiraInfo.
     * @deprecated Use ceph_disk.JiraInfo.$Properties instead.
     */
    interface IJiraInfo extends ceph_disk.JiraInfo.$Properties {
    }

    /** Represents a JiraInfo. */
    class JiraInfo {

        /**
         * Constructs a new JiraInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.JiraInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** JiraInfo ticket_id. */
        ticket_id: string;

        /** JiraInfo server_name. */
        server_name: string;

        /**
         * Creates a new JiraInfo instance using the specified properties.
         * @param [properties] Properties to set
         * @returns JiraInfo instance
         */
        static create(properties: ceph_disk.JiraInfo.$Shape): ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape;
        static create(properties?: ceph_disk.JiraInfo.$Properties): ceph_disk.JiraInfo;

        /**
         * Encodes the specified JiraInfo message. Does not implicitly {@link ceph_disk.JiraInfo.verify|verify} messages.
         * @param message JiraInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.JiraInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified JiraInfo message, length delimited. Does not implicitly {@link ceph_disk.JiraInfo.verify|verify} messages.
         * @param message JiraInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.JiraInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a JiraInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape} JiraInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape;

        /**
         * Decodes a JiraInfo message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape} JiraInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.JiraInfo & ceph_disk.JiraInfo.$Shape;

        /**
         * Verifies a JiraInfo message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a JiraInfo message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns JiraInfo
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.JiraInfo;

        /**
         * Creates a plain object from a JiraInfo message. Also converts values to other types if specified.
         * @param message JiraInfo
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.JiraInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this JiraInfo to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for JiraInfo
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace JiraInfo {

        /** Properties of a JiraInfo. */
        interface $Properties {

            /** JiraInfo ticket_id */
            ticket_id: string;

            /** JiraInfo server_name */
            server_name: string;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a JiraInfo. */
        type $Shape = ceph_disk.JiraInfo.$Properties;
    }

    /**
     * Properties of an OpJiraTicketsResult.
     * @deprecated Use ceph_disk.OpJiraTicketsResult.$Properties instead.
     */
    interface IOpJiraTicketsResult extends ceph_disk.OpJiraTicketsResult.$Properties {
    }

    /** Represents an OpJiraTicketsResult. */
    class OpJiraTicketsResult {

        /**
         * Constructs a new OpJiraTicketsResult.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.OpJiraTicketsResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OpJiraTicketsResult result. */
        result: ceph_disk.ResultType;

        /** OpJiraTicketsResult tickets. */
        tickets: ceph_disk.JiraInfo.$Properties[];

        /** OpJiraTicketsResult error_msg. */
        error_msg: string;

        /**
         * Creates a new OpJiraTicketsResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OpJiraTicketsResult instance
         */
        static create(properties: ceph_disk.OpJiraTicketsResult.$Shape): ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape;
        static create(properties?: ceph_disk.OpJiraTicketsResult.$Properties): ceph_disk.OpJiraTicketsResult;

        /**
         * Encodes the specified OpJiraTicketsResult message. Does not implicitly {@link ceph_disk.OpJiraTicketsResult.verify|verify} messages.
         * @param message OpJiraTicketsResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.OpJiraTicketsResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OpJiraTicketsResult message, length delimited. Does not implicitly {@link ceph_disk.OpJiraTicketsResult.verify|verify} messages.
         * @param message OpJiraTicketsResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.OpJiraTicketsResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OpJiraTicketsResult message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape} OpJiraTicketsResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape;

        /**
         * Decodes an OpJiraTicketsResult message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape} OpJiraTicketsResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.OpJiraTicketsResult & ceph_disk.OpJiraTicketsResult.$Shape;

        /**
         * Verifies an OpJiraTicketsResult message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OpJiraTicketsResult message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OpJiraTicketsResult
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.OpJiraTicketsResult;

        /**
         * Creates a plain object from an OpJiraTicketsResult message. Also converts values to other types if specified.
         * @param message OpJiraTicketsResult
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.OpJiraTicketsResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OpJiraTicketsResult to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OpJiraTicketsResult
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OpJiraTicketsResult {

        /** Properties of an OpJiraTicketsResult. */
        interface $Properties {

            /** OpJiraTicketsResult result */
            result: ceph_disk.ResultType;

            /** OpJiraTicketsResult tickets */
            tickets?: (ceph_disk.JiraInfo.$Properties[]|null);

            /** OpJiraTicketsResult error_msg */
            error_msg?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OpJiraTicketsResult. */
        type $Shape = ceph_disk.OpJiraTicketsResult.$Properties;
    }

    /** Op enum. */
    enum Op {

        /** Add value */
        Add = 1,

        /** AddPartition value */
        AddPartition = 6,

        /** List value */
        List = 3,

        /** Remove value */
        Remove = 4,

        /** SafeToRemove value */
        SafeToRemove = 5,

        /** GetCreatedTickets value */
        GetCreatedTickets = 7,

        /** GetOperation value */
        GetOperation = 10
    }

    /** DatacenterOp enum. */
    enum DatacenterOp {

        /** GetDc value */
        GetDc = 1,

        /** GetRack value */
        GetRack = 2,

        /** GetRow value */
        GetRow = 3,

        /** GetElevation value */
        GetElevation = 4
    }

    /**
     * Properties of a DatacenterOperation.
     * @deprecated Use ceph_disk.DatacenterOperation.$Properties instead.
     */
    interface IDatacenterOperation extends ceph_disk.DatacenterOperation.$Properties {
    }

    /** Represents a DatacenterOperation. */
    class DatacenterOperation {

        /**
         * Constructs a new DatacenterOperation.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.DatacenterOperation.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DatacenterOperation Op_type. */
        Op_type: ceph_disk.DatacenterOp;

        /** DatacenterOperation server_id. */
        server_id: string;

        /**
         * Creates a new DatacenterOperation instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DatacenterOperation instance
         */
        static create(properties: ceph_disk.DatacenterOperation.$Shape): ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape;
        static create(properties?: ceph_disk.DatacenterOperation.$Properties): ceph_disk.DatacenterOperation;

        /**
         * Encodes the specified DatacenterOperation message. Does not implicitly {@link ceph_disk.DatacenterOperation.verify|verify} messages.
         * @param message DatacenterOperation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.DatacenterOperation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified DatacenterOperation message, length delimited. Does not implicitly {@link ceph_disk.DatacenterOperation.verify|verify} messages.
         * @param message DatacenterOperation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.DatacenterOperation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DatacenterOperation message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape} DatacenterOperation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape;

        /**
         * Decodes a DatacenterOperation message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape} DatacenterOperation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.DatacenterOperation & ceph_disk.DatacenterOperation.$Shape;

        /**
         * Verifies a DatacenterOperation message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DatacenterOperation message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DatacenterOperation
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.DatacenterOperation;

        /**
         * Creates a plain object from a DatacenterOperation message. Also converts values to other types if specified.
         * @param message DatacenterOperation
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.DatacenterOperation, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DatacenterOperation to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DatacenterOperation
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DatacenterOperation {

        /** Properties of a DatacenterOperation. */
        interface $Properties {

            /** DatacenterOperation Op_type */
            Op_type: ceph_disk.DatacenterOp;

            /** DatacenterOperation server_id */
            server_id: string;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DatacenterOperation. */
        type $Shape = ceph_disk.DatacenterOperation.$Properties;
    }

    /**
     * Properties of an Operation.
     * @deprecated Use ceph_disk.Operation.$Properties instead.
     */
    interface IOperation extends ceph_disk.Operation.$Properties {
    }

    /** Represents an Operation. */
    class Operation {

        /**
         * Constructs a new Operation.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.Operation.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Operation Op_type. */
        Op_type: ceph_disk.Op;

        /** Operation disk. */
        disk: string;

        /** Operation simulate. */
        simulate: boolean;

        /** Operation partition_start. */
        partition_start: (number|Long);

        /** Operation partition_end. */
        partition_end: (number|Long);

        /** Operation partition_name. */
        partition_name: string;

        /** Operation osd_id. */
        osd_id: (number|Long);

        /** Operation replica_set. */
        replica_set: string[];

        /** Operation disk_identity. */
        disk_identity: string;

        /** Operation operation_id. */
        operation_id: string;

        /**
         * Creates a new Operation instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Operation instance
         */
        static create(properties: ceph_disk.Operation.$Shape): ceph_disk.Operation & ceph_disk.Operation.$Shape;
        static create(properties?: ceph_disk.Operation.$Properties): ceph_disk.Operation;

        /**
         * Encodes the specified Operation message. Does not implicitly {@link ceph_disk.Operation.verify|verify} messages.
         * @param message Operation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.Operation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Operation message, length delimited. Does not implicitly {@link ceph_disk.Operation.verify|verify} messages.
         * @param message Operation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.Operation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Operation message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.Operation & ceph_disk.Operation.$Shape} Operation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.Operation & ceph_disk.Operation.$Shape;

        /**
         * Decodes an Operation message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.Operation & ceph_disk.Operation.$Shape} Operation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.Operation & ceph_disk.Operation.$Shape;

        /**
         * Verifies an Operation message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an Operation message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Operation
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.Operation;

        /**
         * Creates a plain object from an Operation message. Also converts values to other types if specified.
         * @param message Operation
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.Operation, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Operation to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Operation
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Operation {

        /** Properties of an Operation. */
        interface $Properties {

            /** Operation Op_type */
            Op_type: ceph_disk.Op;

            /** Operation disk */
            disk?: (string|null);

            /** Operation simulate */
            simulate?: (boolean|null);

            /** Operation partition_start */
            partition_start?: (number|Long|null);

            /** Operation partition_end */
            partition_end?: (number|Long|null);

            /** Operation partition_name */
            partition_name?: (string|null);

            /** Operation osd_id */
            osd_id?: (number|Long|null);

            /** Operation replica_set */
            replica_set?: (string[]|null);

            /** Operation disk_identity */
            disk_identity?: (string|null);

            /** Operation operation_id */
            operation_id?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Operation. */
        type $Shape = ceph_disk.Operation.$Properties;
    }

    /**
     * Properties of a DiskIdentity.
     * @deprecated Use ceph_disk.DiskIdentity.$Properties instead.
     */
    interface IDiskIdentity extends ceph_disk.DiskIdentity.$Properties {
    }

    /** Represents a DiskIdentity. */
    class DiskIdentity {

        /**
         * Constructs a new DiskIdentity.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.DiskIdentity.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DiskIdentity key. */
        key: string;

        /** DiskIdentity serial. */
        serial: string;

        /** DiskIdentity wwn. */
        wwn: string;

        /** DiskIdentity model. */
        model: string;

        /**
         * Creates a new DiskIdentity instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DiskIdentity instance
         */
        static create(properties: ceph_disk.DiskIdentity.$Shape): ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape;
        static create(properties?: ceph_disk.DiskIdentity.$Properties): ceph_disk.DiskIdentity;

        /**
         * Encodes the specified DiskIdentity message. Does not implicitly {@link ceph_disk.DiskIdentity.verify|verify} messages.
         * @param message DiskIdentity message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.DiskIdentity.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified DiskIdentity message, length delimited. Does not implicitly {@link ceph_disk.DiskIdentity.verify|verify} messages.
         * @param message DiskIdentity message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.DiskIdentity.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DiskIdentity message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape} DiskIdentity
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape;

        /**
         * Decodes a DiskIdentity message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape} DiskIdentity
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.DiskIdentity & ceph_disk.DiskIdentity.$Shape;

        /**
         * Verifies a DiskIdentity message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a DiskIdentity message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DiskIdentity
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.DiskIdentity;

        /**
         * Creates a plain object from a DiskIdentity message. Also converts values to other types if specified.
         * @param message DiskIdentity
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.DiskIdentity, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DiskIdentity to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DiskIdentity
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DiskIdentity {

        /** Properties of a DiskIdentity. */
        interface $Properties {

            /** DiskIdentity key */
            key: string;

            /** DiskIdentity serial */
            serial?: (string|null);

            /** DiskIdentity wwn */
            wwn?: (string|null);

            /** DiskIdentity model */
            model?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DiskIdentity. */
        type $Shape = ceph_disk.DiskIdentity.$Properties;
    }

    /**
     * Properties of a ClusterRole.
     * @deprecated Use ceph_disk.ClusterRole.$Properties instead.
     */
    interface IClusterRole extends ceph_disk.ClusterRole.$Properties {
    }

    /** Represents a ClusterRole. */
    class ClusterRole {

        /**
         * Constructs a new ClusterRole.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.ClusterRole.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ClusterRole kind. */
        kind: string;

        /** ClusterRole osd_id. */
        osd_id: (number|Long);

        /** ClusterRole up. */
        up: boolean;

        /** ClusterRole is_in. */
        is_in: boolean;

        /** ClusterRole destroyed. */
        destroyed: boolean;

        /**
         * Creates a new ClusterRole instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ClusterRole instance
         */
        static create(properties: ceph_disk.ClusterRole.$Shape): ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape;
        static create(properties?: ceph_disk.ClusterRole.$Properties): ceph_disk.ClusterRole;

        /**
         * Encodes the specified ClusterRole message. Does not implicitly {@link ceph_disk.ClusterRole.verify|verify} messages.
         * @param message ClusterRole message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.ClusterRole.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ClusterRole message, length delimited. Does not implicitly {@link ceph_disk.ClusterRole.verify|verify} messages.
         * @param message ClusterRole message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.ClusterRole.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ClusterRole message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape} ClusterRole
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape;

        /**
         * Decodes a ClusterRole message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape} ClusterRole
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.ClusterRole & ceph_disk.ClusterRole.$Shape;

        /**
         * Verifies a ClusterRole message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a ClusterRole message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ClusterRole
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.ClusterRole;

        /**
         * Creates a plain object from a ClusterRole message. Also converts values to other types if specified.
         * @param message ClusterRole
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.ClusterRole, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ClusterRole to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ClusterRole
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ClusterRole {

        /** Properties of a ClusterRole. */
        interface $Properties {

            /** ClusterRole kind */
            kind: string;

            /** ClusterRole osd_id */
            osd_id?: (number|Long|null);

            /** ClusterRole up */
            up?: (boolean|null);

            /** ClusterRole is_in */
            is_in?: (boolean|null);

            /** ClusterRole destroyed */
            destroyed?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ClusterRole. */
        type $Shape = ceph_disk.ClusterRole.$Properties;
    }

    /**
     * Properties of a PlanStep.
     * @deprecated Use ceph_disk.PlanStep.$Properties instead.
     */
    interface IPlanStep extends ceph_disk.PlanStep.$Properties {
    }

    /** Represents a PlanStep. */
    class PlanStep {

        /**
         * Constructs a new PlanStep.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.PlanStep.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PlanStep name. */
        name: string;

        /** PlanStep description. */
        description: string;

        /** PlanStep commands. */
        commands: string[];

        /** PlanStep expected_wait_seconds. */
        expected_wait_seconds: number;

        /**
         * Creates a new PlanStep instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PlanStep instance
         */
        static create(properties: ceph_disk.PlanStep.$Shape): ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape;
        static create(properties?: ceph_disk.PlanStep.$Properties): ceph_disk.PlanStep;

        /**
         * Encodes the specified PlanStep message. Does not implicitly {@link ceph_disk.PlanStep.verify|verify} messages.
         * @param message PlanStep message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.PlanStep.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified PlanStep message, length delimited. Does not implicitly {@link ceph_disk.PlanStep.verify|verify} messages.
         * @param message PlanStep message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.PlanStep.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PlanStep message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape} PlanStep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape;

        /**
         * Decodes a PlanStep message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape} PlanStep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.PlanStep & ceph_disk.PlanStep.$Shape;

        /**
         * Verifies a PlanStep message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates a PlanStep message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns PlanStep
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.PlanStep;

        /**
         * Creates a plain object from a PlanStep message. Also converts values to other types if specified.
         * @param message PlanStep
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.PlanStep, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this PlanStep to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for PlanStep
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PlanStep {

        /** Properties of a PlanStep. */
        interface $Properties {

            /** PlanStep name */
            name: string;

            /** PlanStep description */
            description?: (string|null);

            /** PlanStep commands */
            commands?: (string[]|null);

            /** PlanStep expected_wait_seconds */
            expected_wait_seconds?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PlanStep. */
        type $Shape = ceph_disk.PlanStep.$Properties;
    }

    /** OperationState enum. */
    enum OperationState {

        /** PENDING value */
        PENDING = 0,

        /** RUNNING value */
        RUNNING = 1,

        /** SUCCEEDED value */
        SUCCEEDED = 2,

        /** FAILED value */
        FAILED = 3
    }

    /**
     * Properties of an OperationStatus.
     * @deprecated Use ceph_disk.OperationStatus.$Properties instead.
     */
    interface IOperationStatus extends ceph_disk.OperationStatus.$Properties {
    }

    /** Represents an OperationStatus. */
    class OperationStatus {

        /**
         * Constructs a new OperationStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.OperationStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OperationStatus id. */
        id: string;

        /** OperationStatus op. */
        op: ceph_disk.Op;

        /** OperationStatus disk. */
        disk: string;

        /** OperationStatus disk_identity. */
        disk_identity: string;

        /** OperationStatus state. */
        state: ceph_disk.OperationState;

        /** OperationStatus simulate. */
        simulate: boolean;

        /** OperationStatus result. */
        result?: (ceph_disk.OpOutcomeResult.$Properties|null);

        /** OperationStatus step. */
        step: string;

        /** OperationStatus message. */
        message: string;

        /** OperationStatus percent. */
        percent: number;

        /** OperationStatus created_at. */
        created_at: string;

        /** OperationStatus updated_at. */
        updated_at: string;

        /** OperationStatus requested_by. */
        requested_by: string;

        /**
         * Creates a new OperationStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OperationStatus instance
         */
        static create(properties: ceph_disk.OperationStatus.$Shape): ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape;
        static create(properties?: ceph_disk.OperationStatus.$Properties): ceph_disk.OperationStatus;

        /**
         * Encodes the specified OperationStatus message. Does not implicitly {@link ceph_disk.OperationStatus.verify|verify} messages.
         * @param message OperationStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.OperationStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OperationStatus message, length delimited. Does not implicitly {@link ceph_disk.OperationStatus.verify|verify} messages.
         * @param message OperationStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.OperationStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OperationStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape} OperationStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape;

        /**
         * Decodes an OperationStatus message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape} OperationStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.OperationStatus & ceph_disk.OperationStatus.$Shape;

        /**
         * Verifies an OperationStatus message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OperationStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OperationStatus
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.OperationStatus;

        /**
         * Creates a plain object from an OperationStatus message. Also converts values to other types if specified.
         * @param message OperationStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.OperationStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OperationStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OperationStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OperationStatus {

        /** Properties of an OperationStatus. */
        interface $Properties {

            /** OperationStatus id */
            id: string;

            /** OperationStatus op */
            op: ceph_disk.Op;

            /** OperationStatus disk */
            disk: string;

            /** OperationStatus disk_identity */
            disk_identity?: (string|null);

            /** OperationStatus state */
            state: ceph_disk.OperationState;

            /** OperationStatus simulate */
            simulate?: (boolean|null);

            /** OperationStatus result */
            result?: (ceph_disk.OpOutcomeResult.$Properties|null);

            /** OperationStatus step */
            step?: (string|null);

            /** OperationStatus message */
            message?: (string|null);

            /** OperationStatus percent */
            percent?: (number|null);

            /** OperationStatus created_at */
            created_at?: (string|null);

            /** OperationStatus updated_at */
            updated_at?: (string|null);

            /** OperationStatus requested_by */
            requested_by?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OperationStatus. */
        type $Shape = ceph_disk.OperationStatus.$Properties;
    }

    /**
     * Properties of an OperationList.
     * @deprecated Use ceph_disk.OperationList.$Properties instead.
     */
    interface IOperationList extends ceph_disk.OperationList.$Properties {
    }

    /** Represents an OperationList. */
    class OperationList {

        /**
         * Constructs a new OperationList.
         * @param [properties] Properties to set
         */
        constructor(properties?: ceph_disk.OperationList.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OperationList operation. */
        operation: ceph_disk.OperationStatus.$Properties[];

        /**
         * Creates a new OperationList instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OperationList instance
         */
        static create(properties: ceph_disk.OperationList.$Shape): ceph_disk.OperationList & ceph_disk.OperationList.$Shape;
        static create(properties?: ceph_disk.OperationList.$Properties): ceph_disk.OperationList;

        /**
         * Encodes the specified OperationList message. Does not implicitly {@link ceph_disk.OperationList.verify|verify} messages.
         * @param message OperationList message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ceph_disk.OperationList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified OperationList message, length delimited. Does not implicitly {@link ceph_disk.OperationList.verify|verify} messages.
         * @param message OperationList message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: ceph_disk.OperationList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OperationList message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ceph_disk.OperationList & ceph_disk.OperationList.$Shape} OperationList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ceph_disk.OperationList & ceph_disk.OperationList.$Shape;

        /**
         * Decodes an OperationList message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {ceph_disk.OperationList & ceph_disk.OperationList.$Shape} OperationList
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ceph_disk.OperationList & ceph_disk.OperationList.$Shape;

        /**
         * Verifies an OperationList message.
         * @param message Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(message: { [k: string]: any }): (string|null);

        /**
         * Creates an OperationList message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OperationList
         */
        static fromObject(object: { [k: string]: any }): ceph_disk.OperationList;

        /**
         * Creates a plain object from an OperationList message. Also converts values to other types if specified.
         * @param message OperationList
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: ceph_disk.OperationList, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OperationList to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OperationList
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OperationList {

        /** Properties of an OperationList. */
        interface $Properties {

            /** OperationList operation */
            operation?: (ceph_disk.OperationStatus.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OperationList. */
        type $Shape = ceph_disk.OperationList.$Properties;
    }
}
