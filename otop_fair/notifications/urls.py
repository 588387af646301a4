from django.urls import path

from otop_fair.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.my_notifications, name="mine"),
    path("line-code/", views.line_code, name="line_code"),
    path("log/", views.delivery_log, name="log"),
    path("line/webhook/", views.line_webhook, name="line_webhook"),
]
