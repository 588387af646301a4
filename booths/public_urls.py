"""Public addresses (no login): opaque slugs for groups and products, published fairs by number."""

from django.urls import path

from booths.views import public

app_name = "public"

urlpatterns = [
    path("fair/<int:fair_id>/", public.directory, name="directory"),
    path("fair/<int:fair_id>/booth/<path:code>/", public.booth, name="booth"),
    path("<str:slug>/", public.group_story, name="group"),
    path("<str:slug>/<str:product_slug>/", public.product_story, name="product"),
    path("<str:slug>/<str:product_slug>/photo/<int:position>", public.photo, name="photo"),
]
