package dev.buildrunner.analysis.drift;

import java.util.Objects;

/**
 * One dependency a source file declares, as written, before resolution ({@link ImportResolver}).
 *
 * @param kind what the name is
 * @param name for {@link Kind#PACKAGE} a dotted name ({@code dev.buildrunner.store.StateStore},
 *     {@code app.store.db}; a Java/Kotlin wildcard import gives its package); for
 *     {@link Kind#MODULE} a JS/TS module specifier ({@code lodash/fp}, {@code @angular/core});
 *     for {@link Kind#RELATIVE} the specifier as written ({@code ../store/db} in JS/TS,
 *     {@code ..store.db} in Python: leading dots, then the dotted rest)
 * @param line 1-based line of the import statement
 */
record ImportRef(Kind kind, String name, int line) {
    /** How an import names what it depends on. */
    enum Kind {
        /** A dotted name: Java and Kotlin imports and fully qualified references, Python absolute imports. */
        PACKAGE,
        /** A bare JS/TS module specifier (an npm package or a path alias). */
        MODULE,
        /** A path relative to the importing file: JS/TS {@code ./} and {@code ../}, Python {@code from .}. */
        RELATIVE
    }

    ImportRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
