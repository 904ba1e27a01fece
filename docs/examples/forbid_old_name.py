"""House rule: call the product by its new name."""

from advocacy_kit import Draft, Finding, Kit, Post, hookimpl

OLD_NAME, NEW_NAME = "DataPump", "Larkspur Ingest"


@hookimpl
def check_post(post: Post, draft: Draft, kit: Kit) -> list[Finding]:
    if OLD_NAME.casefold() not in post.text.casefold():
        return []
    message = f"{OLD_NAME} is now called {NEW_NAME}; write {NEW_NAME}"
    return [Finding(code="ACME001", severity="error", message=message)]
