package grad.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterStoreTest {
    private static Map<String, ParameterStore.Shaped> named(Value... leaves) {
        Map<String, ParameterStore.Shaped> m = new LinkedHashMap<>();
        m.put("weight", new ParameterStore.Shaped(new int[] {1, 2}, List.of(leaves[0], leaves[1])));
        m.put("bias", new ParameterStore.Shaped(new int[] {1}, List.of(leaves[2])));
        return m;
    }

    @Test
    void leavesBecomeViewsOfTheirSlots() {
        Value w0 = Value.of(3), w1 = Value.of(-2), b = Value.of(0.5);
        ParameterStore store = ParameterStore.of(named(w0, w1, b));
        assertArrayEquals(new double[] {3, -2, 0.5}, store.data());
        // y = w0·x0 + w1·x1 + b at x = (2, 5): dy/dw0 = 2, dy/dw1 = 5, dy/db = 1, accumulated twice
        Value y = w0.mul(Value.of(2)).add(w1.mul(Value.of(5))).add(b);
        assertEquals(6 - 10 + 0.5, y.data());
        y.backward();
        y.backward();
        assertArrayEquals(new double[] {4, 10, 2}, store.grad());
        store.data()[1] = 7;   // an optimizer writing the array is seen by the Value
        assertEquals(7, w1.data());
        w0.setData(-1);
        assertEquals(-1, store.data()[0]);
        store.zeroGrad();
        assertEquals(0, b.grad());
    }

    @Test
    void stateDictRoundTripsByName() {
        ParameterStore store = ParameterStore.of(named(Value.of(1), Value.of(2), Value.of(3)));
        Map<String, double[]> state = store.stateDict();
        assertArrayEquals(new double[] {1, 2}, state.get("weight"));
        assertEquals(List.of("weight", "bias"), List.copyOf(state.keySet()));
        state.put("bias", new double[] {9});
        store.loadStateDict(state);
        assertEquals(9, store.values().get(2).data());
        assertEquals("bias", store.groupOf(2).name());
        state.put("weight", new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.loadStateDict(state));
        assertEquals("parameter weight needs 2 values, got 1", e.getMessage());
    }

    @Test
    void aLeafBelongsToOneStoreAndShapesMustMatch() {
        Value w = Value.of(1);
        ParameterStore.of(Map.of("w", new ParameterStore.Shaped(new int[] {1}, List.of(w))));
        assertThrows(IllegalStateException.class,
                () -> ParameterStore.of(Map.of("w", new ParameterStore.Shaped(new int[] {1}, List.of(w)))));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterStore.of(Map.of("w", new ParameterStore.Shaped(new int[] {2}, List.of(Value.of(1))))));
    }
}
