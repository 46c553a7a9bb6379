package grad.gpt2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetensorsTest {
    @TempDir
    Path dir;

    /** A file with the given header and data, as the format lays them out. */
    private Path file(String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).put(data);
        Path f = dir.resolve("t.safetensors");
        Files.write(f, b.array());
        return f;
    }

    private static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    @Test
    void halfPrecisionBitsBecomeTheirFloats() throws IOException {
        // 1.0, -2.5, the smallest subnormal 2^-24, 65504 (the largest half), +infinity, 1/3 rounded to half
        Path f = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,12]}}",
                shorts(0x3C00, 0xC100, 0x0001, 0x7BFF, 0x7C00, 0x3555));
        try (Safetensors s = Safetensors.open(f)) {
            assertThat(s.floats("h", 2, 3)).containsExactly(1f, -2.5f, 0x1p-24f, 65504f, Float.POSITIVE_INFINITY,
                    0.333251953125f);
        }
    }

    @Test
    void bfloat16IsTheTopHalfOfAFloat() throws IOException {
        Path f = file("{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[0,6]}}",
                shorts(0x3F80, 0xC020, 0x3EAB));
        try (Safetensors s = Safetensors.open(f)) {
            assertThat(s.floats("b", 3)).containsExactly(1f, -2.5f, 0.333984375f);
        }
    }

    @Test
    void float32IsReadLittleEndianAcrossChunks() throws IOException {
        int n = (1 << 18) + 5;   // more than one 1 MiB chunk
        ByteBuffer data = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            data.putFloat(i * 0.5f);
        }
        Path f = file("{\"x\":{\"dtype\":\"F32\",\"shape\":[" + n + "],\"data_offsets\":[0," + 4 * n + "]}}", data.array());
        try (Safetensors s = Safetensors.open(f)) {
            float[] x = s.floats("x", n);
            assertThat(x[0]).isEqualTo(0f);
            assertThat(x[n - 1]).isEqualTo((n - 1) * 0.5f);
            assertThat(x[1 << 18]).isEqualTo((1 << 18) * 0.5f);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}|4|bytes 0..8 go past the end of the file",
        "{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}|8|has 8 bytes but its shape [3] of F32 needs 12",
        "{\"x\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}|2|unknown dtype F8_E4M3",
        "{\"x\":{\"dtype\":\"F32\",\"shape\":[2]}}|8|no valid dtype, shape and data_offsets",
        "[1, 2]|0|its header is not a JSON object",
    })
    void aBrokenHeaderIsOneLine(String header, int dataBytes, String message) throws IOException {
        Path f = file(header, new byte[dataBytes]);
        assertThatThrownBy(() -> Safetensors.open(f)).isInstanceOf(GradException.class)
                .hasMessageContaining(message).hasMessageStartingWith(f.toString());
    }

    @Test
    void aHeaderLengthPastTheEndIsCaught() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Files.write(f, ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        assertThatThrownBy(() -> Safetensors.open(f)).isInstanceOf(GradException.class)
                .hasMessageContaining("header length 1000 goes past the end of the file (12 bytes)");
    }

    @Test
    void aMissingTensorAWrongShapeAndAnIntegerDtypeAreNamed() throws IOException {
        Path f = file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"i\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[8,12]}}", new byte[12]);
        try (Safetensors s = Safetensors.open(f)) {
            assertThatThrownBy(() -> s.floats("y", 2)).hasMessageContaining("missing tensor y");
            assertThatThrownBy(() -> s.floats("x", 1, 2)).hasMessageContaining("tensor x has shape [2] but the config needs [1, 2]");
            assertThatThrownBy(() -> s.floats("i", 1)).hasMessageContaining("tensor i is I32, not a floating-point dtype");
        }
    }

    @Test
    void theTinyCheckpointListsHuggingFacesNames() {
        try (Safetensors s = Safetensors.open(Reference.tinyModel().resolve("model.safetensors"))) {
            assertThat(s.entries()).containsKeys("wte.weight", "wpe.weight", "h.1.attn.c_attn.weight", "ln_f.bias");
            assertThat(s.entries().get("h.0.attn.c_attn.weight").shape()).containsExactly(16, 48);
        }
    }
}
