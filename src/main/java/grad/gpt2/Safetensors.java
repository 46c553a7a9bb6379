package grad.gpt2;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import grad.GradException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
 * shape and byte range, then the raw little-endian data. The header is checked when the file is opened
 * (every range inside the file, every byte count matching its shape and dtype); a tensor's data is read
 * only when asked for, in large chunks through a small direct buffer, so that loading a 500 MB file costs
 * the floats it becomes and no more.
 */
public final class Safetensors implements AutoCloseable {
    /** A header larger than this is not a safetensors header (the format's own limit is 100 MB). */
    private static final long MAX_HEADER = 100L << 20;
    private static final int CHUNK = 1 << 20;

    /** One tensor's entry in the header; {@code begin} is an absolute offset in the file. */
    public record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {
        /** The number of elements (the product of the shape). */
        public long size() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /** The dtypes of the format, with their sizes in bytes. */
    public enum Dtype {
        F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

        final int bytes;

        Dtype(int bytes) {
            this.bytes = bytes;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Entry> entries;
    /** One buffer for every read, so that loading leaves no direct memory behind for the collector. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    private Safetensors(Path file, FileChannel channel, Map<String, Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
    }

    /**
     * Opens {@code file} and checks its header.
     *
     * @throws GradException naming the file, when it is missing, truncated or its header is wrong
     */
    public static Safetensors open(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            Map<String, Entry> entries = header(file, channel);
            return new Safetensors(file, channel, entries);
        } catch (NoSuchFileException e) {
            throw new GradException("no such file: " + file);
        } catch (IOException e) {
            throw new GradException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Map<String, Entry> header(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw bad(file, "shorter than the 8-byte header length");
        }
        ByteBuffer length = readFully(channel, 0, 8);
        long headerLength = length.order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 0 || headerLength > MAX_HEADER || 8 + headerLength > fileSize) {
            throw bad(file, "header length " + Long.toUnsignedString(headerLength) + " goes past the end of the file ("
                    + fileSize + " bytes)");
        }
        ByteBuffer json = readFully(channel, 8, (int) headerLength);
        JsonObject root;
        try {
            root = JsonParser.parseString(StandardCharsets.UTF_8.decode(json).toString()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw bad(file, "its header is not a JSON object");
        }
        long dataStart = 8 + headerLength;
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (!e.getKey().equals("__metadata__")) {
                entries.put(e.getKey(), entry(file, e.getKey(), e.getValue(), dataStart, fileSize));
            }
        }
        return entries;
    }

    private static Entry entry(Path file, String name, JsonElement element, long dataStart, long fileSize) {
        try {
            JsonObject o = element.getAsJsonObject();
            String dtypeName = o.get("dtype").getAsString();
            Dtype dtype = Arrays.stream(Dtype.values()).filter(d -> d.name().equals(dtypeName)).findFirst()
                    .orElseThrow(() -> bad(file, "tensor " + name + " has an unknown dtype " + dtypeName));
            JsonArray dims = o.getAsJsonArray("shape");
            int[] shape = new int[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).getAsInt();
                if (shape[i] < 0) {
                    throw bad(file, "tensor " + name + " has a negative dimension");
                }
            }
            JsonArray offsets = o.getAsJsonArray("data_offsets");
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            Entry entry = new Entry(name, dtype, shape, dataStart + begin, dataStart + end);
            if (begin < 0 || end < begin || dataStart + end > fileSize) {
                throw bad(file, "tensor " + name + "'s bytes " + begin + ".." + end + " go past the end of the file");
            }
            if (entry.size() * dtype.bytes != end - begin) {
                throw bad(file, "tensor " + name + " has " + (end - begin) + " bytes but its shape "
                        + Arrays.toString(shape) + " of " + dtype + " needs " + entry.size() * dtype.bytes);
            }
            return entry;
        } catch (NullPointerException | IllegalStateException | UnsupportedOperationException
                 | IndexOutOfBoundsException | NumberFormatException e) {
            throw bad(file, "tensor " + name + " has no valid dtype, shape and data_offsets in the header");
        }
    }

    /** The tensors named in the header, in the header's order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The file this was opened from. */
    public Path file() {
        return file;
    }

    /**
     * The named tensor as floats (F32, F16, BF16 or F64 converted to float), row-major.
     *
     * @throws GradException when the tensor is missing, has another shape, or is not floating-point
     */
    public float[] floats(String name, int... shape) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new GradException(file + ": missing tensor " + name);
        }
        if (!Arrays.equals(e.shape(), shape)) {
            throw new GradException(file + ": tensor " + name + " has shape " + Arrays.toString(e.shape())
                    + " but the config needs " + Arrays.toString(shape));
        }
        if (e.dtype() != Dtype.F32 && e.dtype() != Dtype.F16 && e.dtype() != Dtype.BF16 && e.dtype() != Dtype.F64) {
            throw new GradException(file + ": tensor " + name + " is " + e.dtype() + ", not a floating-point dtype");
        }
        try {
            return read(e);
        } catch (IOException ex) {
            throw new GradException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    private float[] read(Entry e) throws IOException {
        if (e.size() > Integer.MAX_VALUE - 8) {
            throw new GradException(file + ": tensor " + e.name() + " is too large for one array");
        }
        float[] out = new float[(int) e.size()];
        int perChunk = CHUNK / e.dtype().bytes;
        for (int done = 0; done < out.length; ) {
            int n = Math.min(perChunk, out.length - done);
            buffer.clear().limit(n * e.dtype().bytes);
            fill(channel, buffer, e.begin() + (long) done * e.dtype().bytes);
            buffer.flip();
            convert(e.dtype(), buffer, out, done, n);
            done += n;
        }
        return out;
    }

    private static void convert(Dtype dtype, ByteBuffer in, float[] out, int offset, int n) {
        switch (dtype) {
            case F32 -> in.asFloatBuffer().get(out, offset, n);
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i] = (float) in.getDouble(8 * i);
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i] = Float.intBitsToFloat((in.getShort(2 * i) & 0xffff) << 16);
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i] = halfToFloat(in.getShort(2 * i));
                }
            }
            default -> throw new IllegalArgumentException(dtype.name());
        }
    }

    /** An IEEE 754 half-precision number as a float (exact: every half is a float). */
    static float halfToFloat(short half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;   // subnormal (or zero)
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        fill(channel, buffer, position);
        return buffer.flip();
    }

    private static void fill(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            at += n;
        }
    }

    private static GradException bad(Path file, String what) {
        return new GradException(file + " is not a valid safetensors file: " + what);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }
}
