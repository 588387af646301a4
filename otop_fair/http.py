"""Small facts about a request that several apps ask."""


def wants_json(request):
    """The phone's offline queue sends with Accept: application/json and reads the answer."""
    return "application/json" in request.headers.get("Accept", "")
