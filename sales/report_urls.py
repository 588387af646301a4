"""Report and network-meeting pages of the sales app, included inside the `sales` namespace."""

from django.urls import path

from . import meeting_views, report_views

urlpatterns = [
    path("reports/", report_views.report_index, name="report_index"),
    path("reports/<int:fair_id>/", report_views.fair_report_page, name="fair_report"),
    path("reports/<int:fair_id>/report.pdf", report_views.fair_report_pdf, name="fair_report_pdf"),
    path(
        "reports/<int:fair_id>/export/<slug:table>/<slug:fmt>/",
        report_views.fair_report_export,
        name="fair_report_export",
    ),
    path(
        "reports/<int:fair_id>/groups/<int:group_id>/",
        report_views.group_report_page,
        name="group_report",
    ),
    path(
        "reports/<int:fair_id>/groups/<int:group_id>/export/<slug:fmt>/",
        report_views.group_report_export,
        name="group_report_export",
    ),
    path("meetings/", meeting_views.meeting_list, name="meeting_list"),
    path("meetings/new/", meeting_views.meeting_create, name="meeting_create"),
    path("meetings/<int:meeting_id>/", meeting_views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:meeting_id>/edit/", meeting_views.meeting_edit, name="meeting_edit"),
    path(
        "meetings/<int:meeting_id>/actions/new/",
        meeting_views.action_create,
        name="meeting_action_create",
    ),
    path("actions/<int:action_id>/", meeting_views.action_edit, name="meeting_action_edit"),
]
