package dev.buildrunner.analysis.gaps.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTTP calls of frontend code: clients, methods, base URLs, and what is not a call. */
class UiCallsTest {

    @Test
    void fetchMethodsAndConstantsAndAbsoluteLocalUrls() {
        String js = """
                import React from 'react';
                const BASE = 'http://localhost:3000/api';
                export const load = () => fetch(BASE + '/items?page=2');
                export const save = (item) => window.fetch(`${BASE}/items/${item.id}`, { method: 'PUT', body: '' });
                export const remove = (id, m) => fetch(`/api/items/${id}`, { method: m });
                export const github = () => fetch('https://api.github.com/repos/x/y');
                export const data = () => fetch('/static/data.json');
                export const unknown = (url) => fetch(url);
                """;
        assertThat(Scans.calls("web/src/items.js", js)).containsExactly(
                "GET http://localhost:3000/api/items?page=2 web/src/items.js:3",
                "PUT http://localhost:3000/api/items/${item.id} web/src/items.js:4",
                "ANY /api/items/${id} web/src/items.js:5",
                "GET /static/data.json web/src/items.js:7");
        assertThat(Scans.resolve("web/src/items.js", js).calls().get(0).pattern().key()).isEqualTo("/api/items");
    }

    @Test
    void axiosInstancesDefaultsConfigObjectsAndImportedClients() {
        String main = """
                import axios from 'axios';
                import { createApp } from 'vue';
                axios.defaults.baseURL = '/api/v2';
                axios.get('/ping');
                axios({ method: 'delete', url: '/sessions/current' });
                """;
        String http = """
                import axios from 'axios';
                export const http = axios.create({ baseURL: '/backend' });
                const local = axios.create({ timeout: 1000, baseURL: '/local/' });
                local.post('/things', {});
                """;
        String users = """
                import { http } from '@/http';
                export function list() { return http.get('users'); }
                export function cache() { const map = new Map(); return map.get('/users'); }
                export function client(apiClient) { return apiClient.patch('/users/1', {}); }
                """;
        assertThat(Scans.calls("src/main.js", main, "src/http.ts", http, "src/users.ts", users)).containsExactly(
                "POST /local/things src/http.ts:4",
                "GET /api/v2/ping src/main.js:4",
                "DELETE /api/v2/sessions/current src/main.js:5",
                "GET /backend/users src/users.ts:2",
                "PATCH ${client}/users/1 src/users.ts:4");
    }

    @Test
    void angularHttpClientWithGenericsAndBaseFields() {
        String ts = """
                @Injectable({ providedIn: 'root' })
                export class HeroService {
                  private heroesUrl = 'api/heroes';
                  constructor(private http: HttpClient) {}
                  getHeroes(): Observable<Hero[]> { return this.http.get<Hero[]>(this.heroesUrl); }
                  getHero(id: number) { return this.http.get<Map<string, Hero>>(`${this.heroesUrl}/${id}`); }
                  // addHero(h: Hero) { return this.http.post<Hero>(this.heroesUrl, h); }
                }
                """;
        assertThat(Scans.calls("src/app/hero.service.ts", ts)).containsExactly(
                "GET api/heroes src/app/hero.service.ts:5",
                "GET api/heroes/${id} src/app/hero.service.ts:6");
    }

    @Test
    void callsOnlyFromFrontendFilesNotFromServersTestsOrTemplates() {
        String server = """
                const express = require('express');
                const app = express();
                app.get('/proxy', async (req, res) => res.json(await fetch('/internal/thing')));
                """;
        String vue = """
                <template><p>fetch('/api/in-template')</p></template>
                <script setup>
                import axios from 'axios'
                const { data } = await axios.get('/api/in-script')
                </script>
                """;
        assertThat(Scans.calls("server/app.js", server, "src/App.vue", vue)).containsExactly(
                "GET /api/in-script src/App.vue:4");
    }
}
