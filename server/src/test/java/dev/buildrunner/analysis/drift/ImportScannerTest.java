package dev.buildrunner.analysis.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Imports read from real-shaped sources per language, and the text that only looks like imports. */
class ImportScannerTest {
    private static List<String> scan(String path, String text) {
        return ImportScanner.scan(path, text).stream().map(r -> r.kind() + " " + r.name() + " @" + r.line()).toList();
    }

    @Test
    void javaImportsStaticAndWildcardImportsAndQualifiedReferences() {
        String java = """
                package com.acme.web;

                import java.util.List;
                import static org.junit.Assert.assertEquals;
                import com.acme.store.*;
                /* import com.acme.hidden.Secret; */
                // import com.acme.hidden.Other;

                class A {
                    String s = "import com.acme.hidden.InString;";
                    String block = \"""
                        import com.acme.hidden.InTextBlock;
                        \""";
                    com.acme.store.Repo repo = new com.acme.store.Repo();
                    int n = this.config.limits.Max + Foo.class.hashCode() + config.MAX_SIZE.length();
                }
                """;
        assertThat(scan("src/A.java", java)).containsExactly(
                "PACKAGE java.util.List @3",
                "PACKAGE org.junit.Assert.assertEquals @4",
                "PACKAGE com.acme.store @5",
                "PACKAGE com.acme.store.Repo @14",
                "PACKAGE com.acme.store.Repo @14");
    }

    @Test
    void kotlinImportsAtLineStartWithAliasesNestedCommentsAndRawStrings() {
        String kotlin = """
                package com.acme.web

                import com.acme.store.Repo as Store
                import kotlinx.coroutines.flow.*
                /* outer /* import com.acme.hidden.Nested */ still a comment: import com.acme.hidden.Outer */
                val raw = \"""
                import com.acme.hidden.Raw
                \"""
                val t = "${'$'}{x} import com.acme.hidden.Template"
                """;
        assertThat(scan("src/A.kt", kotlin)).containsExactly(
                "PACKAGE com.acme.store.Repo @3",
                "PACKAGE kotlinx.coroutines.flow @4");
    }

    @Test
    void scriptImportsOfEveryForm() {
        String ts = """
                import React, { useState } from "react";
                import type { Order } from '../db/client';
                import * as fs from "node:fs";
                import "./styles.css";
                import {
                  a,
                  b,
                } from "@acme/ui/buttons";
                export { x } from "./x";
                export * from './all';
                export const y = 1;
                const lazy = () => import("./lazy");
                const old = require("lodash");
                // import moment from "moment";
                /* require("moment") */
                const s = "import moment from 'moment'";
                const t = `require("moment") ${1 + 1}`;
                const re = /import ['"]moment['"]/g;
                obj.import("not-an-import");
                """;
        assertThat(scan("src/a.tsx", ts)).containsExactly(
                "MODULE react @1",
                "RELATIVE ../db/client @2",
                "MODULE node:fs @3",
                "RELATIVE ./styles.css @4",
                "MODULE @acme/ui/buttons @5",
                "RELATIVE ./x @9",
                "RELATIVE ./all @10",
                "RELATIVE ./lazy @12",
                "MODULE lodash @13");
    }

    @Test
    void vueComponentsAreReadFromTheirScriptBlocks() {
        String vue = """
                <template>
                  <p>Don't import "moment" here</p>
                </template>
                <script setup lang="ts">
                import { ref } from "vue";
                import { api } from "../api/client";
                </script>
                """;
        assertThat(scan("src/App.vue", vue)).containsExactly("MODULE vue @5", "RELATIVE ../api/client @6");
    }

    @Test
    void pythonImportsFromImportsAndRelativeImports() {
        String py = """
                \"""Never write: from app.store import db\"""
                import os, sys as system
                import app.store.db
                from app.store import db, cache as c
                from . import views
                from ..store.db import NOTES
                from app.models import (
                    User,
                    Order,
                )
                from app.legacy import *
                # from app.hidden import x
                s = "import app.hidden"
                s2 = r'from app.hidden import y'
                """;
        assertThat(scan("app/web/a.py", py)).containsExactly(
                "PACKAGE os @2", "PACKAGE sys @2",
                "PACKAGE app.store.db @3",
                "PACKAGE app.store.db @4", "PACKAGE app.store.cache @4",
                "RELATIVE .views @5",
                "RELATIVE ..store.db.NOTES @6",
                "PACKAGE app.models.User @7", "PACKAGE app.models.Order @7",
                "PACKAGE app.legacy @11");
    }

    @Test
    void filesInOtherLanguagesHaveNoImports() {
        assertThat(scan("README.md", "import x from 'y'")).isEmpty();
        assertThat(scan("go/main.go", "import \"fmt\"")).isEmpty();
    }

    @Test
    void resolverFindsTheFilesImportsPointAt() {
        ImportResolver r = new ImportResolver(List.of(
                "src/main/java/com/acme/store/Repo.java", "src/main/java/com/acme/store/Cache.kt",
                "src/main/java/com/acme/web/A.java", "src/db/client.ts", "src/db/index.ts", "src/components/List.tsx",
                "app/__init__.py", "app/web/__init__.py", "app/store/__init__.py", "app/store/db.py", "app/web/views.py"));
        assertThat(r.paths("src/main/java/com/acme/web/A.java", new ImportRef(ImportRef.Kind.PACKAGE, "com.acme.store.Repo", 1)))
                .containsExactly("src/main/java/com/acme/store/Repo.java");
        assertThat(r.paths("src/main/java/com/acme/web/A.java",
                new ImportRef(ImportRef.Kind.PACKAGE, "com.acme.store.Repo.Inner", 1)))
                .containsExactly("src/main/java/com/acme/store/Repo.java");
        assertThat(r.paths("src/main/java/com/acme/web/A.java", new ImportRef(ImportRef.Kind.PACKAGE, "com.acme.store", 1)))
                .containsExactly("src/main/java/com/acme/store/Cache.kt", "src/main/java/com/acme/store/Repo.java");
        assertThat(r.paths("src/components/List.tsx", new ImportRef(ImportRef.Kind.RELATIVE, "../db/client", 1)))
                .containsExactly("src/db/client.ts");
        assertThat(r.paths("src/components/List.tsx", new ImportRef(ImportRef.Kind.RELATIVE, "../db", 1)))
                .containsExactly("src/db/index.ts");
        assertThat(r.paths("src/components/List.tsx", new ImportRef(ImportRef.Kind.RELATIVE, "../../../outside", 1)))
                .isEmpty();
        assertThat(r.paths("app/web/views.py", new ImportRef(ImportRef.Kind.RELATIVE, "..store.db.NOTES", 1)))
                .containsExactly("app/store/db.py");
        assertThat(r.dotted("app/web/views.py", new ImportRef(ImportRef.Kind.RELATIVE, "..store.db.NOTES", 1)))
                .isEqualTo("app.store.db.NOTES");
        assertThat(r.paths("app/web/views.py", new ImportRef(ImportRef.Kind.PACKAGE, "app.store", 1)))
                .containsExactly("app/store/__init__.py");
    }
}
