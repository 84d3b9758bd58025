from fastapi import APIRouter

router = APIRouter()

ITEMS = []


@router.api_route("/items", methods=["GET", "POST"])
def items(item: dict | None = None):
    if item is not None:
        ITEMS.append(item)
    return ITEMS
