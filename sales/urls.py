"""Every page of the sales app, inside the `sales` namespace: fair days, problems, reports (the
fair's, a group's, the daily provincial report), fair figures, market channels and meetings."""

from django.urls import path

from sales.views import (
    broadcast,
    channels,
    daily_report,
    fair_days,
    issues,
    meetings,
    reports,
)

app_name = "sales"

fair_day_urls = [
    path("mine/", fair_days.my_sales, name="my_sales"),
    path("booth/<int:assignment_id>/", fair_days.enter_sales, name="enter"),
    path("booth/<int:assignment_id>/visit/", fair_days.record_visit, name="record_visit"),
    path("fairs/", fair_days.fair_list, name="fair_list"),
    path("fairs/<int:fair_id>/checkin/", fair_days.checkin, name="checkin"),
    path("fairs/<int:fair_id>/cutoff/", fair_days.cutoff, name="cutoff"),
    path("fairs/<int:fair_id>/broadcast/", broadcast.broadcast, name="broadcast"),
]

issue_urls = [
    path("fairs/<int:fair_id>/problems/new/", issues.issue_new, name="issue_new"),
    path("problems/", issues.issue_list, name="issue_list"),
    path("problems/<int:issue_id>/", issues.issue_detail, name="issue_detail"),
    path("problems/<int:issue_id>/move/", issues.issue_move, name="issue_move"),
    path("problems/<int:issue_id>/photo/", issues.issue_photo, name="issue_photo"),
    path(
        "problems/<int:issue_id>/thumb/",
        issues.issue_photo,
        {"size": "thumb"},
        name="issue_thumb",
    ),
]

report_urls = [
    path("reports/", reports.report_index, name="report_index"),
    path("reports/<int:fair_id>/", reports.fair_report_page, name="fair_report"),
    path("reports/<int:fair_id>/report.pdf", reports.fair_report_pdf, name="fair_report_pdf"),
    path(
        "reports/<int:fair_id>/export/<slug:table>/<slug:fmt>/",
        reports.fair_report_export,
        name="fair_report_export",
    ),
    path(
        "reports/<int:fair_id>/groups/<int:group_id>/",
        reports.group_report_page,
        name="group_report",
    ),
    path(
        "reports/<int:fair_id>/groups/<int:group_id>/export/<slug:fmt>/",
        reports.group_report_export,
        name="group_report_export",
    ),
]

daily_report_urls = [
    path("reports/<int:fair_id>/daily/", daily_report.daily_national, name="daily_national"),
    path(
        "reports/<int:fair_id>/daily/summary.pdf",
        daily_report.daily_national_pdf,
        name="daily_national_pdf",
    ),
    path(
        "reports/<int:fair_id>/daily/<str:province_code>/",
        daily_report.daily_province,
        name="daily_province",
    ),
    path(
        "reports/<int:fair_id>/daily/<str:province_code>/report.pdf",
        daily_report.daily_province_pdf,
        name="daily_province_pdf",
    ),
    path(
        "reports/<int:fair_id>/daily/<str:province_code>/report.png",
        daily_report.daily_province_png,
        name="daily_province_png",
    ),
]

figure_urls = [
    path("fairs/<int:fair_id>/figures/", daily_report.fair_figures, name="fair_figures"),
    path(
        "fairs/<int:fair_id>/figures/visitors/",
        daily_report.record_visitors,
        name="record_visitors",
    ),
    path(
        "fairs/<int:fair_id>/figures/visitors/import/",
        daily_report.import_visitors,
        name="import_visitors",
    ),
    path("fairs/<int:fair_id>/figures/target/", daily_report.set_target, name="set_target"),
]

channel_urls = [
    path("channels/", channels.channel_list, name="channel_list"),
    path("channels/new/", channels.channel_new, name="channel_new"),
    path("channels/fiscal-year/", channels.fiscal_report_page, name="fiscal_report"),
    path(
        "channels/fiscal-year/<slug:per>/<slug:fmt>/",
        channels.fiscal_report_export,
        name="fiscal_report_export",
    ),
]

meeting_urls = [
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:meeting_id>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:meeting_id>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path(
        "meetings/<int:meeting_id>/actions/new/",
        meetings.action_create,
        name="meeting_action_create",
    ),
    path("actions/<int:action_id>/", meetings.action_edit, name="meeting_action_edit"),
]

urlpatterns = (
    fair_day_urls
    + issue_urls
    + report_urls
    + daily_report_urls
    + figure_urls
    + channel_urls
    + meeting_urls
)
