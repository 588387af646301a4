from django.urls import include, path

from . import broadcast_views, views

app_name = "sales"

urlpatterns = [
    path("mine/", views.my_sales, name="my_sales"),
    path("booth/<int:assignment_id>/", views.enter_sales, name="enter"),
    path("booth/<int:assignment_id>/visit/", views.record_visit, name="record_visit"),
    path("fairs/", views.fair_list, name="fair_list"),
    path("fairs/<int:fair_id>/checkin/", views.checkin, name="checkin"),
    path("fairs/<int:fair_id>/cutoff/", views.cutoff, name="cutoff"),
    path("fairs/<int:fair_id>/broadcast/", broadcast_views.broadcast, name="broadcast"),
    path("fairs/<int:fair_id>/problems/new/", views.issue_new, name="issue_new"),
    path("problems/", views.issue_list, name="issue_list"),
    path("problems/<int:issue_id>/", views.issue_detail, name="issue_detail"),
    path("problems/<int:issue_id>/move/", views.issue_move, name="issue_move"),
    path("problems/<int:issue_id>/photo/", views.issue_photo, name="issue_photo"),
    path(
        "problems/<int:issue_id>/thumb/",
        views.issue_photo,
        {"size": "thumb"},
        name="issue_thumb",
    ),
    path("", include("sales.report_urls")),
    path("", include("sales.figures_urls")),
]
