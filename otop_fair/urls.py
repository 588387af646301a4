from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from otop_fair import pwa, views
from otop_fair.accounts.public_views import SignInView
from otop_fair.public_pages import robots_txt

handler500 = "otop_fair.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("officer/", views.officer_home, name="officer_home"),
    path("committee/", views.committee_home, name="committee_home"),
    path("producer/", views.producer_home, name="producer_home"),
    path("audit/", views.audit_log, name="audit_log"),
    path("healthz", views.healthz, name="healthz"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("manifest.webmanifest", pwa.web_manifest, name="web_manifest"),
    path(
        "accounts/login/",
        SignInView.as_view(),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("registry/", include("producers.urls")),
    path("fairs/", include("booths.urls")),
    path("sales/", include("sales.urls")),
    path("accounts/", include("otop_fair.accounts.urls")),
    path("notifications/", include("otop_fair.notifications.urls")),
    path("admin/", admin.site.urls),
    path("otop/", include("booths.public_urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
]
