package io.countersign.codec;

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
 * <p>Instances are not thread-safe: use one instance per thread.
 */
public final class Level6Deflater {

    /** Max input this compressor handles; larger input must use java.util.zip.Deflater. */
    public static final int MAX_INPUT = 8192;

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
    private static final int[] EXTRA_BL_BITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7};

    /** Length code index (0..28, symbol minus 257) for match length minus 3. */
    private static final byte[] LENGTH_CODE = new byte[256];
    private static final int[] LENGTH_BASE = new int[29];   // minus 3
    private static final int[] EXTRA_L_BITS = new int[29];
    private static final int[] DIST_BASE = new int[D_CODES]; // minus 1
    private static final int[] EXTRA_D_BITS = new int[D_CODES];
    /*
     * Per-node cost tables for the three trees, indexed by node number (leaves and internal
     * nodes; internal entries stay 0): extra bits, and fixed-code length plus extra bits.
     */
    private static final int[] L_NODE_EXTRA = new int[HEAP_SIZE];
    private static final int[] L_NODE_STATIC = new int[HEAP_SIZE];
    private static final int[] D_NODE_EXTRA = new int[2 * D_CODES + 1];
    private static final int[] D_NODE_STATIC = new int[2 * D_CODES + 1];
    private static final int[] BL_NODE_EXTRA = new int[2 * BL_CODES + 1];
    private static final int[] BL_NODE_STATIC = new int[2 * BL_CODES + 1];

    /** Fixed Huffman code (RFC 1951 3.2.6): lengths and bit-reversed codes. */
    private static final int[] STATIC_L_LEN = new int[288];
    private static final int[] STATIC_L_CODE = new int[288];
    private static final int[] STATIC_D_LEN = new int[D_CODES];
    private static final int[] STATIC_D_CODE = new int[D_CODES];

    static {
        for (int code = 0; code < 29; code++) {
            if (code < 8) {
                LENGTH_BASE[code] = code;
                EXTRA_L_BITS[code] = 0;
            } else if (code < 28) {
                int e = (code >> 2) - 1;
                EXTRA_L_BITS[code] = e;
                LENGTH_BASE[code] = (4 + (code & 3)) << e;
            } else {
                LENGTH_BASE[code] = 255;      // length 258 has its own symbol (285)
                EXTRA_L_BITS[code] = 0;
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
                EXTRA_D_BITS[code] = 0;
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
        for (int n = 0; n < L_CODES; n++) {
            L_NODE_EXTRA[n] = n > END_BLOCK ? EXTRA_L_BITS[n - END_BLOCK - 1] : 0;
            L_NODE_STATIC[n] = STATIC_L_LEN[n] + L_NODE_EXTRA[n];
        }
        for (int n = 0; n < D_CODES; n++) {
            D_NODE_EXTRA[n] = EXTRA_D_BITS[n];
            D_NODE_STATIC[n] = 5 + EXTRA_D_BITS[n];
        }
        System.arraycopy(EXTRA_BL_BITS, 0, BL_NODE_EXTRA, 0, BL_CODES);
        int[] next = new int[MAX_BITS + 1];
        canonicalCodes(STATIC_L_LEN, STATIC_L_CODE, 287, lengthCounts(STATIC_L_LEN), next);
        canonicalCodes(STATIC_D_LEN, STATIC_D_CODE, D_CODES - 1, lengthCounts(STATIC_D_LEN), next);
    }

    private static int[] lengthCounts(int[] len) {
        int[] count = new int[MAX_BITS + 1];
        for (int l : len) {
            count[l]++;
        }
        count[0] = 0;
        return count;
    }

    /** Distance code for a distance minus 1. */
    private static int distCode(int d) {
        if (d < 4) {
            return d;
        }
        int top = 31 - Integer.numberOfLeadingZeros(d);
        return (top << 1) + ((d >>> (top - 1)) & 1);
    }

    // ---- per-call state (all preallocated) ----
    private final byte[] window = new byte[MAX_INPUT];
    /** Hash heads: {@code base + position}; anything below {@code base} is from an older call. */
    private final int[] head = new int[HASH_SIZE];
    /** Previous position with the same hash, 0 meaning none (position 0 is never a match source). */
    private final int[] prev = new int[MAX_INPUT];
    private int base = 1;
    /** Recorded symbols: literal byte, or (distance << 8 | length - 3) with distance >= 1. */
    private final int[] syms = new int[MAX_INPUT];
    private int symCount;
    private int matchStart;

    // Huffman trees: node arrays are sized for leaves plus internal nodes.
    private final int[] lFreq = new int[HEAP_SIZE];
    private final int[] lLen = new int[HEAP_SIZE];
    private final int[] lCode = new int[L_CODES];
    private final int[] dFreq = new int[2 * D_CODES + 1];
    private final int[] dLen = new int[2 * D_CODES + 1];
    private final int[] dCode = new int[D_CODES];
    private final int[] blFreq = new int[2 * BL_CODES + 1];
    private final int[] blLen = new int[2 * BL_CODES + 1];
    private final int[] blCode = new int[BL_CODES];
    private final long[] heap = new long[HEAP_SIZE + 1];
    /** Nodes in the order the tree build took them off the heap, filled from the end. */
    private final int[] removed = new int[HEAP_SIZE];
    private final int[] dad = new int[HEAP_SIZE];
    private final int[] blCount = new int[MAX_BITS + 1];
    private final int[] nextCode = new int[MAX_BITS + 1];
    private int heapLen;
    private int heapMax;
    /** Bit cost of the block with the dynamic trees, and with the fixed trees. */
    private long optLen;
    private long staticLen;

    // ---- bit output ----
    private byte[] out;
    private int op;
    private long bitBuf;
    private int bitCount;

    public Level6Deflater() {
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
        if (len > MAX_INPUT) {
            throw new IllegalArgumentException("input of " + len + " bytes exceeds MAX_INPUT " + MAX_INPUT);
        }
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.checkIndex(outOff, out.length + 1);

        final int n = len;
        System.arraycopy(in, off, window, 0, n);
        // New generation of hash heads; on wrap-around clear once and start over.
        if (base > Integer.MAX_VALUE - MAX_INPUT - 1) {
            Arrays.fill(head, 0);
            base = 1;
        }
        final int gen = base;
        base += n + 1;

        Arrays.fill(lFreq, 0, L_CODES, 0);
        Arrays.fill(dFreq, 0, D_CODES, 0);
        Arrays.fill(blFreq, 0, BL_CODES, 0);
        lFreq[END_BLOCK] = 1;
        symCount = 0;
        parse(n, gen);

        // Build both trees and price the block three ways.
        optLen = 0;
        staticLen = 0;
        int lMax = buildTree(lFreq, lLen, lCode, L_CODES, L_NODE_STATIC, L_NODE_EXTRA, MAX_BITS);
        int dMax = buildTree(dFreq, dLen, dCode, D_CODES, D_NODE_STATIC, D_NODE_EXTRA, MAX_BITS);
        int maxBlIndex = buildBlTree(lMax, dMax);
        // Sizes in bytes of the block including its 3-bit header, rounded up.
        long optBytes = (optLen + 3 + 7) >>> 3;
        long staticBytes = (staticLen + 3 + 7) >>> 3;
        if (staticBytes <= optBytes) {
            optBytes = staticBytes;
        }
        final int kind; // 0 stored, 1 fixed, 2 dynamic
        final long blockBytes;
        if (n + 4 <= optBytes) {
            kind = 0;
            blockBytes = n + 5L;
        } else if (staticBytes == optBytes) {
            kind = 1;
            blockBytes = staticBytes;
        } else {
            kind = 2;
            blockBytes = optBytes;
        }
        final int total = (int) (2 + blockBytes + 4);
        if (outOff > out.length - total) {
            throw new IndexOutOfBoundsException("output needs " + total + " bytes at offset " + outOff
                    + " but array length is " + out.length);
        }

        this.out = out;
        op = outOff;
        bitBuf = 0;
        bitCount = 0;
        out[op++] = 0x78; // CM 8, 32K window
        out[op++] = (byte) 0x9C; // default level, no dictionary, check bits
        if (kind == 0) {
            putBits(1, 3); // final, stored
            flushBits();
            out[op++] = (byte) n;
            out[op++] = (byte) (n >>> 8);
            out[op++] = (byte) ~n;
            out[op++] = (byte) (~n >>> 8);
            System.arraycopy(window, 0, out, op, n);
            op += n;
        } else if (kind == 1) {
            putBits(3, 3); // final, fixed Huffman
            writeSymbols(STATIC_L_CODE, STATIC_L_LEN, STATIC_D_CODE, STATIC_D_LEN);
            flushBits();
        } else {
            putBits(5, 3); // final, dynamic Huffman
            putBits(lMax + 1 - 257, 5);
            putBits(dMax + 1 - 1, 5);
            putBits(maxBlIndex + 1 - 4, 4);
            for (int r = 0; r <= maxBlIndex; r++) {
                putBits(blLen[BL_ORDER[r]], 3);
            }
            sendTree(lLen, lMax);
            sendTree(dLen, dMax);
            writeSymbols(lCode, lLen, dCode, dLen);
            flushBits();
        }
        int adler = adler32(window, n);
        out[op++] = (byte) (adler >>> 24);
        out[op++] = (byte) (adler >>> 16);
        out[op++] = (byte) (adler >>> 8);
        out[op++] = (byte) adler;
        this.out = null;
        int written = op - outOff;
        assert written == total : written + " != " + total;
        return written;
    }

    // ------------------------------------------------------------------------------------
    // LZ77 parse: lazy evaluation as zlib's level 4..9 compressor does it.
    // ------------------------------------------------------------------------------------

    /** Inserts the string at p into its hash chain and returns the previous chain head (0: none). */
    private int insert(int p, int gen) {
        final byte[] w = window;
        int h = (((w[p] & 0xff) << 10) ^ ((w[p + 1] & 0xff) << 5) ^ (w[p + 2] & 0xff)) & HASH_MASK;
        int v = head[h] - gen;
        int cand = v > 0 ? v : 0;
        prev[p] = cand;
        head[h] = gen + p;
        return cand;
    }

    private void parse(int n, int gen) {
        final byte[] w = window;
        final int lastInsert = n - MIN_MATCH; // last position that still has 3 bytes to hash
        int pos = 0;
        int matchLen = MIN_MATCH - 1;
        boolean pendingLiteral = false; // a literal (or match start) at pos-1 not yet emitted
        while (pos < n) {
            final int look = n - pos;
            int cand = 0;
            if (look >= MIN_MATCH) {
                cand = insert(pos, gen);
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
                    insert(p, gen);
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
        final int[] chainPrev = prev;
        int chain = best >= GOOD_LENGTH ? MAX_CHAIN >> 2 : MAX_CHAIN;
        final int nice = Math.min(NICE_LENGTH, look);
        final int limit = Math.min(MAX_MATCH, look);
        byte end1 = w[pos + best - 1];
        byte end0 = w[pos + best];
        final byte s0 = w[pos];
        final byte s1 = w[pos + 1];
        int cur = cand;
        do {
            // Cheap rejection: a longer match must agree at best and best-1, and at the start.
            if (w[cur + best] == end0 && w[cur + best - 1] == end1 && w[cur] == s0 && w[cur + 1] == s1) {
                int len = 2;
                while (len < limit && w[cur + len] == w[pos + len]) {
                    len++;
                }
                if (len > best) {
                    matchStart = cur;
                    best = len;
                    if (len >= nice) {
                        break;
                    }
                    end1 = w[pos + best - 1];
                    end0 = w[pos + best];
                }
            }
            cur = chainPrev[cur];
        } while (cur > 0 && --chain != 0);
        return best;
    }

    private void recordLiteral(int c) {
        syms[symCount++] = c;
        lFreq[c]++;
    }

    private void recordMatch(int dist, int length) {
        int lc = length - MIN_MATCH;
        syms[symCount++] = (dist << 8) | lc;
        lFreq[LENGTH_CODE[lc] + END_BLOCK + 1]++;
        dFreq[distCode(dist - 1)]++;
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
        final int len = heapLen;
        long v = hp[k];
        long vKey = v >>> NODE_BITS;
        int j = k << 1;
        while (j <= len) {
            long c = hp[j];
            long c1 = hp[j + 1];
            // Right child on a tie, as zlib's heap does; written as selects to avoid
            // unpredictable branches (frequencies tie a lot).
            boolean right = (c1 >>> NODE_BITS) <= (c >>> NODE_BITS);
            c = right ? c1 : c;
            j = right ? j + 1 : j;
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
     * Builds a length-limited Huffman code for freq[0..elems), writing len and code, adding the
     * dynamic cost to optLen and (if staticLens is given) the fixed-code cost to staticLen.
     * Returns the largest symbol with a nonzero code length.
     */
    private int buildTree(int[] freq, int[] len, int[] code, int elems, int[] nodeStatic,
                          int[] nodeExtra, int maxLength) {
        final long[] hp = heap;
        int maxCode = -1;
        int hl = 0;
        // Branch-free: every symbol is written at the next free slot, which only advances for
        // used symbols (which ones are used is data-dependent and mispredicts badly).
        for (int s = 0; s < elems; s++) {
            int f = freq[s];
            hp[hl + 1] = ((long) f << FREQ_SHIFT) | s;
            int used = -f >>> 31;
            hl += used;
            maxCode = used != 0 ? s : maxCode;
            len[s] = 0;
        }
        // A code needs two symbols; zlib pads with dummy symbols of weight 1 (symbol 0, or the
        // next ones up) whose cost it takes back out, but whose lengths are still transmitted.
        while (hl < 2) {
            int s = maxCode < 2 ? ++maxCode : 0;
            hp[++hl] = (1L << FREQ_SHIFT) | s;
            freq[s] = 1;
            optLen--;
            staticLen -= nodeStatic[s] - nodeExtra[s];
        }
        heapLen = hl;
        hp[hl + 1] = SENTINEL;
        int top = HEAP_SIZE;
        for (int k = hl / 2; k >= 1; k--) {
            siftDown(k);
        }
        // Repeatedly merge the two lightest nodes; removed nodes are stacked at the heap's top
        // end, so that walking it downwards visits parents before children.
        final int[] parent = dad;
        final int[] order = removed;
        int node = elems;
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
            parent[na] = node;
            parent[nb] = node;
            hp[1] = (f << FREQ_SHIFT) | ((long) d << NODE_BITS) | node;
            node++;
            siftDown(1);
        } while (heapLen >= 2);
        order[--top] = (int) hp[1] & NODE_MASK;
        heapMax = top;

        assignLengths(freq, len, maxCode, nodeStatic, nodeExtra, maxLength);
        canonicalCodes(len, code, maxCode, blCount, nextCode);
        return maxCode;
    }

    /** Code lengths from tree depths, clamped to maxLength with zlib's redistribution. */
    private void assignLengths(int[] freq, int[] len, int maxCode, int[] nodeStatic,
                               int[] nodeExtra, int maxLength) {
        final int[] hp = removed;
        final int[] count = blCount;
        final int[] parent = dad;
        Arrays.fill(count, 0);
        len[hp[heapMax]] = 0; // root
        int overflow = 0;
        long opt = 0;
        long fixed = 0;
        int h;
        // Parents come before children in this order. Leaves and internal nodes are mixed
        // unpredictably, so leafness is a 0/1 factor rather than a branch.
        for (h = heapMax + 1; h < HEAP_SIZE; h++) {
            int s = hp[h];
            int bits = len[parent[s]] + 1;
            int over = (maxLength - bits) >>> 31;
            bits -= over;
            overflow += over;
            len[s] = bits;
            int leaf = (maxCode - s) >>> 31 ^ 1;
            count[bits] += leaf;
            long f = (long) (freq[s] & -leaf);
            opt += f * (bits + nodeExtra[s]);
            fixed += f * nodeStatic[s];
        }
        optLen += opt;
        staticLen += fixed;
        if (overflow == 0) {
            return;
        }
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
        h = HEAP_SIZE;
        for (int bits = maxLength; bits != 0; bits--) {
            int c = count[bits];
            while (c != 0) {
                int s = hp[--h];
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

    /**
     * Canonical Huffman codes (RFC 1951 3.2.2), stored bit-reversed for LSB-first output.
     * count[b] is the number of symbols of length b (count[0] must be 0).
     */
    private static void canonicalCodes(int[] len, int[] code, int maxCode, int[] count, int[] next) {
        int c = 0;
        for (int bits = 1; bits <= MAX_BITS; bits++) {
            c = (c + count[bits - 1]) << 1;
            next[bits] = c;
        }
        // Unused symbols (length 0) also take a "code" from next[0]; it is never sent.
        for (int s = 0; s <= maxCode; s++) {
            int l = len[s];
            code[s] = Integer.reverse(next[l]++) >>> (32 - l);
        }
    }

    /** Counts the code-length symbols both trees will need, builds their tree, returns the last sent index. */
    private int buildBlTree(int lMax, int dMax) {
        scanTree(lLen, lMax);
        scanTree(dLen, dMax);
        buildTree(blFreq, blLen, blCode, BL_CODES, BL_NODE_STATIC, BL_NODE_EXTRA, MAX_BL_BITS);
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

    /*
     * Run-length coding of a tree's code lengths, in zlib's style: runs are cut at 7 (138 for
     * zeros); a run of a nonzero length sends the length once (unless it equals the previous
     * run's length) and then repeat code 16 for 3..6 more; zero runs use 17 (3..10) or 18
     * (11..138); shorter runs are sent as plain lengths. The lengths past maxCode do not take
     * part. scanTree counts, sendTree emits; the two walk identically.
     */

    private void scanTree(int[] len, int maxCode) {
        int prevLen = -1;
        int nextLen = len[0];
        int count = 0;
        int maxCount = nextLen == 0 ? 138 : 7;
        int minCount = nextLen == 0 ? 3 : 4;
        for (int s = 0; s <= maxCode; s++) {
            int curLen = nextLen;
            nextLen = s + 1 <= maxCode ? len[s + 1] : -1;
            if (++count < maxCount && curLen == nextLen) {
                continue;
            }
            if (count < minCount) {
                blFreq[curLen] += count;
            } else if (curLen != 0) {
                if (curLen != prevLen) {
                    blFreq[curLen]++;
                }
                blFreq[REP_3_6]++;
            } else if (count <= 10) {
                blFreq[REPZ_3_10]++;
            } else {
                blFreq[REPZ_11_138]++;
            }
            count = 0;
            prevLen = curLen;
            if (nextLen == 0) {
                maxCount = 138;
                minCount = 3;
            } else if (curLen == nextLen) {
                maxCount = 6;
                minCount = 3;
            } else {
                maxCount = 7;
                minCount = 4;
            }
        }
    }

    private void sendTree(int[] len, int maxCode) {
        int prevLen = -1;
        int nextLen = len[0];
        int count = 0;
        int maxCount = nextLen == 0 ? 138 : 7;
        int minCount = nextLen == 0 ? 3 : 4;
        for (int s = 0; s <= maxCode; s++) {
            int curLen = nextLen;
            nextLen = s + 1 <= maxCode ? len[s + 1] : -1;
            if (++count < maxCount && curLen == nextLen) {
                continue;
            }
            if (count < minCount) {
                do {
                    putBits(blCode[curLen], blLen[curLen]);
                } while (--count != 0);
            } else if (curLen != 0) {
                if (curLen != prevLen) {
                    putBits(blCode[curLen], blLen[curLen]);
                    count--;
                }
                putBits(blCode[REP_3_6], blLen[REP_3_6]);
                putBits(count - 3, 2);
            } else if (count <= 10) {
                putBits(blCode[REPZ_3_10], blLen[REPZ_3_10]);
                putBits(count - 3, 3);
            } else {
                putBits(blCode[REPZ_11_138], blLen[REPZ_11_138]);
                putBits(count - 11, 7);
            }
            count = 0;
            prevLen = curLen;
            if (nextLen == 0) {
                maxCount = 138;
                minCount = 3;
            } else if (curLen == nextLen) {
                maxCount = 6;
                minCount = 3;
            } else {
                maxCount = 7;
                minCount = 4;
            }
        }
    }

    // ------------------------------------------------------------------------------------
    // Output
    // ------------------------------------------------------------------------------------

    private void writeSymbols(int[] lc, int[] ll, int[] dc, int[] dl) {
        final int[] s = syms;
        for (int i = 0, cnt = symCount; i < cnt; i++) {
            int v = s[i];
            int dist = v >>> 8;
            if (dist == 0) {
                putBits(lc[v], ll[v]);
            } else {
                int l = v & 0xff;
                int code = LENGTH_CODE[l];
                int sym = code + END_BLOCK + 1;
                putBits(lc[sym], ll[sym]);
                int e = EXTRA_L_BITS[code];
                if (e != 0) {
                    putBits(l - LENGTH_BASE[code], e);
                }
                int d = dist - 1;
                int dcode = distCode(d);
                putBits(dc[dcode], dl[dcode]);
                e = EXTRA_D_BITS[dcode];
                if (e != 0) {
                    putBits(d - DIST_BASE[dcode], e);
                }
            }
        }
        putBits(lc[END_BLOCK], ll[END_BLOCK]);
    }

    /** Appends the low n bits of value (n <= 16), least significant bit first. */
    private void putBits(int value, int n) {
        bitBuf |= ((long) value) << bitCount;
        bitCount += n;
        if (bitCount >= 32) {
            final byte[] o = out;
            int p = op;
            long b = bitBuf;
            o[p] = (byte) b;
            o[p + 1] = (byte) (b >>> 8);
            o[p + 2] = (byte) (b >>> 16);
            o[p + 3] = (byte) (b >>> 24);
            op = p + 4;
            bitBuf = b >>> 32;
            bitCount -= 32;
        }
    }

    /** Writes out pending bits, padding the last byte with zeros. */
    private void flushBits() {
        while (bitCount > 0) {
            out[op++] = (byte) bitBuf;
            bitBuf >>>= 8;
            bitCount -= 8;
        }
        bitBuf = 0;
        bitCount = 0;
    }

    private static int adler32(byte[] b, int n) {
        int a = 1;
        int s = 0;
        int i = 0;
        while (i < n) {
            // 5552 is the longest run before s can overflow 32 bits.
            int end = Math.min(n, i + 5552);
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
