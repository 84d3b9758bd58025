from fastapi import FastAPI
from fastapi.testclient import TestClient

app = FastAPI()


@app.get("/api/test-only")
def only_in_tests():
    return {}


def test_only_in_tests():
    assert TestClient(app).get("/api/test-only").status_code == 200
