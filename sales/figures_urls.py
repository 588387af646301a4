"""The daily provincial report, visitors and target, market channels and the fiscal-year report,
included inside the `sales` namespace."""

from django.urls import path

from . import channel_views, daily_views

urlpatterns = [
    path("reports/<int:fair_id>/daily/", daily_views.daily_national, name="daily_national"),
    path(
        "reports/<int:fair_id>/daily/summary.pdf",
        daily_views.daily_national_pdf,
        name="daily_national_pdf",
    ),
    path(
        "reports/<int:fair_id>/daily/<str:province_code>/",
        daily_views.daily_province,
        name="daily_province",
    ),
    path(
        "reports/<int:fair_id>/daily/<str:province_code>/report.pdf",
        daily_views.daily_province_pdf,
        name="daily_province_pdf",
    ),
    path(
        "reports/<int:fair_id>/daily/<str:province_code>/report.png",
        daily_views.daily_province_png,
        name="daily_province_png",
    ),
    path("fairs/<int:fair_id>/figures/", daily_views.fair_figures, name="fair_figures"),
    path(
        "fairs/<int:fair_id>/figures/visitors/",
        daily_views.record_visitors,
        name="record_visitors",
    ),
    path(
        "fairs/<int:fair_id>/figures/visitors/import/",
        daily_views.import_visitors,
        name="import_visitors",
    ),
    path("fairs/<int:fair_id>/figures/target/", daily_views.set_target, name="set_target"),
    path("channels/", channel_views.channel_list, name="channel_list"),
    path("channels/new/", channel_views.channel_new, name="channel_new"),
    path("channels/fiscal-year/", channel_views.fiscal_report_page, name="fiscal_report"),
    path(
        "channels/fiscal-year/<slug:per>/<slug:fmt>/",
        channel_views.fiscal_report_export,
        name="fiscal_report_export",
    ),
]
