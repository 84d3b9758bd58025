package dev.buildrunner.analysis.gaps.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FastAPI and Flask route extraction, with prefixes followed across files through imports. */
class PythonRoutesTest {

    @Test
    void fastApiRouterPrefixesAndIncludeRouterAcrossPackages() {
        String main = """
                from fastapi import FastAPI
                from .api import v1
                import src.shop.routers.orders as orders_module

                app = FastAPI()
                app.include_router(v1.router, prefix="/api/v1")
                app.include_router(orders_module.router)
                """;
        String v1 = """
                from fastapi import APIRouter
                from .items import router as items_router

                router = APIRouter()
                router.include_router(items_router, prefix="/items")
                """;
        String items = """
                from fastapi import APIRouter
                router = APIRouter(tags=["items"])

                @router.get("")
                async def list_items(): ...

                @router.put(
                    "/{item_id}",
                    response_model=Item,
                )
                async def update(item_id: int): ...
                """;
        String orders = """
                from fastapi import APIRouter
                ORDERS = "/orders"
                router = APIRouter(prefix=ORDERS)

                @router.api_route("/{order_id}", methods=["GET", "DELETE"])
                def order(order_id: int): ...
                """;
        assertThat(Scans.routes("src/shop/main.py", main, "src/shop/api/v1.py", v1, "src/shop/api/items.py", items,
                "src/shop/routers/orders.py", orders)).containsExactly(
                "GET /api/v1/items src/shop/api/items.py:4",
                "PUT /api/v1/items/{item_id} src/shop/api/items.py:7",
                "DELETE /orders/{order_id} src/shop/routers/orders.py:5",
                "GET /orders/{order_id} src/shop/routers/orders.py:5");
    }

    @Test
    void flaskBlueprintsRegisteredWithAPrefixThatReplacesTheirOwn() {
        String app = """
                from flask import Flask
                from app.views.users import bp as users_bp
                from app.views import admin

                app = Flask(__name__)
                app.register_blueprint(users_bp, url_prefix="/api/users")
                app.register_blueprint(admin.bp)

                @app.route("/")
                def index():
                    return "home"
                """;
        String users = """
                from flask import Blueprint
                bp = Blueprint("users", __name__, url_prefix="/ignored")

                @bp.route("/<int:user_id>", methods=["GET", "PUT"])
                def user(user_id):
                    ...

                @bp.post("/")
                def create():
                    '''Not a route: @bp.delete("/<int:user_id>")'''
                """;
        String admin = """
                from flask import Blueprint
                bp = Blueprint("admin", __name__, url_prefix="/admin")

                @bp.get("/stats")
                def stats(): ...
                # @bp.get("/debug")
                """;
        assertThat(Scans.routes("app/__init__.py", app, "app/views/users.py", users, "app/views/admin.py", admin))
                .containsExactly(
                        "GET / app/__init__.py:9",
                        "GET /admin/stats app/views/admin.py:4",
                        "GET /api/users/<int:user_id> app/views/users.py:4",
                        "PUT /api/users/<int:user_id> app/views/users.py:4",
                        "POST /api/users app/views/users.py:8");
    }
}
