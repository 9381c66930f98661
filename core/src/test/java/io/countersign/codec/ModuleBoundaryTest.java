package io.countersign.codec;

import io.countersign.accesstoken2.RtcTokenBuilder2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * core is a named module that exports its API packages and keeps {@code io.countersign.internal}
 * to itself. Checked twice: from the descriptor the tests run under, and by compiling a consumer
 * module against core's classes the way a user's build would.
 */
class ModuleBoundaryTest {
    private static final Set<String> API = Set.of("io.countersign.accesstoken2", "io.countersign.accesstoken",
            "io.countersign.dynamickey5", "io.countersign.signaling", "io.countersign.netless", "io.countersign.codec",
            "io.countersign.schemes", "io.countersign.doctor");

    @Test
    void exportsExactlyTheApiPackages() {
        Module core = RtcTokenBuilder2.class.getModule();
        assertTrue(core.isNamed(), "the tests run inside the named module");
        ModuleDescriptor descriptor = core.getDescriptor();
        assertEquals("io.countersign.core", descriptor.name());
        Set<String> exported = descriptor.exports().stream()
                .peek(e -> assertFalse(e.isQualified(), e + " is exported to chosen modules only"))
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(API), exported);
        assertTrue(descriptor.packages().contains("io.countersign.internal"));
        assertEquals(Set.of("java.base"), descriptor.requires().stream()
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()), "core needs nothing beyond the JDK's base");
    }

    @Test
    void aConsumerModuleReachesTheApi(@TempDir Path dir) throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileConsumer(dir, """
                package app;
                import io.countersign.accesstoken2.RtcTokenBuilder2;
                public class Uses {
                    public static String token() {
                        return new RtcTokenBuilder2().buildTokenWithUid("970ca35de60c44645bbae8a215061b33",
                                "5cfd2fd1755d40ecb72977518be15d3b", "channel", 1L, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
                    }
                }
                """);
        assertEquals(List.of(), errors);
    }

    @Test
    void aConsumerModuleCannotReachTheInternals(@TempDir Path dir) throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileConsumer(dir, """
                package app;
                public class Uses {
                    public static long max() {
                        return io.countersign.internal.Checks.U32_MAX;
                    }
                }
                """);
        assertEquals(1, errors.size(), errors::toString);
        String message = errors.get(0).getMessage(null);
        assertTrue(message.contains("package io.countersign.internal is not visible")
                && message.contains("does not export it"), message);
    }

    /** Compiles {@code module consumer { requires io.countersign.core; }} with the given class; returns its errors. */
    private static List<Diagnostic<? extends JavaFileObject>> compileConsumer(Path dir, String uses) throws IOException {
        Path coreClasses;
        try {
            coreClasses = Path.of(RtcTokenBuilder2.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path src = Files.createDirectories(dir.resolve("src/app"));
        Files.writeString(dir.resolve("src/module-info.java"), "module consumer { requires io.countersign.core; }\n");
        Files.writeString(src.resolve("Uses.java"), uses);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(
                    dir.resolve("src/module-info.java"), src.resolve("Uses.java"));
            List<String> options = List.of("--module-path", coreClasses.toString(),
                    "-d", Files.createDirectories(dir.resolve("out")).toString());
            javac.getTask(null, files, diagnostics, options, null, units).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }
}
