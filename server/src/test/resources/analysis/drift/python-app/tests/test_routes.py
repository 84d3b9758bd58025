from app.store import db
from app.web.routes import read


def test_read():
    db.save("1", "hi")
    assert read("1") == {"text": "hi"}
