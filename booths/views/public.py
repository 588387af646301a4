"""The fair's public face: product-story pages, the shoppers' directory and map, a booth's page.

Every view here is a `public_page` (no login, rate limited, cached for anonymous visitors) and
renders templates that extend `public/base.html`, which links nowhere into the signed-in app.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from booths import public_directory
from booths import public_selectors as selectors
from booths.models import Fair
from otop_fair.public_pages import public_page
from otop_fair.uploads import image_response


def _profile(slug):
    profile = selectors.visible_profile(slug)
    if profile is None:
        raise Http404
    return profile


def _published_fair(fair_id):
    return get_object_or_404(Fair, pk=fair_id, state__in=selectors.PUBLISHED_FAIR_STATES)


@public_page
def group_story(request, slug):
    page = selectors.group_story(_profile(slug))
    return render(request, "public/group_story.html", {"page": page})


@public_page
def product_story(request, slug, product_slug):
    page = selectors.product_story(_profile(slug), product_slug)
    if page is None:
        raise Http404
    return render(request, "public/product_story.html", {"page": page})


@public_page
def photo(request, slug, product_slug, position):
    found = selectors.public_photo(_profile(slug), product_slug, position)
    if found is None:
        raise Http404
    response = image_response(found.image)
    response["Cache-Control"] = "public, max-age=3600"
    return response


@public_page
def directory(request, fair_id):
    fair = _published_fair(fair_id)
    context = public_directory.directory(fair, request.GET)
    return render(request, "public/directory.html", context)


@public_page
def booth(request, fair_id, code):
    fair = _published_fair(fair_id)
    page = public_directory.booth_page(fair, code)
    if page is None:
        raise Http404
    return render(request, "public/booth.html", page)
