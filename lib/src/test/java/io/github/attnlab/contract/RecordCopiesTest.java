package io.github.attnlab.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Every public record of the library is immutable: the arrays and collections it is built from are copied in (so
 * changing them later does not change the record), and the ones it hands out are copies or unmodifiable views (so
 * changing them does not change it either). Records are found by reflection over the compiled library, so a new
 * record is checked without being listed here; one whose components cannot be sampled fails until
 * {@link Samples} knows how.
 */
class RecordCopiesTest {

    @Test
    void everyPublicRecordCopiesItsArraysAndCollectionsInAndOut() throws Exception {
        List<String> problems = new ArrayList<>();
        int records = 0;
        int checked = 0;
        for (Class<?> c : Samples.publicClasses()) {
            if (!c.isRecord()) {
                continue;
            }
            records++;
            RecordComponent[] rc = c.getRecordComponents();
            boolean mutable = Arrays.stream(rc).anyMatch(r -> mutableType(r.getType()));
            if (!mutable) {
                continue;
            }
            Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            Object[] args = Samples.recordArguments(c);
            Object record;
            try {
                record = ctor.newInstance(args);
            } catch (InvocationTargetException | IllegalArgumentException e) {
                Throwable why = e instanceof InvocationTargetException ? e.getCause() : e;
                problems.add(c.getName() + ": cannot build a sample (" + why + "); teach Samples");
                continue;
            }
            checked++;
            for (int i = 0; i < rc.length; i++) {
                if (!mutableType(rc[i].getType())) {
                    continue;
                }
                String where = c.getSimpleName() + "." + rc[i].getName();
                Object before = deepCopy(rc[i].getAccessor().invoke(record));
                mutate(args[i], 99);
                if (!deepEquals(before, rc[i].getAccessor().invoke(record))) {
                    problems.add(where + ": the record changed when the array/collection it was built from changed");
                }
                Object current = deepCopy(rc[i].getAccessor().invoke(record));
                Object out = rc[i].getAccessor().invoke(record);
                try {
                    mutate(out, 42);
                } catch (UnsupportedOperationException unmodifiable) {
                    continue;
                }
                if (!deepEquals(current, rc[i].getAccessor().invoke(record))) {
                    problems.add(where + ": the record changed when the value its accessor returned changed");
                }
            }
        }
        assertTrue(records > 40, "found only " + records + " public records");
        assertTrue(checked > 20, "checked only " + checked + " records");
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }

    @Test
    void tensorsCopyTheirArraysInAndOut() {
        int[] shape = {1, 2};
        float[] data = {1, 2};
        io.github.attnlab.model.io.Tensor t = io.github.attnlab.model.io.Tensor.of("t", shape, data);
        shape[1] = 5;
        data[0] = 9;
        t.shape()[0] = 3;
        t.data()[1] = 9;
        assertTrue(t.hasShape(1, 2) && t.data()[0] == 1 && t.data()[1] == 2, "the tensor changed");
    }

    private static boolean mutableType(Class<?> t) {
        return t.isArray() || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
    }

    /** Changes every element (recursively for nested arrays), or the collection itself. */
    @SuppressWarnings("unchecked")
    private static void mutate(Object x, double value) {
        if (x == null) {
            return;
        }
        if (x.getClass().isArray()) {
            Class<?> e = x.getClass().getComponentType();
            for (int i = 0; i < Array.getLength(x); i++) {
                if (e.isArray()) {
                    mutate(Array.get(x, i), value);
                } else if (e == double.class) {
                    Array.setDouble(x, i, value);
                } else if (e == float.class) {
                    Array.setFloat(x, i, (float) value);
                } else if (e == int.class) {
                    Array.setInt(x, i, (int) value);
                } else if (e == long.class) {
                    Array.setLong(x, i, (long) value);
                } else if (e == boolean.class) {
                    Array.setBoolean(x, i, !Array.getBoolean(x, i));
                } else {
                    Array.set(x, i, null);
                }
            }
        } else if (x instanceof List) {
            ((List<Object>) x).clear();
        } else if (x instanceof Collection) {
            ((Collection<Object>) x).clear();
        } else if (x instanceof Map) {
            Map<Object, Object> m = (Map<Object, Object>) x;
            for (Map.Entry<Object, Object> en : m.entrySet()) {
                mutate(en.getValue(), value);
            }
            m.clear();
        }
    }

    private static Object deepCopy(Object x) {
        if (x == null) {
            return null;
        }
        if (x.getClass().isArray()) {
            int n = Array.getLength(x);
            Object c = Array.newInstance(x.getClass().getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Array.set(c, i, deepCopy(Array.get(x, i)));
            }
            return c;
        }
        if (x instanceof List) {
            List<Object> c = new ArrayList<>();
            for (Object o : (List<?>) x) {
                c.add(deepCopy(o));
            }
            return c;
        }
        if (x instanceof Map) {
            Map<Object, Object> c = new java.util.LinkedHashMap<>();
            ((Map<?, ?>) x).forEach((k, v) -> c.put(k, deepCopy(v)));
            return c;
        }
        return x;
    }

    private static boolean deepEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass().isArray() && b.getClass().isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!deepEquals(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Object k : x.keySet()) {
                if (!deepEquals(x.get(k), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
