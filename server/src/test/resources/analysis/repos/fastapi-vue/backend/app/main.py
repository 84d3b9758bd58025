"""The application: routers mounted under /api.

Example (not code): @app.get("/api/docstring-only")
"""
from fastapi import FastAPI

from app.routers import items, users
from .routers.admin import router as admin_router

app = FastAPI(title="Inventory")

app.include_router(users.router, prefix="/api")
app.include_router(items.router, prefix="/api")
app.include_router(admin_router, prefix="/api/admin")


@app.get("/health")
def health():
    return {"status": "ok"}


# @app.get("/debug")
# def debug():
#     return {}
