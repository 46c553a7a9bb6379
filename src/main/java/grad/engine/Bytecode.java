package grad.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.ToIntBiFunction;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The last step of compilation: a {@link Program}'s steps written out as the bytecode of one class, whose
 * {@code forward} and {@code backward} methods do, step by step and without a loop or a branch, what a
 * {@link Replay}'s interpreter loop does. Each scalar step becomes a call such as
 * {@code d[12] = valueForward(Op.EXP, d[11], d[11])} (the class's own copy of {@code Value.forward}) with
 * the op a constant, which the JIT folds to the one line of math it needs; a strided layer calls its own
 * copy of {@link DenseLayer}'s loops with its grid, sizes and slots as constants, which the JIT folds into
 * them as it would a hand-written layer's; any other step calls its own methods. A parameter's slot is read
 * from the parameters' array, any other from the replay's ({@link Slots}). An interpreter pays for a
 * dispatch per step that the processor cannot predict; straight-line code does not.
 *
 * <p>The same math runs in the same order, so the results are the interpreter's to the last bit (tested).
 * HotSpot does not compile a method larger than 8000 bytes of bytecode, so the straight-line code is cut
 * into chunks of at most {@link #CHUNK_BYTES}, each a method of its own ({@code forward3},
 * {@code backward12}), that {@code forward} and {@code backward} call in order (through a tree of such
 * calls for a program of more than {@link #CALLS} chunks): a program of any size gets generated code.
 * Slot numbers above 32767 are constants of the class, which holds at most 65535 of them; a program with
 * more slots than that stays interpreted.
 */
final class Bytecode implements Opcodes {
    /** The most bytecode a chunk method is given, by {@link #forwardBytes} and {@link #backwardBytes}. */
    static final int CHUNK_BYTES = 3000;
    /** The most calls a method that calls chunks makes (about 7 bytes each). */
    static final int CALLS = 400;

    /** A program's steps as straight-line code; one instance per program, shared by its replays. */
    interface Steps {
        void forward(Slots slots);

        void backward(Slots slots);
    }

    private static final String SLOTS = "grad/engine/Slots";
    private static final String SLOTS_DESC = "(L" + SLOTS + ";)V";
    /** The locals of every generated method: this, the slots, then their arrays. */
    private static final int P = 2;
    private static final int D = 3;
    private static final int PG = 4;
    private static final int G = 5;

    private static final String VALUE = "grad/engine/Value";
    private static final String OP = "grad/engine/Op";
    private static final String OP_DESC = "L" + OP + ";";
    private static final String LAYER = "grad/engine/DenseLayer";
    /** The int parameters of a strided layer's loops: w0, wj, wi, b0, bj, biasMode, x0, n, k, z0, y0. */
    private static final String LAYER_INTS = "IIIIIIIIIII";
    private static final String NAME = "grad/engine/CompiledSteps";

    private Bytecode() {
    }

    /** Writes the generated code one program at a time, on a thread that never holds up the JVM's exit. */
    private static final Executor WRITER = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "grad-compiler");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@link #generate} on a background thread. Should writing the code ever fail, the program stays
     * interpreted: slower, never different.
     */
    static CompletableFuture<Optional<Steps>> generateInBackground(Program program) {
        return CompletableFuture.supplyAsync(() -> Optional.ofNullable(generate(program)), WRITER)
                .exceptionally(failure -> Optional.empty());
    }

    /** The program's steps as a class of straight-line code. */
    static Steps generate(Program program) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object", new String[] {"grad/engine/Bytecode$Steps"});
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "kernels", "[Ljava/lang/Object;", null, null).visitEnd();
        constructor(cw);
        copyMath(cw);
        forward(cw, program);
        backward(cw, program);
        cw.visitEnd();
        try {
            Class<?> type = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true).lookupClass();
            return (Steps) type.getDeclaredConstructor(Object[].class).newInstance((Object) program.kernel.clone());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the compiled program", e);
        }
    }

    /** The class files whose static math each generated class copies (see {@link #copyMath}). */
    private static final byte[] LAYER_CLASS = classFile(DenseLayer.class);
    private static final byte[] VALUE_CLASS = classFile(Value.class);

    private static byte[] classFile(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + ".class", e);
        }
    }

    /**
     * Copies the static math the code calls into the class: {@link DenseLayer}'s loops as
     * {@code layerForward} and {@code layerBackward}, {@link Value}'s op tables as {@code valueForward},
     * {@code valueGradToA} and {@code valueGradToB}. Each program has its own copy, which the JIT
     * compiles and inlines with that program's constants. Shared, the math would be compiled once for
     * every program in the JVM, and each program after the first would call that compiled code without
     * inlining it (HotSpot does not inline a method whose compiled code is already large): measured, half
     * as fast.
     */
    private static void copyMath(ClassWriter cw) {
        copy(cw, LAYER_CLASS, Map.of("forward", "layerForward", "backward", "layerBackward"));
        copy(cw, VALUE_CLASS, Map.of("forward", "valueForward", "gradToA", "valueGradToA", "gradToB", "valueGradToB"));
    }

    private static void copy(ClassWriter cw, byte[] classFile, Map<String, String> names) {
        new ClassReader(classFile).accept(new ClassVisitor(ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                if ((access & ACC_STATIC) == 0 || !names.containsKey(name)) {
                    return null;
                }
                return new MethodVisitor(ASM9, cw.visitMethod(ACC_PRIVATE | ACC_STATIC, names.get(name), desc, signature,
                        exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String called, String d, boolean itf) {
                        boolean math = opcode == INVOKESTATIC && owner.equals(VALUE) && MATH.containsKey(called);
                        super.visitMethodInsn(opcode, math ? NAME : owner, math ? MATH.get(called) : called, d, itf);
                    }
                };
            }
        }, 0);
    }

    /** Value's op tables and the names of their copies. */
    private static final Map<String, String> MATH = Map.of("forward", "valueForward", "gradToA", "valueGradToA",
            "gradToB", "valueGradToB");

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(0, "<init>", "([Ljava/lang/Object;)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitFieldInsn(PUTFIELD, NAME, "kernels", "[Ljava/lang/Object;");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Writes the code of one step into a method. */
    private interface StepWriter {
        void write(MethodVisitor mv, Program p, int s);
    }

    /** {@code forward(double[] d)}: each step in order. */
    private static void forward(ClassWriter cw, Program p) {
        int[] order = new int[p.code.length];
        for (int s = 0; s < order.length; s++) {
            order[s] = s;
        }
        chunked(cw, p, "forward", order, Bytecode::forwardStep, Bytecode::forwardBytes, mv -> { });
    }

    /** {@code backward(double[] d, double[] g, boolean[] needs)}: what {@link Replay#backward()} does, unrolled. */
    private static void backward(ClassWriter cw, Program p) {
        int[] order = new int[p.code.length];
        for (int s = 0; s < order.length; s++) {
            order[s] = order.length - 1 - s;
        }
        chunked(cw, p, "backward", order, Bytecode::backwardStep, Bytecode::backwardBytes, mv -> {
            mv.visitVarInsn(ALOAD, G);                                  // Arrays.fill(g, parameters, g.length, 0)
            push(mv, p.parameterCount);
            mv.visitVarInsn(ALOAD, G);
            mv.visitInsn(ARRAYLENGTH);
            mv.visitInsn(DCONST_0);
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DIID)V", false);
            int root = p.roots[0];                                      // g[root] = 1 (a parameter's += 1)
            mv.visitVarInsn(ALOAD, root < p.parameterCount ? PG : G);
            push(mv, root);
            if (root < p.parameterCount) {
                mv.visitInsn(DUP2);
                mv.visitInsn(DALOAD);
                mv.visitInsn(DCONST_1);
                mv.visitInsn(DADD);
            } else {
                mv.visitInsn(DCONST_1);
            }
            mv.visitInsn(DASTORE);
        });
    }

    /**
     * The public method {@code name}: {@code prologue}, then the code of steps {@code order}, in chunk
     * methods {@code name0, name1, …} of at most {@link #CHUNK_BYTES} each when they do not fit in one.
     *
     */
    private static void chunked(ClassWriter cw, Program p, String name, int[] order,
                                StepWriter writer, ToIntBiFunction<Program, Integer> bytes,
                                Consumer<MethodVisitor> prologue) {
        List<int[]> chunks = new ArrayList<>();
        int from = 0;
        int size = 0;
        for (int k = 0; k < order.length; k++) {
            int b = bytes.applyAsInt(p, order[k]);
            if (size + b > CHUNK_BYTES && k > from) {
                chunks.add(Arrays.copyOfRange(order, from, k));
                from = k;
                size = 0;
            }
            size += b;
        }
        chunks.add(Arrays.copyOfRange(order, from, order.length));
        MethodVisitor top = cw.visitMethod(ACC_PUBLIC, name, SLOTS_DESC, null, null);
        top.visitCode();
        arrays(top);
        prologue.accept(top);
        if (chunks.size() == 1) {
            for (int s : chunks.get(0)) {
                writer.write(top, p, s);
            }
        } else {
            List<String> methods = new ArrayList<>();
            for (int[] chunk : chunks) {
                methods.add(method(cw, name + methods.size(), mv -> {
                    arrays(mv);
                    for (int s : chunk) {
                        writer.write(mv, p, s);
                    }
                }));
            }
            calls(cw, top, name, methods);
        }
        end(top);
    }

    /** Calls {@code methods} in order from {@code mv}, through methods of at most {@link #CALLS} calls each. */
    private static void calls(ClassWriter cw, MethodVisitor mv, String name, List<String> methods) {
        List<String> callees = methods;
        for (int level = 0; callees.size() > CALLS; level++) {
            List<String> groups = new ArrayList<>();
            for (int from = 0; from < callees.size(); from += CALLS) {
                List<String> group = callees.subList(from, Math.min(callees.size(), from + CALLS));
                String groupName = name + "$" + level + "$" + groups.size();
                groups.add(method(cw, groupName, m -> call(m, group)));
            }
            callees = groups;
        }
        call(mv, callees);
    }

    private static void call(MethodVisitor mv, List<String> methods) {
        for (String m : methods) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKESPECIAL, NAME, m, SLOTS_DESC, false);
        }
    }

    /** The slots' arrays into locals {@link #P}, {@link #D}, {@link #PG} and {@link #G}. */
    private static void arrays(MethodVisitor mv) {
        String[] fields = {"p", "d", "pg", "g"};
        for (int i = 0; i < fields.length; i++) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitFieldInsn(GETFIELD, SLOTS, fields[i], "[D");
            mv.visitVarInsn(ASTORE, P + i);
        }
    }

    /** A private method {@code name} whose body {@code body} writes; returns its name. */
    private static String method(ClassWriter cw, String name, Consumer<MethodVisitor> body) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, name, SLOTS_DESC, null, null);
        mv.visitCode();
        body.accept(mv);
        end(mv);
        return name;
    }

    private static void end(MethodVisitor mv) {
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** An upper bound of the bytes of {@link #forwardStep}'s code for step {@code s}. */
    private static int forwardBytes(Program p, int s) {
        return p.code[s] == Program.KERNEL ? 50 : 26;
    }

    /** An upper bound of the bytes of {@link #backwardStep}'s code for step {@code s}. */
    private static int backwardBytes(Program p, int s) {
        return p.code[s] == Program.KERNEL ? 60 : 76;
    }

    /**
     * The forward code of step {@code s}: a scalar step's math, a strided layer's loops with its grid as
     * constants, any other kernel's own {@code forward}.
     */
    private static void forwardStep(MethodVisitor mv, Program p, int s) {
        byte c = p.code[s];
        if (p.kernel[s] instanceof DenseLayer layer && layer.strided) {
            mv.visitVarInsn(ALOAD, layer.weightsAreParameters ? P : D);
            mv.visitVarInsn(ALOAD, layer.biasesAreParameters ? P : D);
            mv.visitVarInsn(ALOAD, layer.inputsAreParameters ? P : D);
            mv.visitVarInsn(ALOAD, D);
            layerConstants(mv, layer);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "layerForward", "([D[D[D[D" + LAYER_INTS + OP_DESC + ")V", false);
        } else if (c == Program.KERNEL) {
            String type = Type.getInternalName(p.kernel[s].getClass());
            kernel(mv, s, type);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKEVIRTUAL, type, "forward", SLOTS_DESC, false);
        } else {
            mv.visitVarInsn(ALOAD, D);
            push(mv, p.out[s]);
            op(mv, c);
            load(mv, p, false, p.a[s]);
            load(mv, p, false, p.b[s]);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "valueForward", "(" + OP_DESC + "DD)D", false);
            mv.visitInsn(DASTORE);
        }
    }

    /** The backward code of step {@code s}: nothing for a step whose values need no gradient. */
    private static void backwardStep(MethodVisitor mv, Program p, int s) {
        byte c = p.code[s];
        if (!p.needsGrad[p.kernel[s].writes()[0]]) {
            return;
        }
        if (p.kernel[s] instanceof DenseLayer layer && layer.strided) {
            mv.visitVarInsn(ALOAD, layer.weightsAreParameters ? P : D);    // wd, wg, bg, xd, xg, d, g
            mv.visitVarInsn(ALOAD, layer.weightsAreParameters ? PG : G);
            mv.visitVarInsn(ALOAD, layer.biasesAreParameters ? PG : G);
            mv.visitVarInsn(ALOAD, layer.inputsAreParameters ? P : D);
            mv.visitVarInsn(ALOAD, layer.inputsAreParameters ? PG : G);
            mv.visitVarInsn(ALOAD, D);
            mv.visitVarInsn(ALOAD, G);
            layerConstants(mv, layer);
            mv.visitInsn(layer.weightsNeedGrad ? ICONST_1 : ICONST_0);
            mv.visitInsn(layer.inputsNeedGrad ? ICONST_1 : ICONST_0);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "layerBackward", "([D[D[D[D[D[D[D" + LAYER_INTS + OP_DESC + "ZZ)V",
                    false);
        } else if (c == Program.KERNEL) {
            String type = Type.getInternalName(p.kernel[s].getClass());
            kernel(mv, s, type);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKEVIRTUAL, type, "backward", SLOTS_DESC, false);
        } else {
            if (p.needsGrad[p.a[s]]) {
                addGradient(mv, p, s, p.a[s], "gradToA");
            }
            if (p.binary[s] && p.needsGrad[p.b[s]]) {
                addGradient(mv, p, s, p.b[s], "gradToB");
            }
        }
    }

    /** {@code g[to] += Value.<rule>(op, g[out], d[a], d[b], d[out])}. */
    private static void addGradient(MethodVisitor mv, Program p, int s, int to, String rule) {
        mv.visitVarInsn(ALOAD, to < p.parameterCount ? PG : G);
        push(mv, to);
        mv.visitInsn(DUP2);
        mv.visitInsn(DALOAD);
        op(mv, p.code[s]);
        load(mv, p, true, p.out[s]);
        load(mv, p, false, p.a[s]);
        load(mv, p, false, p.b[s]);
        load(mv, p, false, p.out[s]);
        mv.visitMethodInsn(INVOKESTATIC, NAME, MATH.get(rule), "(" + OP_DESC + "DDDD)D", false);
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
    }

    /** A strided layer's grid, bias mode, slots and sizes, and its activation (or null), as constants. */
    private static void layerConstants(MethodVisitor mv, DenseLayer layer) {
        push(mv, layer.w0);
        push(mv, layer.wj);
        push(mv, layer.wi);
        push(mv, layer.b0);
        push(mv, layer.bj);
        push(mv, layer.biasMode);
        push(mv, layer.x[0]);
        push(mv, layer.n);
        push(mv, layer.k);
        push(mv, layer.z[0]);
        push(mv, layer.y[0]);
        if (layer.activation == null) {
            mv.visitInsn(ACONST_NULL);
        } else {
            mv.visitFieldInsn(GETSTATIC, OP, layer.activation.name(), OP_DESC);
        }
    }

    /** {@code (Type) kernels[s]}. */
    private static void kernel(MethodVisitor mv, int s, String type) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, NAME, "kernels", "[Ljava/lang/Object;");
        push(mv, s);
        mv.visitInsn(AALOAD);
        mv.visitTypeInsn(CHECKCAST, type);
    }

    private static void op(MethodVisitor mv, byte code) {
        mv.visitFieldInsn(GETSTATIC, OP, Op.values()[code].name(), OP_DESC);
    }

    /** Slot {@code slot}'s value (or its gradient) onto the stack, from the parameters' array or the others'. */
    private static void load(MethodVisitor mv, Program p, boolean gradient, int slot) {
        boolean parameter = slot < p.parameterCount;
        mv.visitVarInsn(ALOAD, gradient ? parameter ? PG : G : parameter ? P : D);
        push(mv, slot);
        mv.visitInsn(DALOAD);
    }

    private static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}
