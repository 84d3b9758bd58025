package dev.buildrunner.analysis.gaps.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Express, Koa and Next.js routes from JavaScript and TypeScript. */
class JsRoutesTest {

    @Test
    void expressEsModulesMountedTwiceAndNested() {
        String app = """
                import express from 'express';
                import api from './api/index.js';
                import * as health from './health';

                const app = express();
                app.use('/api', api);
                app.use('/v2/api', api);
                app.use(health.router);
                export default app;
                """;
        String index = """
                import { Router } from 'express';
                import { productsRouter as products } from './products';
                const api = Router();
                api.use('/products', products);
                export default api;
                """;
        String products = """
                import { Router } from 'express';
                export const productsRouter = Router();
                productsRouter.get('/:sku', show);
                productsRouter.all('*', notFound);
                const url = `/products/${sku}`; // not a route
                """;
        String health = """
                const express = require('express');
                const router = express.Router();
                router.get('/health', (req, res) => res.end());
                module.exports = { router };
                """;
        assertThat(Scans.routes("src/app.ts", app, "src/api/index.js", index, "src/api/products.ts", products,
                "src/health.js", health)).containsExactly(
                "GET /api/products/:sku src/api/products.ts:3",
                "GET /v2/api/products/:sku src/api/products.ts:3",
                "ANY /api/products/* src/api/products.ts:4",
                "ANY /v2/api/products/* src/api/products.ts:4",
                "GET /health src/health.js:3");
    }

    @Test
    void koaRouterPrefixAndRoutesMount() {
        String js = """
                const Koa = require('koa');
                const Router = require('@koa/router');
                const app = new Koa();
                const router = new Router({ prefix: '/api/books' });
                router.get('/', list);
                router.del('/:id', remove);
                app.use(router.routes()).use(router.allowedMethods());
                """;
        assertThat(Scans.routes("server.js", js)).containsExactly("GET /api/books server.js:5",
                "DELETE /api/books/:id server.js:6");
    }

    @Test
    void nextJsAppRoutesAndPagesApi() {
        String users = """
                import { NextResponse } from 'next/server';
                export async function GET() { return NextResponse.json([]); }
                export async function POST(req: Request) { return NextResponse.json({}, { status: 201 }); }
                """;
        String user = """
                export const GET = async (req, { params }) => Response.json({ id: params.id });
                const remove = async () => new Response(null, { status: 204 });
                export { remove as DELETE };
                """;
        String legacy = """
                export default function handler(req, res) { res.status(200).json({}); }
                """;
        String page = """
                export default function About() { return <p>About</p>; }
                """;
        assertThat(Scans.routes("src/app/api/users/route.ts", users, "src/app/(admin)/api/users/[id]/route.js", user,
                "pages/api/legacy/index.ts", legacy, "src/app/about/page.tsx", page)).containsExactly(
                "ANY /api/legacy pages/api/legacy/index.ts:1",
                "GET /api/users/[id] src/app/(admin)/api/users/[id]/route.js:1",
                "DELETE /api/users/[id] src/app/(admin)/api/users/[id]/route.js:3",
                "GET /api/users src/app/api/users/route.ts:2",
                "POST /api/users src/app/api/users/route.ts:3");
    }

    @Test
    void nothingFromCommentsOrFromFilesWithoutAServerFramework() {
        String commented = """
                const express = require('express');
                const app = express();
                // app.get('/a', h);
                /* app.post('/b', h); */
                const re = /\\/\\/app.get('\\/c', h)/;
                app.get('/real', h); // app.get('/d', h)
                """;
        String notServer = """
                const cache = new Map();
                const app = { get: (k, v) => cache.get(k) };
                app.get('/looks/like/a/route', fallback);
                """;
        assertThat(Scans.routes("a.js", commented, "b.js", notServer)).containsExactly("GET /real a.js:6");
    }
}
