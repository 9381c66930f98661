package io.countersign.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A zlib (RFC 1950) compressor for small inputs whose output is byte-for-byte what
 * {@link java.util.zip.Deflater} produces at its default level (zlib level 6, window 32K,
 * memLevel 8, default strategy) for the same input given in one piece with {@code finish()}.
 *
 * <p>It reproduces the observable decisions of zlib's lazy-matching compressor: the 15-bit
 * three-byte hash and its chains, the chain/lazy/nice limits of level 6, the rule that a
 * length-3 match further than 4096 bytes is not worth it, the single final block that a
 * small input always fits in, the choice between stored, fixed and dynamic Huffman blocks,
 * and the exact Huffman code lengths (tie-breaking, length limiting, code-length run
 * encoding). Unlike the JDK class it needs no native call and clears no tables per stream:
 * hash heads carry a per-call offset, so entries from earlier calls read as empty, and all
 * working storage is allocated once in the constructor.
 *
 * <p>Most of zlib's time on token-sized input goes into Huffman trees that are built only to
 * price a dynamic block which then loses to the fixed code. This class prices the fixed block
 * exactly and the dynamic one from below without any tree (see shapeLowerBound, and the plainer
 * dynamicLowerBound where that does not apply); when that proves fixed (or stored) is zlib's
 * choice it writes the block straight away, and otherwise builds zlib's trees exactly as before.
 * About 19 real 007 payloads in 20 need no tree.
 *
 * <p>It pays off for token-sized input: the JDK class spends a fixed cost per stream (native
 * call, clearing zlib's hash heads) that this class does not have, while its per-byte work is
 * the same algorithm in C. Measured on 007-shaped payloads the two meet at about 1 KB, hence
 * {@link #MAX_INPUT}. The same limit keeps every Huffman code within 15 bits without zlib's
 * length limiting: a leaf at depth 16 needs a total weight of at least 2584 (weights along a
 * path grow at least like Fibonacci numbers), more symbols than 1024 bytes can produce.
 *
 * <p>Instances are not thread-safe: use one instance per thread.
 */
public final class Level6Deflater {

    /** Max input this compressor handles; larger input must use java.util.zip.Deflater. */
    public static final int MAX_INPUT = 1024;

    // ---- deflate format (RFC 1951) ----
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int END_BLOCK = 256;
    private static final int L_CODES = 286;          // literal/length alphabet used by zlib
    private static final int D_CODES = 30;
    private static final int BL_CODES = 19;
    private static final int MAX_BITS = 15;
    private static final int MAX_BL_BITS = 7;
    /** Heap/node storage: enough for the largest tree (leaves plus internal nodes). */
    private static final int HEAP_SIZE = 2 * L_CODES + 1;
    private static final int REP_3_6 = 16;
    private static final int REPZ_3_10 = 17;
    private static final int REPZ_11_138 = 18;

    // ---- level 6 parameters ----
    private static final int GOOD_LENGTH = 8;   // chain is cut to a quarter once we hold a match this long
    private static final int MAX_LAZY = 16;     // no lazy search once the held match is this long
    private static final int NICE_LENGTH = 128; // stop searching at a match this long
    private static final int MAX_CHAIN = 128;
    private static final int TOO_FAR = 4096;    // a 3-byte match further than this is dropped

    // ---- hash: memLevel 8 gives 15 bits; each byte shifts in 5 bits, so 3 bytes fill it ----
    private static final int HASH_SIZE = 1 << 15;
    private static final int HASH_MASK = HASH_SIZE - 1;

    /** Order in which code-length code lengths are sent (RFC 1951 3.2.7). */
    private static final int[] BL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** Length code index (0..28, symbol minus 257) for match length minus 3. */
    private static final byte[] LENGTH_CODE = new byte[256];
    private static final int[] LENGTH_BASE = new int[29];   // minus 3
    private static final int[] EXTRA_L_BITS = new int[29];
    private static final int[] DIST_BASE = new int[D_CODES]; // minus 1
    private static final int[] EXTRA_D_BITS = new int[D_CODES];

    /** Fixed Huffman code (RFC 1951 3.2.6): lengths and bit-reversed codes. */
    private static final int[] STATIC_L_LEN = new int[288];
    private static final int[] STATIC_L_CODE = new int[288];
    private static final int[] STATIC_D_LEN = new int[D_CODES];
    private static final int[] STATIC_D_CODE = new int[D_CODES];

    /*
     * Per-node cost tables for the three trees, indexed by node number (leaves and internal
     * nodes; internal entries stay 0): extra bits, and fixed-code length plus extra bits.
     */
    private static final int[] L_NODE_EXTRA = new int[HEAP_SIZE];
    private static final int[] L_NODE_STATIC = new int[HEAP_SIZE];
    private static final int[] D_NODE_EXTRA = new int[2 * D_CODES + 1];
    private static final int[] D_NODE_STATIC = new int[2 * D_CODES + 1];
    private static final int[] BL_NODE_EXTRA = new int[2 * BL_CODES + 1];
    /** The code-length tree has no fixed alternative: it adds nothing to the fixed cost. */
    private static final int[] BL_NODE_STATIC = new int[2 * BL_CODES + 1];

    /**
     * Fewest code-length symbols a block of r consecutive used symbols can take, whatever their
     * lengths (indexed by r up to L_CODES): the best split of the block into runs of equal length.
     */
    static final int[] MIN_RUN_SYMBOLS = new int[L_CODES + 1];
    /**
     * Least index into BL_ORDER that a complete code of k symbols must send (indexed by k, 2 and
     * up): such a code has a length of at most floor(log2 k) and one of at least ceil(log2 k)
     * (else its Kraft sum would be above or below one), and every length it uses is sent.
     */
    static final int[] MIN_BL_INDEX = new int[L_CODES + 1];

    static {
        for (int code = 0; code < 29; code++) {
            if (code < 8) {
                LENGTH_BASE[code] = code;
            } else if (code < 28) {
                int e = (code >> 2) - 1;
                EXTRA_L_BITS[code] = e;
                LENGTH_BASE[code] = (4 + (code & 3)) << e;
            } else {
                LENGTH_BASE[code] = 255;      // length 258 has its own symbol (285)
            }
        }
        for (int code = 0; code < 28; code++) {
            for (int l = LENGTH_BASE[code]; l < LENGTH_BASE[code] + (1 << EXTRA_L_BITS[code]); l++) {
                LENGTH_CODE[l] = (byte) code;
            }
        }
        // 258 could also be code 284 with extra 31, but the dedicated symbol is shorter: use it.
        LENGTH_CODE[255] = 28;
        for (int code = 0; code < D_CODES; code++) {
            if (code < 4) {
                DIST_BASE[code] = code;
            } else {
                int e = (code >> 1) - 1;
                EXTRA_D_BITS[code] = e;
                DIST_BASE[code] = (2 + (code & 1)) << e;
            }
        }
        for (int n = 0; n < 288; n++) {
            STATIC_L_LEN[n] = n < 144 ? 8 : n < 256 ? 9 : n < 280 ? 7 : 8;
        }
        Arrays.fill(STATIC_D_LEN, 5);
        fixedCodes(STATIC_L_LEN, STATIC_L_CODE);
        fixedCodes(STATIC_D_LEN, STATIC_D_CODE);
        for (int n = 0; n < L_CODES; n++) {
            L_NODE_EXTRA[n] = n > END_BLOCK ? EXTRA_L_BITS[n - END_BLOCK - 1] : 0;
            L_NODE_STATIC[n] = STATIC_L_LEN[n] + L_NODE_EXTRA[n];
        }
        for (int n = 0; n < D_CODES; n++) {
            D_NODE_EXTRA[n] = EXTRA_D_BITS[n];
            D_NODE_STATIC[n] = STATIC_D_LEN[n] + EXTRA_D_BITS[n];
        }
        BL_NODE_EXTRA[REP_3_6] = 2;
        BL_NODE_EXTRA[REPZ_3_10] = 3;
        BL_NODE_EXTRA[REPZ_11_138] = 7;
        for (int r = 1; r <= L_CODES; r++) {
            int best = Integer.MAX_VALUE;
            for (int first = 1; first <= r; first++) {
                best = Math.min(best, runSymbols(first) + MIN_RUN_SYMBOLS[r - first]);
            }
            MIN_RUN_SYMBOLS[r] = best;
        }
        int[] position = new int[MAX_BITS + 1];
        for (int i = 0; i < BL_CODES; i++) {
            if (BL_ORDER[i] <= MAX_BITS) {
                position[BL_ORDER[i]] = i;
            }
        }
        for (int k = 2; k <= L_CODES; k++) {
            int floorLog = 31 - Integer.numberOfLeadingZeros(k);
            int ceilLog = 32 - Integer.numberOfLeadingZeros(k - 1);
            int shortest = Integer.MAX_VALUE; // some length in 1..floorLog is used
            for (int len = 1; len <= floorLog; len++) {
                shortest = Math.min(shortest, position[len]);
            }
            int longest = Integer.MAX_VALUE; // some length in ceilLog..15 is used
            for (int len = ceilLog; len <= MAX_BITS; len++) {
                longest = Math.min(longest, position[len]);
            }
            MIN_BL_INDEX[k] = Math.max(3, Math.max(shortest, longest));
        }
    }

    /** Code-length symbols zlib sends for a run of r equal nonzero lengths (see lengthRun). */
    private static int runSymbols(int r) {
        int first = Math.min(r, 7);
        int symbols = first < 4 ? first : 2;
        r -= first;
        symbols += r / 6;
        r %= 6;
        return symbols + (r >= 3 ? 1 : r);
    }

    /** Canonical codes for a complete list of lengths (used for the fixed tables only). */
    private static void fixedCodes(int[] len, int[] code) {
        int[] count = new int[MAX_BITS + 1];
        for (int l : len) {
            count[l]++;
        }
        int[] next = new int[MAX_BITS + 1];
        int c = 0;
        for (int bits = 1; bits <= MAX_BITS; bits++) {
            c = (c + count[bits - 1]) << 1;
            next[bits] = c;
        }
        for (int s = 0; s < len.length; s++) {
            code[s] = Integer.reverse(next[len[s]]++) >>> (32 - len[s]);
        }
    }

    /** Distance code for a distance minus 1. */
    private static int distCode(int d) {
        if (d < 4) {
            return d;
        }
        int top = 31 - Integer.numberOfLeadingZeros(d);
        return (top << 1) + ((d >>> (top - 1)) & 1);
    }

    /** Little-endian views for comparing and writing several bytes at once. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** Slack after the data so 8-byte reads and writes near the end stay inside the arrays. */
    private static final int PAD = 8;

    /** One Huffman tree's working storage. Node arrays hold leaves and then internal nodes. */
    private static final class Tree {
        final int elems;
        final int maxLength;
        final int[] nodeStatic;
        final int[] nodeExtra;
        final int[] freq;
        final int[] len;
        final int[] code;
        /** Bit set of symbols with a nonzero frequency, so passes visit only those. */
        final long[] used;
        /** Symbols with a code (used ones plus zlib's padding), ascending. */
        final int[] leaves;
        int leafCount;
        int maxCode;
        /** The symbols' price in the fixed code, once collectLeaves has scanned them; else -1. */
        long staticBits = -1;

        Tree(int elems, int maxLength, int[] nodeStatic, int[] nodeExtra) {
            this.elems = elems;
            this.maxLength = maxLength;
            this.nodeStatic = nodeStatic;
            this.nodeExtra = nodeExtra;
            freq = new int[2 * elems + 1];
            len = new int[2 * elems + 1];
            code = new int[elems];
            used = new long[(elems + 63) >>> 6];
            leaves = new int[elems];
        }

        void reset() {
            Arrays.fill(freq, 0, elems, 0);
            Arrays.fill(used, 0);
            staticBits = -1;
        }
    }

    // ---- per-call state (all preallocated) ----
    /**
     * Largest input zlib would still emit as one block: it closes a block after 16383 symbols
     * (a quarter of its 64K symbol buffer at memLevel 8, less one), and each byte makes at most
     * one symbol.
     */
    static final int MAX_CAPACITY = 16382;

    private final int capacity;
    /** The input; bytes past its end are stale and only ever read beyond a comparison's limit. */
    private final byte[] window;
    /** Hash heads: {@code gen + position}; anything below the call's {@code gen} is from an older call. */
    private final int[] head = new int[HASH_SIZE];
    /** Previous position with the same hash, 0 meaning none (position 0 is never a match source). */
    private final char[] prev;
    private int base = 1;
    /** Recorded symbols: literal byte, or (distance << 8 | length - 3) with distance >= 1. */
    private final int[] syms;
    private int symCount;
    private int matchStart;

    private final Tree lTree = new Tree(L_CODES, MAX_BITS, L_NODE_STATIC, L_NODE_EXTRA);
    private final Tree dTree = new Tree(D_CODES, MAX_BITS, D_NODE_STATIC, D_NODE_EXTRA);
    private final Tree blTree = new Tree(BL_CODES, MAX_BL_BITS, BL_NODE_STATIC, BL_NODE_EXTRA);
    private final int[] lFreq = lTree.freq;
    private final long[] lUsed = lTree.used;
    /**
     * Literals seen by the parse, a byte each (0 or 1): a plain store per literal rather than a
     * read-modify-write of lUsed's word, which chains consecutive literals of one word. Folded
     * into lUsed after the parse, and cleared there.
     */
    private final byte[] seenLiteral = new byte[END_BLOCK];
    private final int[] dFreq = dTree.freq;
    private final long[] dUsed = dTree.used;

    /** Heap entries (see siftDown), 1-based, with a sentinel after the last. */
    private final long[] heap = new long[HEAP_SIZE + 1];
    private int heapLen;
    /** Nodes in the order the tree build took them off the heap, filled from the end. */
    private final int[] removed = new int[HEAP_SIZE];
    private final int[] blCount = new int[MAX_BITS + 1];
    private final int[] nextCode = new int[MAX_BITS + 1];
    /** Bit cost of the block with the dynamic trees, and with the fixed trees, when the trees were built. */
    long optLen;
    long staticLen;

    // ---- bit output ----
    /** Huffman-coded output is built here, then copied: it is never larger than a stored block. */
    private final byte[] buf;
    private int op;
    private long bitBuf;
    private int bitCount;

    /** Whether to try proving the block type without building trees (false only to measure the gain). */
    private final boolean decideWithoutTrees;
    /*
     * The bound costs about as much as the LZ77 pass and is wasted where it cannot decide: a
     * stream of one token shape whose dynamic block is always close to the fixed one (the RTC
     * token of our benchmarks is one) would pay it on every call. After SKIP_AFTER_MISSES
     * misses in a row it is tried only every PROBE_EVERY calls, until it decides again. This
     * changes which path runs, never the output.
     */
    private static final int SKIP_AFTER_MISSES = 16;
    private static final int PROBE_EVERY = 16;
    private int boundMisses;
    private int skippedCalls;
    /** Whether the last call chose its block type without building trees (for tests and figures). */
    boolean decidedWithoutTrees;
    /** Weight histogram for {@link #huffmanCost}: number of used symbols per frequency, kept all zero between calls. */
    private final int[] weightCount;
    /** Groups of equal-weight internal nodes for {@link #huffmanCost}, in creation order. */
    private final long[] groupWeight = new long[L_CODES];
    private final int[] groupCount = new int[L_CODES];
    /** dynamicLowerBound's four code-length symbol counts, for smallHuffmanCost (which reorders them). */
    private final long[] four = new long[4];

    public Level6Deflater() {
        this(MAX_INPUT);
    }

    /**
     * An instance for inputs up to capacity bytes (at most MAX_CAPACITY). The public one stops
     * at MAX_INPUT because beyond it the JDK's native zlib is faster; tests use larger ones to
     * check agreement over the whole single-block range.
     */
    Level6Deflater(int capacity) {
        this(capacity, true);
    }

    /** As {@link #Level6Deflater(int)}; with decideWithoutTrees false, every call builds zlib's trees. */
    Level6Deflater(int capacity, boolean decideWithoutTrees) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity " + capacity + " outside 0.." + MAX_CAPACITY);
        }
        this.capacity = capacity;
        window = new byte[capacity + PAD];
        prev = new char[capacity];
        syms = new int[capacity];
        buf = new byte[capacity + 11 + PAD];
        weightCount = new int[capacity + 2];
        this.decideWithoutTrees = decideWithoutTrees;
    }

    /** A safe upper bound on the output for {@code len} input bytes: stored blocks plus header and trailer. */
    public static int maxCompressedLength(int len) {
        if (len < 0) {
            throw new IllegalArgumentException("negative length: " + len);
        }
        int blocks = Math.max(1, (len + 65534) / 65535);
        return len + 5 * blocks + 6;
    }

    /**
     * Compresses in[off..off+len) as a complete zlib stream into out at outOff; returns bytes written.
     * Throws IllegalArgumentException if len > MAX_INPUT, IndexOutOfBoundsException if out is too
     * small (checked before anything is written to out).
     */
    public int compress(byte[] in, int off, int len, byte[] out, int outOff) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (len > capacity) {
            throw new IllegalArgumentException("input of " + len + " bytes exceeds "
                    + (capacity == MAX_INPUT ? "MAX_INPUT " : "capacity ") + capacity);
        }
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.checkIndex(outOff, out.length + 1);

        final int n = len;
        lz77(in, off, n);

        // zlib prices the block three ways and keeps the smallest: stored, fixed or dynamic
        // Huffman codes. The fixed and stored prices are exact without any tree; a lower bound on
        // the dynamic one often proves it cannot win, and then no tree is built at all.
        final boolean tryBound = decideWithoutTrees
                && (boundMisses < SKIP_AFTER_MISSES || ++skippedCalls % PROBE_EVERY == 0);
        final long boundBytes = tryBound ? (decisionBound() + 3 + 7) >>> 3 : 0;
        final long staticBytes = (staticCost() + 3 + 7) >>> 3; // after the bound: its scan prices the fixed code too
        int kind = -1; // 0 stored, 1 fixed, 2 dynamic
        decidedWithoutTrees = false;
        if (tryBound) {
            if (staticBytes <= boundBytes) {
                // Fixed is no larger than dynamic, so zlib compares stored with fixed only.
                kind = n + 4 <= staticBytes ? 0 : 1;
            } else if (n + 4 <= staticBytes && n + 4 <= boundBytes) {
                kind = 0;
            }
            decidedWithoutTrees = kind >= 0;
            boundMisses = decidedWithoutTrees ? 0 : Math.min(boundMisses + 1, SKIP_AFTER_MISSES);
        }
        int maxBlIndex = 0;
        long optBytes = staticBytes;
        if (kind < 0) {
            maxBlIndex = buildTrees();
            // Sizes in bytes of the block including its 3-bit header, rounded up.
            optBytes = (optLen + 3 + 7) >>> 3;
            assert staticBytes == (staticLen + 3 + 7) >>> 3;
            if (staticBytes <= optBytes) {
                optBytes = staticBytes;
            }
            if (n + 4 <= optBytes) {
                kind = 0;
            } else if (staticBytes == optBytes) {
                kind = 1;
            } else {
                kind = 2;
            }
        }
        final long blockBytes = kind == 0 ? n + 5L : kind == 1 ? staticBytes : optBytes;
        final int total = (int) (2 + blockBytes + 4);
        if (outOff > out.length - total) {
            throw new IndexOutOfBoundsException("output needs " + total + " bytes at offset " + outOff
                    + " but array length is " + out.length);
        }

        final int adler = adler32(window, n);
        if (kind == 0) {
            // Stored: header, 3 bits (final, type 00) padded to a byte, LEN, NLEN, the data.
            int o = outOff;
            out[o++] = 0x78; // CM 8, 32K window
            out[o++] = (byte) 0x9C; // default level, no dictionary, check bits
            out[o++] = 1;
            out[o++] = (byte) n;
            out[o++] = (byte) (n >>> 8);
            out[o++] = (byte) ~n;
            out[o++] = (byte) (~n >>> 8);
            System.arraycopy(window, 0, out, o, n);
            writeAdler(out, o + n, adler);
            return total;
        }
        op = 2;
        bitBuf = 0;
        bitCount = 0;
        buf[0] = 0x78;
        buf[1] = (byte) 0x9C;
        if (kind == 1) {
            putBits(3, 3); // final, fixed Huffman
            writeSymbols(STATIC_L_CODE, STATIC_L_LEN, STATIC_D_CODE, STATIC_D_LEN);
        } else {
            assignCodes(lTree);
            assignCodes(dTree);
            assignCodes(blTree);
            putBits(5, 3); // final, dynamic Huffman
            putBits((lTree.maxCode + 1 - 257) | dTree.maxCode << 5 | (maxBlIndex + 1 - 4) << 10, 14);
            final int[] blLen = blTree.len;
            for (int r = 0; r <= maxBlIndex; r++) {
                putBits(blLen[BL_ORDER[r]], 3);
            }
            sendTree(lTree);
            sendTree(dTree);
            writeSymbols(lTree.code, lTree.len, dTree.code, dTree.len);
        }
        if (bitCount > 0) {
            op++; // the last partial byte, zero-padded, is already in buf
        }
        writeAdler(buf, op, adler);
        assert op + 4 == total : (op + 4) + " != " + total;
        System.arraycopy(buf, 0, out, outOff, total);
        return total;
    }

    /**
     * The LZ77 pass alone: copies in[off, off+n) into the window and records its literals and
     * matches with their counts. Package-private so that benchmarks can time it by itself.
     */
    void lz77(byte[] in, int off, int n) {
        System.arraycopy(in, off, window, 0, n);
        // New generation of hash heads; on wrap-around clear once and start over.
        if (base > Integer.MAX_VALUE - MAX_CAPACITY - 1) {
            Arrays.fill(head, 0);
            base = 1;
        }
        final int gen = base;
        base += n + 1;

        lTree.reset();
        dTree.reset();
        blTree.reset();
        lFreq[END_BLOCK] = 1;
        lUsed[END_BLOCK >>> 6] |= 1L << END_BLOCK;
        symCount = 0;
        parse(n, gen);
        foldSeenLiterals();
    }

    /**
     * Builds the three trees after {@link #lz77} and prices the dynamic block exactly, as zlib's
     * _tr_flush_block does (optLen, staticLen); returns the last code-length code index sent.
     * Package-private so that benchmarks can time the tree phase by itself.
     */
    int buildTrees() {
        optLen = 0;
        staticLen = 0;
        buildTree(lTree);
        buildTree(dTree);
        return buildBlTree();
    }

    private static void writeAdler(byte[] b, int at, int adler) {
        b[at] = (byte) (adler >>> 24);
        b[at + 1] = (byte) (adler >>> 16);
        b[at + 2] = (byte) (adler >>> 8);
        b[at + 3] = (byte) adler;
    }

    // ------------------------------------------------------------------------------------
    // LZ77 parse: lazy evaluation as zlib's level 4..9 compressor does it.
    // ------------------------------------------------------------------------------------

    /*
     * Hash insertion (written out in each of parse's three loops, to stay in registers): the
     * 15-bit hash of the three bytes at p is kept rolling - every position up to n-3 is inserted,
     * in order, so each step shifts the previous hash by 5 bits and mixes in byte p+2 (the oldest
     * byte falls off the top). The head entry becomes gen + p; the old one, if it belongs to this
     * call, is linked into prev[p] and is the first match candidate (0 means none: position 0 is
     * never a candidate, as in zlib).
     */

    private void parse(int n, int gen) {
        final byte[] w = window;
        final int[] heads = head;
        final char[] links = prev;
        final int lastInsert = n - MIN_MATCH; // last position that still has 3 bytes to hash
        int h = n >= 2 ? ((w[0] & 0xff) << 5) ^ (w[1] & 0xff) : 0;
        int pos = 0;
        int matchLen = MIN_MATCH - 1;
        boolean pendingLiteral = false; // a literal (or match start) at pos-1 not yet emitted
        while (pos < n) {
            int look = n - pos;
            int cand = 0;
            if (look >= MIN_MATCH) {
                h = ((h << 5) ^ (w[pos + 2] & 0xff)) & HASH_MASK;
                int v = heads[h] - gen;
                cand = v > 0 ? v : 0;
                links[pos] = (char) cand;
                heads[h] = gen + pos;
                if (cand == 0 && pendingLiteral && matchLen < MIN_MATCH) {
                    // The common case on fresh data: no match held, none to look for. Emit the
                    // pending literal and insert the next position, until one has a candidate.
                    // recordLiteral inline, with the symbol count in a local: 5-10% of LZ77.
                    final int[] symbols = syms;
                    final int[] freq = lFreq;
                    final byte[] seen = seenLiteral;
                    int count = symCount;
                    do {
                        int c = w[pos - 1] & 0xff;
                        symbols[count++] = c;
                        freq[c]++;
                        seen[c] = 1;
                        if (++pos > lastInsert) {
                            break;
                        }
                        h = ((h << 5) ^ (w[pos + 2] & 0xff)) & HASH_MASK;
                        v = heads[h] - gen;
                        cand = v > 0 ? v : 0;
                        links[pos] = (char) cand;
                        heads[h] = gen + pos;
                    } while (cand == 0);
                    symCount = count;
                    if (cand == 0) {
                        continue; // fewer than MIN_MATCH bytes left: the general path ends the input
                    }
                    look = n - pos;
                }
            }
            final int prevLen = matchLen;
            final int prevMatch = matchStart;
            matchLen = MIN_MATCH - 1;
            if (cand != 0 && prevLen < MAX_LAZY) {
                // With the held match already reaching the end there is nothing longer to find.
                matchLen = prevLen >= look ? look : longestMatch(cand, pos, look, prevLen);
                if (matchLen == MIN_MATCH && pos - matchStart > TOO_FAR) {
                    matchLen = MIN_MATCH - 1;
                }
            }
            if (prevLen >= MIN_MATCH && matchLen <= prevLen) {
                // The match that started at pos-1 is at least as good: emit it.
                recordMatch(pos - 1 - prevMatch, prevLen);
                int stop = pos - 1 + prevLen;
                int lim = Math.min(stop - 1, lastInsert);
                for (int p = pos + 1; p <= lim; p++) {
                    h = ((h << 5) ^ (w[p + 2] & 0xff)) & HASH_MASK;
                    int v = heads[h] - gen;
                    links[p] = (char) (v > 0 ? v : 0);
                    heads[h] = gen + p;
                }
                pos = stop;
                pendingLiteral = false;
                matchLen = MIN_MATCH - 1;
            } else if (pendingLiteral) {
                recordLiteral(w[pos - 1] & 0xff);
                pos++;
            } else {
                pendingLiteral = true;
                pos++;
            }
        }
        if (pendingLiteral) {
            recordLiteral(w[pos - 1] & 0xff);
        }
    }

    /**
     * Walks the hash chain from cand for the longest match at pos, longer than best (which is
     * below look). Keeps the first of equally long candidates; sets matchStart when it improves.
     */
    private int longestMatch(int cand, int pos, int look, int best) {
        final byte[] w = window;
        final char[] chainPrev = prev;
        int chain = best >= GOOD_LENGTH ? MAX_CHAIN >> 2 : MAX_CHAIN;
        final int nice = Math.min(NICE_LENGTH, look);
        final int limit = Math.min(MAX_MATCH, look);
        // A longer match must agree at [best-1, best] and at [0, 1]: two 16-bit probes.
        short scanEnd = (short) SHORTS.get(w, pos + best - 1);
        final short scanStart = (short) SHORTS.get(w, pos);
        int cur = cand;
        do {
            if ((short) SHORTS.get(w, cur + best - 1) == scanEnd && (short) SHORTS.get(w, cur) == scanStart) {
                // Compare 8 bytes at a time; the first differing byte is the lowest set byte of
                // the XOR. Reads may run past the data (into the padding); limit cuts them off.
                int len = 2;
                while (true) {
                    long x = (long) LONGS.get(w, cur + len) ^ (long) LONGS.get(w, pos + len);
                    if (x != 0) {
                        len += Long.numberOfTrailingZeros(x) >>> 3;
                        break;
                    }
                    len += 8;
                    if (len >= limit) {
                        break;
                    }
                }
                if (len > limit) {
                    len = limit;
                }
                if (len > best) {
                    matchStart = cur;
                    best = len;
                    if (len >= nice) {
                        break;
                    }
                    scanEnd = (short) SHORTS.get(w, pos + best - 1);
                }
            }
            cur = chainPrev[cur];
        } while (cur > 0 && --chain != 0);
        return best;
    }

    private void recordLiteral(int c) {
        syms[symCount++] = c;
        lFreq[c]++;
        seenLiteral[c] = 1;
    }

    /**
     * Sets lUsed's literal words from seenLiteral and clears it: eight bytes of 0 or 1 at a time,
     * gathered into eight bits by one multiply (byte k's low bit lands in bit 56 + k).
     */
    private void foldSeenLiterals() {
        final byte[] seen = seenLiteral;
        final long[] used = lUsed;
        for (int word = 0; word < END_BLOCK >>> 6; word++) {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                int at = (word << 6) + (i << 3);
                long x = (long) LONGS.get(seen, at);
                bits |= ((x * 0x0102040810204080L) >>> 56) << (i << 3);
                LONGS.set(seen, at, 0L);
            }
            used[word] |= bits;
        }
    }

    private void recordMatch(int dist, int length) {
        int lc = length - MIN_MATCH;
        syms[symCount++] = (dist << 8) | lc;
        int ls = LENGTH_CODE[lc] + END_BLOCK + 1;
        lFreq[ls]++;
        lUsed[ls >>> 6] |= 1L << ls;
        int dc = distCode(dist - 1);
        dFreq[dc]++;
        dUsed[0] |= 1L << dc;
    }

    // ------------------------------------------------------------------------------------
    // The block type without trees: the fixed code's exact price, a lower bound on the dynamic one.
    // ------------------------------------------------------------------------------------

    /** Bits of the recorded symbols (and end of block) in the fixed code, extra bits included. */
    long staticCost() {
        return staticCost(lTree) + staticCost(dTree);
    }

    private static long staticCost(Tree t) {
        if (t.staticBits >= 0) {
            return t.staticBits; // collectLeaves priced it
        }
        final long[] used = t.used;
        final int[] freq = t.freq;
        final int[] cost = t.nodeStatic;
        long bits = 0;
        for (int wi = 0; wi < used.length; wi++) {
            long w = used[wi];
            while (w != 0) {
                int s = (wi << 6) + Long.numberOfTrailingZeros(w);
                w &= w - 1;
                bits += (long) freq[s] * cost[s];
            }
        }
        return bits;
    }

    /**
     * A lower bound on zlib's opt_len after {@link #lz77}: from the code lengths zlib's trees can
     * have (shapeLowerBound) where that applies, else the plainer dynamicLowerBound.
     * Package-private so that benchmarks can time it.
     */
    long decisionBound() {
        long bound = shapeLowerBound();
        return bound >= 0 ? bound : dynamicLowerBound();
    }

    // Code-length symbols the dynamic header needs at least, counted by treeBound.
    private int boundZeros;
    private int boundRep17;
    private int boundRep18;
    private int boundLengthSymbols;
    private int boundMaxIndex;

    /*
     * A lower bound on zlib's opt_len, the dynamic block's size in bits less its 3-bit header.
     *
     * Data: every optimal prefix code for the same frequencies has the same cost, whatever its
     * tie-breaking, and zlib's codes are optimal unless its 15-bit limit changes them, which only
     * makes them dearer. So huffmanCost (two queues, no heap) plus the extra bits bounds the data
     * part, exactly so below 2584 symbols (a 16-bit code needs that total weight: Fibonacci).
     *
     * Header: HLIT, HDIST and HCLEN (14 bits); 3 bits per code-length code length sent, at least
     * up to MIN_BL_INDEX; then the run-length coded lengths. Which symbols are used is known, so
     * the zero runs between them are coded as zlib will code them (codes 0, 17, 18 and extra
     * bits), and each block of consecutive used symbols needs MIN_RUN_SYMBOLS at least. All those
     * symbols cost at least what an optimal code would if the nonzero lengths were one symbol
     * (merging symbols never makes an optimal code dearer), and at least a bit each.
     */
    long dynamicLowerBound() {
        boundZeros = 0;
        boundRep17 = 0;
        boundRep18 = 0;
        boundLengthSymbols = 0;
        boundMaxIndex = 3;
        long bits = treeBound(lTree) + treeBound(dTree);
        long symbols = (long) boundZeros + boundRep17 + boundRep18 + boundLengthSymbols;
        final long[] counts = four;
        counts[0] = boundZeros;
        counts[1] = boundRep17;
        counts[2] = boundRep18;
        counts[3] = boundLengthSymbols;
        long codes = Math.max(symbols, smallHuffmanCost(counts));
        return bits + 5 + 5 + 4 + 3L * (boundMaxIndex + 1) + codes + 3L * boundRep17 + 7L * boundRep18;
    }

    // What collectLeaves found: the used symbols' largest weight, total weight and extra bits.
    private int scannedMaxWeight;
    private long scannedTotal;
    private long scannedExtraBits;

    /**
     * Lists the tree's used symbols in t.leaves, ascending, counting their weights in weightCount
     * and pricing them in the fixed code (t.staticBits); returns how many.
     */
    private int collectLeaves(Tree t) {
        final long[] used = t.used;
        final int[] freq = t.freq;
        final int[] extra = t.nodeExtra;
        final int[] fixed = t.nodeStatic;
        final int[] leaves = t.leaves;
        final int[] count = weightCount;
        int k = 0;
        int maxWeight = 0;
        long total = 0;
        long extraBits = 0;
        long fixedBits = 0;
        for (int wi = 0; wi < used.length; wi++) {
            long w = used[wi];
            while (w != 0) {
                int sym = (wi << 6) + Long.numberOfTrailingZeros(w);
                w &= w - 1;
                leaves[k++] = sym;
                int f = freq[sym];
                count[f]++;
                maxWeight = Math.max(maxWeight, f);
                total += f;
                extraBits += (long) f * extra[sym];
                fixedBits += (long) f * fixed[sym];
            }
        }
        t.staticBits = fixedBits;
        scannedMaxWeight = maxWeight;
        scannedTotal = total;
        scannedExtraBits = extraBits;
        return k;
    }

    /**
     * For a tree of k < 2 used symbols: zlib pads it to two leaves of length one (symbol 0, or the
     * next ones up; see buildTree) and takes the padding's cost back out, though their lengths are
     * still sent. Puts those two leaves in t.leaves, clears weightCount, and returns the data bits
     * of the used symbol, if any, less its extra bits.
     */
    private long padLeaves(Tree t, int k) {
        final int[] leaves = t.leaves;
        if (k == 0) {
            leaves[0] = 0;
            leaves[1] = 1;
            return 0;
        }
        int sym = leaves[0];
        int f = t.freq[sym];
        weightCount[f] = 0;
        if (sym < 2) {
            leaves[1] = sym + 1;
        } else {
            leaves[0] = 0;
            leaves[1] = sym;
        }
        return f;
    }

    /** The data-cost bound of one tree; adds the code-length symbols its lengths need to the bound counters. */
    private long treeBound(Tree t) {
        final int[] leaves = t.leaves;
        int k = collectLeaves(t);
        long bits = scannedExtraBits;
        if (k >= 2) {
            bits += huffmanCost(k, scannedMaxWeight);
        } else {
            bits += padLeaves(t, k);
            k = 2;
        }
        int expect = 0;
        for (int i = 0; i < k; ) {
            int s = leaves[i];
            int zeros = s - expect;
            while (zeros >= 138) {
                boundRep18++;
                zeros -= 138;
            }
            if (zeros >= 11) {
                boundRep18++;
            } else if (zeros >= 3) {
                boundRep17++;
            } else {
                boundZeros += zeros;
            }
            int j = i + 1;
            while (j < k && leaves[j] == leaves[j - 1] + 1) {
                j++;
            }
            boundLengthSymbols += MIN_RUN_SYMBOLS[j - i];
            expect = leaves[j - 1] + 1;
            i = j;
        }
        boundMaxIndex = Math.max(boundMaxIndex, MIN_BL_INDEX[k]);
        return bits;
    }

    /**
     * The cost (sum of frequency times depth) of an optimal prefix code for leaves >= 2 symbols
     * whose frequencies are counted in weightCount[1..maxWeight], which it leaves all zero. Two
     * queues taken a group of equal weights at a time: the leaves in increasing weight, and the
     * merged nodes, which Huffman's method makes in increasing weight.
     */
    private long huffmanCost(int leaves, int maxWeight) {
        final int[] count = weightCount;
        final long[] qw = groupWeight;
        final int[] qc = groupCount;
        int head = 0;
        int tail = 0;
        int w = nextWeight(1, maxWeight);
        int nodes = leaves;
        long cost = 0;
        while (nodes > 1) {
            // The lightest group: leaves of weight w, the merged nodes at the head, or both.
            long qx = head < tail ? qw[head] : Long.MAX_VALUE;
            long x;
            int c;
            if (w <= qx) {
                x = w;
                c = count[w];
                count[w] = 0;
                w = nextWeight(w + 1, maxWeight);
                if (qx == x) {
                    c += qc[head++];
                }
            } else {
                x = qx;
                c = qc[head++];
            }
            int pairs = c >>> 1;
            if (pairs > 0) {
                cost += 2 * x * pairs;
                tail = push(tail, head, 2 * x, pairs);
                nodes -= pairs;
            }
            if ((c & 1) != 0 && nodes > 1) {
                // The odd one pairs with the next lightest node.
                qx = head < tail ? qw[head] : Long.MAX_VALUE;
                long y;
                if (w <= qx) {
                    y = w;
                    if (--count[w] == 0) {
                        w = nextWeight(w + 1, maxWeight);
                    }
                } else {
                    y = qx;
                    if (--qc[head] == 0) {
                        head++;
                    }
                }
                cost += x + y;
                tail = push(tail, head, x + y, 1);
                nodes--;
            }
        }
        return cost;
    }

    /** The least weight from w up that some leaf still has, or a value above maxWeight (as large as any node). */
    private int nextWeight(int w, int maxWeight) {
        final int[] count = weightCount;
        while (w <= maxWeight && count[w] == 0) {
            w++;
        }
        return w <= maxWeight ? w : Integer.MAX_VALUE;
    }

    /** Appends count merged nodes of the given weight to the queue; returns the new tail. */
    private int push(int tail, int head, long weight, int count) {
        if (tail > head && groupWeight[tail - 1] == weight) {
            groupCount[tail - 1] += count;
            return tail;
        }
        groupWeight[tail] = weight;
        groupCount[tail] = count;
        return tail + 1;
    }

    // ------------------------------------------------------------------------------------
    // A tighter bound: the code lengths zlib's trees can have, found without its heap.
    // ------------------------------------------------------------------------------------

    /*
     * zlib merges the two least nodes by (weight, height); which of several equal nodes it takes
     * depends on its heap's layout, but the sequence of merged keys does not: it is Huffman's
     * method run on the keys alone. Run on classes of equal keys, remembering which classes each
     * class took nodes from, it gives every leaf weight the depths its leaves can have in zlib's
     * tree, whatever the heap's layout: from the root down, a class may sit one level below any
     * class that took from it. A weight whose leaves all sit at one depth is
     * settled; one spread over two adjacent depths leaves a count open. The open counts obey two
     * linear equations - the code's cost, which every optimal code shares, and the Kraft sum of a
     * complete code - which leave one solution or a line of them (anything else: no bound).
     *
     * The header is then priced from below: zero runs exactly; blocks of four or more consecutive
     * used symbols whose lengths are all settled exactly, as zlib codes them; in blocks of three
     * or fewer every length is a literal code-length symbol (zlib repeats only runs of four or
     * more), and in the other long blocks so is every length except that a run of m symbols
     * that may all share a length can replace up to m-1 of them by repeats. The code-length code
     * costs at least an optimal code for those counts, and an optimal code's cost is concave in
     * the counts (a minimum of linear functions), so along a line of possible counts its least
     * is at an end. The decision properties check the bound against the exact price on every
     * input they draw.
     */

    /** Most distinct leaf weights, and classes of equal keys, the tighter bound handles. */
    private static final int MAX_CLASSES = 32;
    private static final int MAX_KEY_CLASSES = 96;
    /** Below this total weight no code is longer than 15 bits (Fibonacci), so zlib's lengths are Huffman's. */
    private static final int UNLIMITED_WEIGHT = 2584;
    /** Where each code length 1..15 sits in BL_ORDER. */
    private static final int[] BL_INDEX = new int[MAX_BITS + 1];

    static {
        for (int i = 0; i < BL_CODES; i++) {
            if (BL_ORDER[i] <= MAX_BITS) {
                BL_INDEX[BL_ORDER[i]] = i;
            }
        }
    }

    /** One tree's leaf weights, the depths each can take, and the ends of the line of open counts. */
    private static final class Shape {
        final int[] weight = new int[MAX_CLASSES];
        final int[] count = new int[MAX_CLASSES];
        /** Bit d set: a leaf of this weight may sit at depth d. */
        final int[] depths = new int[MAX_CLASSES];
        /** For a weight spread over depths d and d+1: how many leaves are at d, at each end of the line. */
        final int[] upperAtStart = new int[MAX_CLASSES];
        final int[] upperAtEnd = new int[MAX_CLASSES];
        final byte[] classOf = new byte[UNLIMITED_WEIGHT];
        /** How many leaves sit at each depth, at each end of the line. */
        final long[] atStart = new long[MAX_BITS + 1];
        final long[] atEnd = new long[MAX_BITS + 1];
        /** How many leaves of settled weights sit at each depth. */
        final long[] settled = new long[MAX_BITS + 1];
        /** The line is a single point. */
        boolean unique;
        int classes;
        int leafCount;
        /** zlib padded the tree to two leaves of length 1 (fewer than two symbols used). */
        boolean padded;
        long dataBits;

        int depthsOf(int weight) {
            return padded ? 1 << 1 : depths[classOf[weight]];
        }
    }

    private final Shape litShape = new Shape();
    private final Shape distShape = new Shape();
    /** Per class of equal keys: its key (weight << 8 | height) and how many of its nodes are left. */
    private final int[] keyOf = new int[MAX_CLASSES + MAX_KEY_CLASSES];
    private final int[] nodesOf = new int[MAX_CLASSES + MAX_KEY_CLASSES];
    /**
     * The merges, as (made class << 8 | taken class), in the order depths made them. A class is
     * only taken from once nothing more is added to it (a node made is heavier than both it
     * took), so walking the list backwards reaches every class after all the classes made from it.
     */
    private final int[] merges = new int[2 * L_CODES];
    /** Per class of equal keys, bit d set: its nodes may sit at depth d (filled from the root down). */
    private final int[] depthMask = new int[MAX_CLASSES + MAX_KEY_CLASSES];

    private final int[] openClass = new int[3];
    private final int[] x = new int[3];
    private final long[] exactBl = new long[BL_CODES];
    private final long[] settledInRuns = new long[MAX_BITS + 1];
    private final long[] coverable = new long[MAX_BITS + 1];
    /** Per length, the symbols settled at it that sit in blocks of four or more. */
    private final long[] settledInLong = new long[MAX_BITS + 1];
    private final long[] certain = new long[MAX_BITS + 1];
    private final long[] pooledSum = new long[MAX_BITS + 1];
    private final long[] corner = new long[MAX_BITS + 1];
    private final long[] blWeights = new long[BL_CODES];
    /** The depth masks of one long block's symbols (longBlock). */
    private final int[] blockDepths = new int[L_CODES];
    /** walk's bit sets of the symbols with a code and of the rest up to the last, and a zero word after. */
    private final long[] walkUsed = new long[(L_CODES + 63) / 64 + 1];
    private final long[] walkUnused = new long[(L_CODES + 63) / 64 + 1];

    /**
     * A lower bound on zlib's opt_len from the code lengths its trees can have (see above), or -1
     * where that analysis does not apply (many distinct weights, a weight whose depths are not
     * one or two adjacent ones, open counts not on a line, heavy input).
     */
    long shapeLowerBound() {
        if (!shape(lTree, litShape) || !shape(dTree, distShape)) {
            return -1;
        }
        for (int v = 0; v <= MAX_BITS; v++) {
            settledInRuns[v] = 0;
            coverable[v] = 0;
            settledInLong[v] = 0;
            pooledSum[v] = 0;
        }
        Arrays.fill(exactBl, 0);
        walk(lTree, litShape);
        walk(dTree, distShape);
        final int[] counted = blTree.freq; // the settled long blocks' runs, from lengthRun
        for (int sym = 0; sym < BL_CODES; sym++) {
            exactBl[sym] += counted[sym];
            counted[sym] = 0;
        }
        // Literal lengths of value v, outside the runs coded exactly: at least those settled at v
        // outside blocks of four or more (certainly literals, "certain"), and at least all the
        // rest less the coverable ones ("pooled", affine in the open counts). At a single point
        // the larger of the two counts. Along a line of points the bound must stay concave, so per
        // length one or the other is used at every corner: pooled where it is never negative and
        // at least certain on average over the corners, else certain. Then the fewest code-length
        // code lengths any corner sends, and the code-length code's cost at each corner.
        final int litEnds = litShape.unique ? 1 : 2;
        final int distEnds = distShape.unique ? 1 : 2;
        final int corners = litEnds * distEnds;
        int negative = 0;
        int index = BL_CODES;
        for (int a = 0; a < litEnds; a++) {
            for (int b = 0; b < distEnds; b++) {
                cornerCounts(a, b);
                int last = 3;
                for (int v = 1; v <= MAX_BITS; v++) {
                    long pooled = corner[v] - coverable[v];
                    negative |= (int) (pooled >>> 63) << v;
                    pooledSum[v] += pooled;
                    if (corner[v] + settledInRuns[v] > 0) {
                        last = Math.max(last, BL_INDEX[v]);
                    }
                }
                index = Math.min(index, last);
            }
        }
        int usePooled = 0;
        for (int v = 1; v <= MAX_BITS; v++) {
            certain[v] = litShape.settled[v] + distShape.settled[v] - settledInLong[v];
            if ((negative >>> v & 1) == 0 && pooledSum[v] >= corners * certain[v]) {
                usePooled |= 1 << v;
            }
        }
        long least = Long.MAX_VALUE;
        for (int a = 0; a < litEnds; a++) {
            for (int b = 0; b < distEnds; b++) {
                cornerCounts(a, b);
                System.arraycopy(exactBl, 0, blWeights, 0, BL_CODES);
                for (int v = 1; v <= MAX_BITS; v++) {
                    long pooled = corner[v] - coverable[v];
                    blWeights[v] += corners == 1 ? Math.max(pooled, certain[v])
                            : (usePooled >>> v & 1) != 0 ? pooled : certain[v];
                }
                least = Math.min(least, smallHuffmanCost(blWeights));
            }
        }
        return litShape.dataBits + distShape.dataBits + 5 + 5 + 4 + 3L * (index + 1) + least
                + 2 * exactBl[REP_3_6] + 3 * exactBl[REPZ_3_10] + 7 * exactBl[REPZ_11_138];
    }

    /** Lengths per value at one corner (a, b: the literal and distance trees' ends), less those coded exactly. */
    private void cornerCounts(int a, int b) {
        final long[] lit = a == 0 ? litShape.atStart : litShape.atEnd;
        final long[] dist = b == 0 ? distShape.atStart : distShape.atEnd;
        for (int v = 1; v <= MAX_BITS; v++) {
            corner[v] = lit[v] + dist[v] - settledInRuns[v];
        }
    }

    /**
     * Fills the tree's Shape: its leaves (as zlib pads them), the data cost, the depths each
     * weight can take and the line of open counts. False where the analysis does not apply.
     */
    private boolean shape(Tree t, Shape s) {
        final int[] count = weightCount;
        final int k = collectLeaves(t);
        final int maxWeight = scannedMaxWeight;
        final long total = scannedTotal;
        final long extraBits = scannedExtraBits;
        s.padded = k < 2;
        if (s.padded) {
            s.leafCount = 2;
            s.dataBits = extraBits + padLeaves(t, k);
            Arrays.fill(s.atStart, 0);
            s.atStart[1] = 2;
            System.arraycopy(s.atStart, 0, s.atEnd, 0, MAX_BITS + 1);
            System.arraycopy(s.atStart, 0, s.settled, 0, MAX_BITS + 1);
            s.unique = true;
            return true;
        }
        s.leafCount = k;
        int classes = 0;
        if (total < UNLIMITED_WEIGHT) {
            for (int w = 1; w <= maxWeight; w++) {
                if (count[w] != 0) {
                    if (classes == MAX_CLASSES) {
                        classes = -1;
                        break;
                    }
                    s.weight[classes] = w;
                    s.count[classes] = count[w];
                    s.classOf[w] = (byte) classes;
                    count[w] = 0;
                    classes++;
                }
            }
        }
        if (total >= UNLIMITED_WEIGHT || classes < 0) {
            Arrays.fill(count, 0, maxWeight + 1, 0);
            return false;
        }
        s.classes = classes;
        long cost = depths(s, k);
        if (cost < 0 || !openCounts(s, cost)) {
            return false;
        }
        s.dataBits = cost + extraBits;
        for (int d = 0; d <= MAX_BITS; d++) {
            s.atStart[d] = 0;
            s.atEnd[d] = 0;
            s.settled[d] = 0;
        }
        s.unique = true;
        for (int c = 0; c < classes; c++) {
            int m = s.depths[c];
            int d = Integer.numberOfTrailingZeros(m);
            if ((m & (m - 1)) == 0) {
                s.atStart[d] += s.count[c];
                s.atEnd[d] += s.count[c];
                s.settled[d] += s.count[c];
            } else {
                s.atStart[d] += s.upperAtStart[c];
                s.atStart[d + 1] += s.count[c] - s.upperAtStart[c];
                s.atEnd[d] += s.upperAtEnd[c];
                s.atEnd[d + 1] += s.count[c] - s.upperAtEnd[c];
                s.unique &= s.upperAtStart[c] == s.upperAtEnd[c];
            }
        }
        return true;
    }

    /**
     * Huffman's method on classes of equal (weight, height) keys; sets each weight's possible
     * depths. Classes 0..classes-1 are the leaf weights, ascending; merged classes follow in the
     * order they are made, which is key order too: the nodes taken never get lighter, nor lower
     * at equal weight, so neither do the nodes made. Two queues therefore hold the live classes,
     * and a new key either joins the last class made or starts the next one. Returns the code's
     * cost (the sum of the merged nodes' weights), or -1 when out of room.
     */
    private long depths(Shape s, int leaves) {
        final int classes = s.classes;
        final int[] keys = keyOf;
        final int[] left = nodesOf;
        for (int c = 0; c < classes; c++) {
            keys[c] = s.weight[c] << 8;
            left[c] = s.count[c];
        }
        int leaf = 0;             // the first leaf class with nodes left
        int merged = MAX_CLASSES; // the first merged class with nodes left
        int made = MAX_CLASSES;
        int nodes = leaves;
        int edges = 0;
        long cost = 0;
        while (nodes > 1) {
            // A leaf's key (height 0) never equals a merged one's.
            int a = merged == made || (leaf < classes && keys[leaf] < keys[merged]) ? leaf : merged;
            int ka = keys[a];
            int b = -1;
            int key;
            int n;
            if (left[a] >= 2) {
                // Pairs of equal nodes: zlib takes the two least, which are both from this class.
                n = left[a] >>> 1;
                left[a] -= 2 * n;
                key = (ka >>> 8 << 9) | ((ka & 0xff) + 1);
            } else {
                // a's last node pairs with the least node of the next class.
                left[a] = 0;
                if (a < MAX_CLASSES) {
                    leaf++;
                } else {
                    merged++;
                }
                b = merged == made || (leaf < classes && keys[leaf] < keys[merged]) ? leaf : merged;
                int kb = keys[b];
                left[b]--;
                key = ((ka >>> 8) + (kb >>> 8)) << 8 | (Math.max(ka & 0xff, kb & 0xff) + 1);
                n = 1;
            }
            int into = made - 1;
            assert made == MAX_CLASSES || keys[into] <= key : "merged keys made out of order";
            if (made == merged || keys[into] != key) {
                if (made - MAX_CLASSES + classes == MAX_KEY_CLASSES) {
                    return -1;
                }
                into = made++;
                keys[into] = key;
                left[into] = n;
            } else {
                left[into] += n;
            }
            merges[edges++] = into << 8 | a;
            int emptied = a;
            if (b >= 0) {
                merges[edges++] = into << 8 | b;
                emptied = b;
            }
            if (left[emptied] == 0) {
                if (emptied < MAX_CLASSES) {
                    leaf++;
                } else {
                    merged++;
                }
            }
            nodes -= n;
            cost += (long) (key >>> 8) * n;
        }
        final int[] mask = depthMask;
        Arrays.fill(mask, 0, classes, 0);
        Arrays.fill(mask, MAX_CLASSES, made, 0);
        mask[made - 1] = 1; // the root
        for (int e = edges - 1; e >= 0; e--) {
            int m = merges[e];
            mask[m & 0xff] |= mask[m >>> 8] << 1;
        }
        System.arraycopy(mask, 0, s.depths, 0, classes);
        return cost;
    }

    /**
     * Solves the cost and Kraft equations for the weights spread over two depths; keeps the two
     * ends of the line the solutions lie on. False if a weight's depths are not one or two
     * adjacent ones, more than three weights are open, or the solutions are not on one line.
     */
    private boolean openCounts(Shape s, long cost) {
        long costIfLower = 0; // with every open weight's leaves at the deeper depth
        long kraft = 0;       // in units of 2^-15
        int open = 0;
        for (int c = 0; c < s.classes; c++) {
            int m = s.depths[c];
            int d = Integer.numberOfTrailingZeros(m);
            long n = s.count[c];
            if ((m & (m - 1)) == 0) {
                costIfLower += n * s.weight[c] * d;
                kraft += n << (MAX_BITS - d);
            } else if (m == 3 << d && d + 1 <= MAX_BITS && open < 3) {
                openClass[open++] = c;
                costIfLower += n * s.weight[c] * (d + 1);
                kraft += n << (MAX_BITS - 1 - d);
            } else {
                return false;
            }
        }
        // Moving one leaf of weight w up from depth d+1 to d lowers the cost by w and raises the
        // Kraft sum by 2^(14-d): the open counts x satisfy sum(w x) = saved and sum(u x) = room.
        long saved = costIfLower - cost;
        long room = (1L << MAX_BITS) - kraft;
        int solved = open <= 2 ? solveFrom(s, 0, open, saved, room) : DEPENDENT;
        if (solved != DEPENDENT) {
            // At most as many unknowns as independent equations: one solution or none.
            if (solved != SOLVED) {
                return false;
            }
            keepEnd(s, open, true);
            keepEnd(s, open, false);
            return true;
        }
        // One unknown more: for each value of a free count at most one solution, affine in it, so
        // they lie on a line whose ends are the least and the greatest free count that works.
        // With three unknowns the other two must have independent equations: pick the free one so.
        if (open == 3 && !independent(s, openClass[1], openClass[2])) {
            int swap = independent(s, openClass[0], openClass[2]) ? 1 : independent(s, openClass[0], openClass[1]) ? 2 : -1;
            if (swap < 0) {
                return false; // a plane of solutions, not a line
            }
            int c = openClass[0];
            openClass[0] = openClass[swap];
            openClass[swap] = c;
        }
        int c0 = openClass[0];
        long w0 = s.weight[c0];
        long u0 = 1L << (MAX_BITS - 1 - depthOf(s, c0));
        int lowest = -1;
        for (int x0 = 0; x0 <= s.count[c0]; x0++) {
            int r = solveFrom(s, 1, open, saved - w0 * x0, room - u0 * x0);
            if (r == DEPENDENT) {
                return false;
            }
            if (r == SOLVED) {
                x[0] = x0;
                keepEnd(s, open, true);
                lowest = x0;
                break;
            }
        }
        if (lowest < 0) {
            return false;
        }
        for (int x0 = s.count[c0]; x0 >= lowest; x0--) {
            if (solveFrom(s, 1, open, saved - w0 * x0, room - u0 * x0) == SOLVED) {
                x[0] = x0;
                keepEnd(s, open, false);
                return true;
            }
        }
        return false; // not reached: lowest itself solves
    }

    private static final int SOLVED = 0;
    private static final int NO_SOLUTION = 1;
    private static final int DEPENDENT = 2;

    /**
     * Solves sum(w x) = saved, sum(u x) = room for the open counts from the first given one on
     * (none, one or two of them) into x: SOLVED with every count a whole number within its
     * class, NO_SOLUTION, or DEPENDENT for two unknowns whose equations are proportional.
     */
    private int solveFrom(Shape s, int first, int open, long saved, long room) {
        switch (open - first) {
            case 0:
                return saved == 0 && room == 0 ? SOLVED : NO_SOLUTION;
            case 1: {
                int c = openClass[first];
                long w = s.weight[c];
                long u = 1L << (MAX_BITS - 1 - depthOf(s, c));
                if (saved < 0 || saved % w != 0 || saved / w > s.count[c] || saved / w * u != room) {
                    return NO_SOLUTION;
                }
                x[first] = (int) (saved / w);
                return SOLVED;
            }
            default: {
                int c1 = openClass[first];
                int c2 = openClass[first + 1];
                long w1 = s.weight[c1];
                long w2 = s.weight[c2];
                long u1 = 1L << (MAX_BITS - 1 - depthOf(s, c1));
                long u2 = 1L << (MAX_BITS - 1 - depthOf(s, c2));
                long det = w1 * u2 - w2 * u1;
                if (det == 0) {
                    return DEPENDENT;
                }
                long n1 = saved * u2 - room * w2;
                long n2 = w1 * room - u1 * saved;
                if (n1 % det != 0 || n2 % det != 0) {
                    return NO_SOLUTION;
                }
                long x1 = n1 / det;
                long x2 = n2 / det;
                if (x1 < 0 || x1 > s.count[c1] || x2 < 0 || x2 > s.count[c2]) {
                    return NO_SOLUTION;
                }
                x[first] = (int) x1;
                x[first + 1] = (int) x2;
                return SOLVED;
            }
        }
    }

    /** Whether the two open weights' equations (cost and Kraft) are not proportional. */
    private static boolean independent(Shape s, int c1, int c2) {
        return (long) s.weight[c1] << (MAX_BITS - 1 - depthOf(s, c2)) != (long) s.weight[c2] << (MAX_BITS - 1 - depthOf(s, c1));
    }

    private static int depthOf(Shape s, int c) {
        return Integer.numberOfTrailingZeros(s.depths[c]);
    }

    /** Keeps the solution in x as one end of the line of open counts. */
    private void keepEnd(Shape s, int open, boolean start) {
        for (int i = 0; i < open; i++) {
            (start ? s.upperAtStart : s.upperAtEnd)[openClass[i]] = x[i];
        }
    }

    /**
     * The header's parts that do not depend on the open counts: the zero runs between used
     * symbols, coded exactly; and blocks of four or more consecutive used symbols (shorter ones
     * are all literal lengths): where every length in one is settled, its runs coded exactly
     * (noted in settledInRuns); elsewhere, per length, how many of its symbols repeats could
     * stand in for (coverable). Works on the bit set of used symbols a word at a time: runs of
     * one or two zeros are only counted, and only the longer runs and blocks are visited (on
     * fresh data a branch per symbol would be mispredicted about every other one).
     */
    private void walk(Tree t, Shape s) {
        final int[] leaves = t.leaves;
        final int end = leaves[s.leafCount - 1] + 1; // lengths are sent up to the last symbol with a code
        final int words = (end + 63) >>> 6;
        final long[] used = walkUsed;
        final long[] unused = walkUnused;
        if (s.padded) {
            // zlib's two padding leaves, not the used symbols, have the codes.
            Arrays.fill(used, 0, words, 0);
            used[0] |= 1L << leaves[0];
            used[leaves[1] >>> 6] |= 1L << leaves[1];
        } else {
            System.arraycopy(t.used, 0, used, 0, words);
        }
        for (int j = 0; j < words; j++) {
            long valid = j < words - 1 || (end & 63) == 0 ? -1L : (1L << end) - 1;
            unused[j] = ~used[j] & valid;
        }
        used[words] = 0;
        unused[words] = 0;
        // A zero run starts where a symbol is unused and the one before it used (or it is symbol
        // 0); a block of used symbols likewise. Shifting the next word in looks ahead.
        long zeros = 0;
        long rep17 = 0;
        long rep18 = 0;
        long carryUnused = 0;
        long carryUsed = 0;
        for (int j = 0; j < words; j++) {
            long z = unused[j];
            long u = used[j];
            long zNext = unused[j + 1];
            long uNext = used[j + 1];
            long zStarts = z & ~(z << 1 | carryUnused);
            long uStarts = u & ~(u << 1 | carryUsed);
            carryUnused = z >>> 63;
            carryUsed = u >>> 63;
            long z1 = z >>> 1 | zNext << 63;
            long z2 = z >>> 2 | zNext << 62;
            long atLeast2 = zStarts & z1;
            long atLeast3 = atLeast2 & z2;
            // Runs of one or two zeros are sent as plain zeros.
            zeros += Long.bitCount(zStarts) + Long.bitCount(atLeast2) - 2L * Long.bitCount(atLeast3);
            for (long r = atLeast3; r != 0; r &= r - 1) {
                // zeroRun's coding: pieces of 138 as code 18, then 11..137 as 18, 3..10 as 17.
                int gap = runLength(unused, (j << 6) + Long.numberOfTrailingZeros(r));
                rep18 += gap / 138;
                gap %= 138;
                zeros += gap < 3 ? gap : 0;
                rep17 += gap >= 3 && gap < 11 ? 1 : 0;
                rep18 += gap >= 11 ? 1 : 0;
            }
            long u1 = u >>> 1 | uNext << 63;
            long u2 = u >>> 2 | uNext << 62;
            long u3 = u >>> 3 | uNext << 61;
            for (long r = uStarts & u1 & u2 & u3; r != 0; r &= r - 1) {
                int first = (j << 6) + Long.numberOfTrailingZeros(r);
                longBlock(t, s, first, runLength(used, first));
            }
        }
        exactBl[0] += zeros;
        exactBl[REPZ_3_10] += rep17;
        exactBl[REPZ_11_138] += rep18;
    }

    /** How many bits are set in a row in the bit set from bit from on (the set ends with a zero word). */
    private static int runLength(long[] bits, int from) {
        int j = from >>> 6;
        int n = Long.numberOfTrailingZeros(~(bits[j] >>> from));
        if (n < 64 - (from & 63)) {
            return n;
        }
        n = 64 - (from & 63);
        while (++j < bits.length) {
            int more = Long.numberOfTrailingZeros(~bits[j]);
            n += more;
            if (more < 64) {
                break;
            }
        }
        return n;
    }

    /** A block of n >= 4 consecutive used symbols from symbol first on. */
    private void longBlock(Tree t, Shape s, int first, int n) {
        final int[] freq = t.freq;
        final int[] mask = blockDepths;
        int any = 0;
        int open = 0;
        for (int p = 0; p < n; p++) {
            int m = s.depthsOf(freq[first + p]);
            mask[p] = m;
            any |= m;
            open |= m & (m - 1);
            if ((m & (m - 1)) == 0) {
                settledInLong[Integer.numberOfTrailingZeros(m)]++;
            }
        }
        if (open == 0) {
            for (int a = 0; a < n; ) {
                int m = mask[a];
                int b = a + 1;
                while (b < n && mask[b] == m) {
                    b++;
                }
                int v = Integer.numberOfTrailingZeros(m);
                lengthRun(v, b - a, false); // counted into the code-length tree, as zlib will send it
                settledInRuns[v] += b - a;
                a = b;
            }
            return;
        }
        for (int values = any; values != 0; values &= values - 1) {
            int v = Integer.numberOfTrailingZeros(values);
            int run = 0;
            for (int p = 0; p < n; p++) {
                if ((mask[p] >>> v & 1) != 0) {
                    run++;
                } else {
                    coverable[v] += run >= 4 ? run - 1 : 0;
                    run = 0;
                }
            }
            coverable[v] += run >= 4 ? run - 1 : 0;
        }
    }

    /** The cost of an optimal prefix code for the nonzero weights (one symbol alone costs a bit per use). */
    private static long smallHuffmanCost(long[] weights) {
        final long[] w = weights;
        int n = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                w[n++] = w[i];
            }
        }
        if (n < 2) {
            return n == 1 ? w[0] : 0;
        }
        for (int i = 1; i < n; i++) { // insertion sort: at most 19 weights
            long v = w[i];
            int j = i - 1;
            while (j >= 0 && w[j] > v) {
                w[j + 1] = w[j];
                j--;
            }
            w[j + 1] = v;
        }
        // Two queues: leaves in w[leaf..n), merged nodes in w[0..merged) reusing the front.
        int leaf = 0;
        int head = 0;
        int merged = 0;
        long cost = 0;
        for (int made = 0; made < n - 1; made++) {
            long a;
            if (head < merged && (leaf >= n || w[head] <= w[leaf])) {
                a = w[head++];
            } else {
                a = w[leaf++];
            }
            long b;
            if (head < merged && (leaf >= n || w[head] <= w[leaf])) {
                b = w[head++];
            } else {
                b = w[leaf++];
            }
            cost += a + b;
            w[merged++] = a + b;
        }
        return cost;
    }

    // ------------------------------------------------------------------------------------
    // Huffman trees, built the way zlib builds them so that the code lengths agree exactly.
    // ------------------------------------------------------------------------------------

    /*
     * Heap entries pack (frequency, depth, node) into one long: freq << 18 | depth << 10 | node.
     * Comparing the entries shifted right by 10 orders by frequency, then by subtree depth
     * (shallower first), and counts equal keys as "smaller" - the order zlib's heap uses, so
     * that ties between equal nodes resolve exactly as there (which decides which symbol ends
     * up with which length).
     */
    private static final int NODE_BITS = 10;
    private static final int NODE_MASK = (1 << NODE_BITS) - 1;
    private static final int FREQ_SHIFT = 18;
    /** Sits just past the last heap entry so the right child always exists; never chosen. */
    private static final long SENTINEL = Long.MAX_VALUE;

    private void siftDown(int k) {
        final long[] hp = heap;
        final int last = heapLen;
        long v = hp[k];
        long vKey = v >>> NODE_BITS;
        int j = k << 1;
        while (j <= last) {
            // The smaller child, the right one on a tie as in zlib's heap. Computed, not branched
            // on: for fresh data the choice is a coin flip that a branch predictor loses.
            long ck = hp[j] >>> NODE_BITS;
            long ck1 = hp[j + 1] >>> NODE_BITS;
            j += (int) ((ck - ck1) >>> 63) ^ 1;
            long c = hp[j];
            if (vKey <= (c >>> NODE_BITS)) {
                break;
            }
            hp[k] = c;
            k = j;
            j <<= 1;
        }
        hp[k] = v;
    }

    /**
     * Builds a length-limited Huffman code for the tree's frequencies, setting len, leaves and
     * maxCode, and adds the dynamic cost to optLen and the fixed-code cost to staticLen. The
     * codes themselves (assignCodes) are only needed when a dynamic block is written.
     */
    private void buildTree(Tree t) {
        final long[] hp = heap;
        final int[] freq = t.freq;
        final int[] leaves = t.leaves;
        final long[] used = t.used;
        int maxCode = -1;
        int hl = 0;
        // Used symbols in ascending order, the order zlib fills its heap in.
        for (int wi = 0; wi < used.length; wi++) {
            long bits = used[wi];
            while (bits != 0) {
                int s = (wi << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                leaves[hl] = s;
                hp[++hl] = ((long) freq[s] << FREQ_SHIFT) | s;
                maxCode = s;
            }
        }
        // A code needs two symbols; zlib pads with dummy symbols of weight 1 (symbol 0, or the
        // next ones up) whose cost it takes back out, but whose lengths are still transmitted.
        while (hl < 2) {
            int s = maxCode < 2 ? ++maxCode : 0;
            leaves[hl] = s;
            hp[++hl] = (1L << FREQ_SHIFT) | s;
            freq[s] = 1;
            optLen--;
            staticLen -= t.nodeStatic[s] - t.nodeExtra[s];
        }
        if (leaves[0] > leaves[1]) { // only after padding with symbol 0; keep leaves ascending
            int x = leaves[0];
            leaves[0] = leaves[1];
            leaves[1] = x;
        }
        t.leafCount = hl;
        t.maxCode = maxCode;

        heapLen = hl;
        hp[hl + 1] = SENTINEL;
        for (int k = hl / 2; k >= 1; k--) {
            siftDown(k);
        }
        // Repeatedly merge the two lightest nodes into node elems + k (k = 0, 1, ...). The removed
        // nodes are stacked from the end: merge k's two children sit at HEAP_SIZE-1-2k and
        // HEAP_SIZE-2-2k, and the whole stack read forwards lists parents before children.
        final int[] order = removed;
        int top = HEAP_SIZE;
        int node = t.elems;
        do {
            long a = hp[1];
            int last = heapLen--;
            hp[1] = hp[last];
            hp[last] = SENTINEL;
            siftDown(1);
            long b = hp[1];
            int na = (int) a & NODE_MASK;
            int nb = (int) b & NODE_MASK;
            order[--top] = na;
            order[--top] = nb;
            long f = (a >>> FREQ_SHIFT) + (b >>> FREQ_SHIFT);
            int da = (int) (a >>> NODE_BITS) & 0xff;
            int db = (int) (b >>> NODE_BITS) & 0xff;
            int d = (Math.max(da, db) + 1) & 0xff;
            hp[1] = (f << FREQ_SHIFT) | ((long) d << NODE_BITS) | node;
            node++;
            siftDown(1);
        } while (heapLen >= 2);
        // hp[1] is now the root, node elems + leafCount - 2.

        assignLengths(t);
    }

    /** Code lengths from tree depths, clamped to the tree's maximum with zlib's redistribution. */
    private void assignLengths(Tree t) {
        final int[] order = removed;
        final int[] count = blCount;
        final int[] len = t.len;
        final int[] freq = t.freq;
        final int maxLength = t.maxLength;
        final int maxCode = t.maxCode;
        final int elems = t.elems;
        int k = t.leafCount - 2; // the last merge made the root
        len[elems + k] = 0;
        int overflow = 0;
        // Latest merge first, so a node's length is known before its children get theirs. Both
        // children of a merge are one deeper than it, capped at maxLength (zlib counts every
        // capped node, leaf or not).
        for (int at = HEAP_SIZE - 2 - 2 * k; k >= 0; k--, at += 2) {
            int bits = len[elems + k] + 1;
            int over = (maxLength - bits) >>> 31;
            bits -= over;
            overflow += over << 1;
            len[order[at + 1]] = bits;
            len[order[at]] = bits;
        }
        // Per-length counts and both costs, over the leaves only.
        Arrays.fill(count, 0);
        final int[] leaves = t.leaves;
        final int[] nodeStatic = t.nodeStatic;
        final int[] nodeExtra = t.nodeExtra;
        long opt = 0;
        long fixed = 0;
        for (int i = 0, n = t.leafCount; i < n; i++) {
            int s = leaves[i];
            int l = len[s];
            long f = freq[s];
            count[l]++;
            opt += f * (l + nodeExtra[s]);
            fixed += f * nodeStatic[s];
        }
        optLen += opt;
        staticLen += fixed;
        if (overflow == 0) {
            return;
        }
        // Reached by the code-length tree (7-bit limit) and, for the literal/length and distance
        // trees, only by inputs far beyond MAX_INPUT (see the class comment).
        // Too-deep leaves were clamped; fix the counts so the code stays complete: each step moves
        // a leaf from the deepest non-full level below the limit down one level, making room.
        do {
            int bits = maxLength - 1;
            while (count[bits] == 0) {
                bits--;
            }
            count[bits]--;
            count[bits + 1] += 2;
            count[maxLength]--;
            overflow -= 2;
        } while (overflow > 0);
        // Hand the corrected lengths out again, longest to the leaves removed first (lightest).
        int h = HEAP_SIZE;
        for (int bits = maxLength; bits != 0; bits--) {
            int c = count[bits];
            while (c != 0) {
                int s = order[--h];
                if (s > maxCode) {
                    continue;
                }
                if (len[s] != bits) {
                    optLen += ((long) bits - len[s]) * freq[s];
                    len[s] = bits;
                }
                c--;
            }
        }
    }

    /** Canonical Huffman codes (RFC 1951 3.2.2) from the tree's lengths, stored bit-reversed for LSB-first output. */
    private void assignCodes(Tree t) {
        final int[] count = blCount;
        final int[] next = nextCode;
        final int[] leaves = t.leaves;
        final int[] len = t.len;
        final int[] code = t.code;
        Arrays.fill(count, 0);
        for (int i = 0, k = t.leafCount; i < k; i++) {
            count[len[leaves[i]]]++;
        }
        int c = 0;
        count[0] = 0;
        for (int bits = 1; bits <= MAX_BITS; bits++) {
            c = (c + count[bits - 1]) << 1;
            next[bits] = c;
        }
        for (int i = 0, k = t.leafCount; i < k; i++) {
            int s = leaves[i];
            int l = len[s];
            code[s] = Integer.reverse(next[l]++) >>> (32 - l);
        }
    }

    /** Counts the code-length symbols both trees will need, builds their tree, returns the last sent index. */
    private int buildBlTree() {
        walkLengths(lTree, false);
        walkLengths(dTree, false);
        final int[] f = blTree.freq;
        long used = 0;
        for (int s = 0; s < BL_CODES; s++) {
            used |= (long) (-f[s] >>> 31) << s;
        }
        blTree.used[0] = used;
        Arrays.fill(blTree.len, 0, BL_CODES, 0); // unused entries are sent as 0
        buildTree(blTree);
        final int[] blLen = blTree.len;
        int maxBlIndex;
        for (maxBlIndex = BL_CODES - 1; maxBlIndex >= 3; maxBlIndex--) {
            if (blLen[BL_ORDER[maxBlIndex]] != 0) {
                break;
            }
        }
        // Plus the 3-bit lengths of the sent code-length codes and the HLIT/HDIST/HCLEN fields.
        optLen += 3L * (maxBlIndex + 1) + 5 + 5 + 4;
        return maxBlIndex;
    }

    private void sendTree(Tree t) {
        walkLengths(t, true);
    }

    /*
     * Run-length coding of a tree's code lengths 0..maxCode in zlib's style, walked one maximal
     * run at a time (a zero run is a gap between used symbols). A zero run goes out in pieces of
     * 138 as code 18, then a remainder of 11..137 as 18, 3..10 as 17, or 1..2 as plain zeros. A
     * run of a nonzero length sends the length itself, then code 16 for the next 3..6 if the first
     * piece (at most 7) has at least 4; further pieces of at most 6 are all code 16 when 3 or
     * more, else plain lengths. With send false it only counts symbols into the code-length
     * tree; with send true it writes them. Both walks are the same.
     */
    private void walkLengths(Tree t, boolean send) {
        final int[] len = t.len;
        final int[] leaves = t.leaves;
        final int k = t.leafCount;
        int expect = 0; // next symbol index not yet covered
        int i = 0;
        while (i < k) {
            int s = leaves[i];
            if (s > expect) {
                zeroRun(s - expect, send);
            }
            int v = len[s];
            int j = i + 1;
            while (j < k && leaves[j] == leaves[j - 1] + 1 && len[leaves[j]] == v) {
                j++;
            }
            lengthRun(v, j - i, send);
            expect = leaves[j - 1] + 1;
            i = j;
        }
    }

    private void zeroRun(int r, boolean send) {
        while (r >= 138) {
            blSymbol(REPZ_11_138, 138 - 11, send);
            r -= 138;
        }
        if (r >= 11) {
            blSymbol(REPZ_11_138, r - 11, send);
        } else if (r >= 3) {
            blSymbol(REPZ_3_10, r - 3, send);
        } else {
            for (; r > 0; r--) {
                blSymbol(0, 0, send);
            }
        }
    }

    private void lengthRun(int v, int r, boolean send) {
        int first = Math.min(r, 7);
        if (first < 4) {
            for (int q = 0; q < first; q++) {
                blSymbol(v, 0, send);
            }
        } else {
            blSymbol(v, 0, send);
            blSymbol(REP_3_6, first - 1 - 3, send);
        }
        r -= first;
        while (r >= 6) {
            blSymbol(REP_3_6, 6 - 3, send);
            r -= 6;
        }
        if (r >= 3) {
            blSymbol(REP_3_6, r - 3, send);
        } else {
            for (; r > 0; r--) {
                blSymbol(v, 0, send);
            }
        }
    }

    /** One code-length symbol with its repeat count bits (if any): counted or written. */
    private void blSymbol(int sym, int extra, boolean send) {
        if (!send) {
            blTree.freq[sym]++;
            return;
        }
        int l = blTree.len[sym];
        putBits(blTree.code[sym] | (long) extra << l, l + BL_NODE_EXTRA[sym]);
    }

    // ------------------------------------------------------------------------------------
    // Output
    // ------------------------------------------------------------------------------------

    /**
     * The recorded symbols and the end of block in the given codes. The bit state lives in
     * locals for the loop (as in putBits: fewer than 8 bits pending, 8 bytes stored per symbol,
     * advancing by the whole bytes completed), so that it stays in registers.
     */
    private void writeSymbols(int[] lc, int[] ll, int[] dc, int[] dl) {
        final int[] s = syms;
        final byte[] b = buf;
        long bb = bitBuf;
        int bc = bitCount;
        int o = op;
        for (int i = 0, cnt = symCount; i < cnt; i++) {
            int v = s[i];
            int dist = v >>> 8;
            long bits;
            int nb;
            if (dist == 0) {
                bits = lc[v];
                nb = ll[v];
            } else {
                // Length code, its extra bits, distance code, its extra bits: at most 48 bits,
                // sent as one write.
                int l = v & 0xff;
                int code = LENGTH_CODE[l];
                int sym = code + END_BLOCK + 1;
                bits = lc[sym];
                nb = ll[sym];
                bits |= (long) (l - LENGTH_BASE[code]) << nb;
                nb += EXTRA_L_BITS[code];
                int d = dist - 1;
                int dcode = distCode(d);
                bits |= (long) dc[dcode] << nb;
                nb += dl[dcode];
                bits |= (long) (d - DIST_BASE[dcode]) << nb;
                nb += EXTRA_D_BITS[dcode];
            }
            bb |= bits << bc;
            bc += nb;
            LONGS.set(b, o, bb);
            int whole = bc >>> 3;
            o += whole;
            bb >>>= whole << 3;
            bc &= 7;
        }
        bitBuf = bb;
        bitCount = bc;
        op = o;
        putBits(lc[END_BLOCK], ll[END_BLOCK]);
    }

    /**
     * Appends the low n bits of value (n <= 48), least significant bit first. Fewer than 8 bits
     * are ever pending, so every call stores 8 bytes (the slack in buf absorbs the excess) and
     * advances by the whole bytes completed: no branch on the buffer state.
     */
    private void putBits(long value, int n) {
        long b = bitBuf | (value << bitCount);
        int c = bitCount + n;
        LONGS.set(buf, op, b);
        int whole = c >>> 3;
        op += whole;
        bitBuf = b >>> (whole << 3);
        bitCount = c & 7;
    }

    static int adler32(byte[] b, int n) {
        int a = 1;
        int s = 0;
        int i = 0;
        while (i < n) {
            // 5552 is the longest run before s can overflow 32 bits.
            int end = Math.min(n, i + 5552);
            for (; i + 8 <= end; i += 8) {
                // Eight steps at once: s gains a eight times and each byte once per step after it.
                int b0 = b[i] & 0xff;
                int b1 = b[i + 1] & 0xff;
                int b2 = b[i + 2] & 0xff;
                int b3 = b[i + 3] & 0xff;
                int b4 = b[i + 4] & 0xff;
                int b5 = b[i + 5] & 0xff;
                int b6 = b[i + 6] & 0xff;
                int b7 = b[i + 7] & 0xff;
                s += (a << 3) + 8 * b0 + 7 * b1 + 6 * b2 + 5 * b3 + 4 * b4 + 3 * b5 + 2 * b6 + b7;
                a += b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7;
            }
            for (; i < end; i++) {
                a += b[i] & 0xff;
                s += a;
            }
            a %= 65521;
            s = Integer.remainderUnsigned(s, 65521); // s may pass 2^31 but not 2^32
        }
        return (s << 16) | a;
    }
}
