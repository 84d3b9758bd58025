from app.store import db


def create(note_id, text):
    db.save(note_id, text)
