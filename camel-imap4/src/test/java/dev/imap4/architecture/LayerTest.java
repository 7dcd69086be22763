package dev.imap4.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps each layer to the ones under it: transport &lt; wire &lt; parse &lt; engine &lt; command &lt;
 * API &lt; camel. The internals live under {@code dev.imap4.client.internal}; the Camel layer never
 * names them, and no public or protected member of an API class lets one through. The API's value
 * types, exceptions and options are the vocabulary every layer shares; the facades ({@link #FACADES})
 * are the API layer proper, and nothing below them names them. See docs/architecture.md.
 */
class LayerTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String INTERNAL = "dev.imap4.client.internal.";
    /** The internal layers, lowest first. */
    private static final List<String> INTERNAL_LAYERS = List.of("transport", "wire", "parse", "engine", "command");
    private static final List<String> API_PACKAGES = List.of("dev.imap4.client", "dev.imap4.client.types",
            "dev.imap4.client.sasl");
    /** The classes that drive a connection: the API layer above the command layer. */
    private static final Set<String> FACADES = Set.of("dev.imap4.client.Imap4", "dev.imap4.client.ImapClient",
            "dev.imap4.client.ImapExtensions", "dev.imap4.client.Imap4Stream");
    /** An import or a fully qualified name of a project class. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.imap4\\.[\\w.]*\\w");

    @Test
    void camelUsesOnlyThePublicApi() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Map.Entry<Path, String> src : sources(MAIN.resolve("dev/imap4/camel")).entrySet()) {
            for (String ref : references(src.getValue())) {
                if (ref.startsWith(INTERNAL)) {
                    offending.add(src.getKey() + ": " + ref);
                }
            }
        }
        assertTrue(offending.isEmpty(), "the Camel layer must use only the public API: " + offending);
    }

    @Test
    void lowerLayersNeverNameHigherOnes() throws IOException {
        List<String> offending = new ArrayList<>();
        for (int rank = 0; rank < INTERNAL_LAYERS.size(); rank++) {
            String layer = INTERNAL_LAYERS.get(rank);
            Map<Path, String> files = sources(MAIN.resolve("dev/imap4/client/internal/" + layer));
            assertTrue(!files.isEmpty(), "no sources for layer " + layer);
            for (Map.Entry<Path, String> src : files.entrySet()) {
                for (String ref : references(src.getValue())) {
                    String why = higher(rank, ref);
                    if (why != null) {
                        offending.add(src.getKey() + ": " + ref + " (" + why + ")");
                    }
                }
            }
        }
        assertTrue(offending.isEmpty(), "a layer may name only the layers under it: " + offending);
    }

    /** Why {@code ref} is above the internal layer of the given rank, or null if it is not. */
    private static String higher(int rank, String ref) {
        if (ref.startsWith("dev.imap4.camel")) {
            return "the Camel layer";
        }
        if (ref.startsWith(INTERNAL)) {
            String rest = ref.substring(INTERNAL.length());
            String layer = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            int other = INTERNAL_LAYERS.indexOf(layer);
            if (other < 0) {
                return "an internal package outside the layers";
            }
            return other > rank ? "layer " + layer : null;
        }
        for (String facade : FACADES) {
            if (ref.equals(facade) || ref.startsWith(facade + ".")) {
                return "the API facade";
            }
        }
        return null;
    }

    @Test
    void publicApiExposesNoInternalType() throws Exception {
        List<String> offending = new ArrayList<>();
        int classes = 0;
        for (String pkg : API_PACKAGES) {
            Path dir = MAIN.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    String name = file.getFileName().toString().replace(".java", "");
                    Class<?> c = Class.forName(pkg + "." + name, false, LayerTest.class.getClassLoader());
                    classes += check(c, offending);
                }
            }
        }
        assertTrue(classes > 20, "too few API classes found: " + classes);
        assertTrue(offending.isEmpty(), "public API signatures must not name internal types: " + offending);
    }

    /** Checks a class and its nested classes if they are visible outside the package; returns how many. */
    private static int check(Class<?> c, List<String> offending) {
        if (!visible(c.getModifiers()) || c.isSynthetic()) {
            return 0;
        }
        int n = 1;
        String where = c.getName();
        leaks(where + " extends", c.getGenericSuperclass(), offending);
        for (Type t : c.getGenericInterfaces()) {
            leaks(where + " implements", t, offending);
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            for (Type b : v.getBounds()) {
                leaks(where + " type parameter", b, offending);
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (exposed(f)) {
                leaks(where + "." + f.getName(), f.getGenericType(), offending);
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (exposed(k)) {
                for (Type t : k.getGenericParameterTypes()) {
                    leaks(where + " constructor", t, offending);
                }
                for (Type t : k.getGenericExceptionTypes()) {
                    leaks(where + " constructor throws", t, offending);
                }
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (exposed(m)) {
                String sig = where + "." + m.getName();
                leaks(sig + " returns", m.getGenericReturnType(), offending);
                for (Type t : m.getGenericParameterTypes()) {
                    leaks(sig + " parameter", t, offending);
                }
                for (Type t : m.getGenericExceptionTypes()) {
                    leaks(sig + " throws", t, offending);
                }
                for (TypeVariable<?> v : m.getTypeParameters()) {
                    for (Type b : v.getBounds()) {
                        leaks(sig + " type parameter", b, offending);
                    }
                }
            }
        }
        for (Class<?> nested : c.getDeclaredClasses()) {
            n += check(nested, offending);
        }
        return n;
    }

    private static boolean exposed(Member m) {
        return visible(m.getModifiers()) && !m.isSynthetic();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void leaks(String where, Type type, List<String> offending) {
        for (Class<?> c : classesIn(type, new HashSet<>())) {
            if (c.getName().startsWith(INTERNAL)) {
                offending.add(where + ": " + c.getName());
            }
        }
    }

    private static Set<Class<?>> classesIn(Type type, Set<Class<?>> out) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            out.add(c);
        } else if (type instanceof ParameterizedType p) {
            classesIn(p.getRawType(), out);
            for (Type a : p.getActualTypeArguments()) {
                classesIn(a, out);
            }
        } else if (type instanceof GenericArrayType g) {
            classesIn(g.getGenericComponentType(), out);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                classesIn(b, out);
            }
            for (Type b : w.getLowerBounds()) {
                classesIn(b, out);
            }
        }
        // A type variable's bounds are checked where it is declared.
        return out;
    }

    private static Map<Path, String> sources(Path dir) throws IOException {
        Map<Path, String> out = new java.util.TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java"))::iterator) {
                out.put(file, Files.readString(file));
            }
        }
        return out;
    }

    /** The project classes a source names, in imports or fully qualified, outside comments and strings. */
    private static Set<String> references(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"");
        Set<String> out = new HashSet<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            String ref = m.group();
            if (!code.startsWith("package", lineStart(code, m.start()))) {
                out.add(ref);
            }
        }
        return out;
    }

    private static int lineStart(String code, int at) {
        int nl = code.lastIndexOf('\n', at);
        return nl < 0 ? 0 : nl + 1;
    }
}
