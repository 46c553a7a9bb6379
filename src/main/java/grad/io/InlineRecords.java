package grad.io;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets a record group the fields of a flat JSON object into records of its own: the components of a
 * component marked {@link Inline} are read and written as fields of the enclosing object, in its place,
 * so that the JSON is the same as if they were the enclosing record's own components. One level deep; the
 * components of a record with an inlined component must not be primitives (a missing field reads as
 * {@code null}). A component's {@link JsonAdapter} (a {@link TypeAdapter} class) is honoured. Everything else
 * is as Gson binds records. An inlined record that is null writes its fields
 * as nulls, which a writer that does not serialize nulls leaves out. The model file and the metrics file
 * use it.
 */
public final class InlineRecords implements TypeAdapterFactory {

    /** Marks a record component, itself a record, whose components are fields of the enclosing JSON object. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Inline {
    }

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!raw.isRecord() || Arrays.stream(raw.getRecordComponents()).noneMatch(c -> c.isAnnotationPresent(Inline.class))) {
            return null;
        }
        return new Adapter<T>(gson, raw).nullSafe();
    }

    /** A record's components, their JSON names and adapters, and its canonical constructor. */
    private static final class Shape {
        private final RecordComponent[] components;
        private final String[] names;
        private final List<TypeAdapter<Object>> adapters = new ArrayList<>();
        private final Constructor<?> constructor;

        @SuppressWarnings("unchecked")
        Shape(Gson gson, Class<?> type) {
            components = type.getRecordComponents();
            names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    RecordComponent c = components[i];
                    if (c.getType().isPrimitive()) {
                        throw new IllegalArgumentException(type + ": " + c.getName() + " is a primitive");
                    }
                    Field field = type.getDeclaredField(c.getName());
                    names[i] = gson.fieldNamingStrategy().translateName(field);
                    adapters.add(adapter(gson, field, c));
                    types[i] = c.getType();
                    c.getAccessor().setAccessible(true);
                }
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type + " cannot be bound", e);
            }
        }

        /** The component's own {@link JsonAdapter}, else Gson's adapter of its type. */
        @SuppressWarnings("unchecked")
        private static TypeAdapter<Object> adapter(Gson gson, Field field, RecordComponent c)
                throws ReflectiveOperationException {
            JsonAdapter own = field.getAnnotation(JsonAdapter.class);
            if (own == null) {
                return (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(c.getGenericType()));
            }
            Constructor<?> make = own.value().getDeclaredConstructor();
            make.setAccessible(true);
            return (TypeAdapter<Object>) make.newInstance();
        }

        int size() {
            return components.length;
        }

        boolean inlines(int i) {
            return components[i].isAnnotationPresent(Inline.class);
        }

        Object get(Object record, int i) {
            try {
                return record == null ? null : components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        Object create(Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new JsonParseException("cannot create " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }

        void write(JsonWriter out, int i, Object value) throws IOException {
            out.name(names[i]);
            adapters.get(i).write(out, value);
        }

        Object read(JsonReader in, int i) throws IOException {
            return adapters.get(i).read(in);
        }
    }

    private static final class Adapter<T> extends TypeAdapter<T> {
        private final Shape outer;
        /** Per component of {@code outer}, the shape of the record inlined there, or null. */
        private final Shape[] inlined;
        /** A JSON name → its component of {@code outer}, and its component of the inlined record or -1. */
        private final Map<String, int[]> slots = new HashMap<>();

        Adapter(Gson gson, Class<?> type) {
            outer = new Shape(gson, type);
            inlined = new Shape[outer.size()];
            for (int i = 0; i < outer.size(); i++) {
                if (outer.inlines(i)) {
                    inlined[i] = new Shape(gson, outer.components[i].getType());
                    for (int j = 0; j < inlined[i].size(); j++) {
                        slot(inlined[i].names[j], i, j);
                    }
                } else {
                    slot(outer.names[i], i, -1);
                }
            }
        }

        private void slot(String name, int component, int inner) {
            if (slots.put(name, new int[] {component, inner}) != null) {
                throw new IllegalArgumentException("two fields named " + name);
            }
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            out.beginObject();
            for (int i = 0; i < outer.size(); i++) {
                Object v = outer.get(value, i);
                if (inlined[i] == null) {
                    outer.write(out, i, v);
                    continue;
                }
                for (int j = 0; j < inlined[i].size(); j++) {
                    inlined[i].write(out, j, inlined[i].get(v, j));
                }
            }
            out.endObject();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T read(JsonReader in) throws IOException {
            Object[] values = new Object[outer.size()];
            Object[][] parts = new Object[outer.size()][];
            for (int i = 0; i < outer.size(); i++) {
                parts[i] = inlined[i] == null ? null : new Object[inlined[i].size()];
            }
            try {
                in.beginObject();
                while (in.hasNext()) {
                    int[] slot = slots.get(in.nextName());
                    if (slot == null) {
                        in.skipValue();
                    } else if (slot[1] < 0) {
                        values[slot[0]] = outer.read(in, slot[0]);
                    } else {
                        parts[slot[0]][slot[1]] = inlined[slot[0]].read(in, slot[1]);
                    }
                }
                in.endObject();
            } catch (IllegalStateException e) {
                throw new JsonSyntaxException(e);
            }
            for (int i = 0; i < outer.size(); i++) {
                if (inlined[i] != null) {
                    values[i] = inlined[i].create(parts[i]);
                }
            }
            return (T) outer.create(values);
        }
    }
}
