from fastapi import APIRouter, HTTPException

router = APIRouter(prefix="/users", tags=["users"])

USERS = {}


@router.get("/")
def list_users():
    return list(USERS.values())


@router.get("/{user_id}")
def get_user(user_id: int):
    if user_id not in USERS:
        raise HTTPException(status_code=404)
    return USERS[user_id]


@router.post("/", status_code=201)
def create_user(user: dict):
    USERS[len(USERS) + 1] = user
    return user


def _removed():
    """Deleting was removed; it used to be:

    @router.delete("/{user_id}")
    """
