package org.linkway.apicheck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The module under test: its directory and the main classes Maven compiled into target/classes. */
final class ModuleClasses {

    final Path moduleDir;
    final Path classesDir;

    private ModuleClasses(Path moduleDir) {
        this.moduleDir = moduleDir;
        this.classesDir = moduleDir.resolve("target").resolve("classes");
    }

    /** Surefire runs tests in the module's directory and names it in {@code basedir}. */
    static ModuleClasses current() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        ModuleClasses module = new ModuleClasses(dir);
        if (!Files.isDirectory(module.classesDir)) {
            throw new IllegalStateException("no compiled main classes at " + module.classesDir);
        }
        return module;
    }

    JavaClasses importMain() {
        return new ClassFileImporter().importPath(classesDir);
    }
}
