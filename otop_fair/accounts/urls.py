from django.urls import path

from otop_fair.accounts import pdpa_views, public_views, views

app_name = "accounts"

urlpatterns = [
    path("people/", views.people_list, name="people_list"),
    path("people/new/committee/", views.committee_create, name="committee_create"),
    path("people/new/officer/", views.officer_create, name="officer_create"),
    path("people/slips.pdf", views.print_slips, name="print_slips"),
    path("people/<int:person_id>/", views.person_detail, name="person_detail"),
    path("people/<int:person_id>/reset/", views.person_reset, name="person_reset"),
    path("people/<int:person_id>/unlock/", views.person_unlock, name="person_unlock"),
    path("people/<int:person_id>/deactivate/", views.person_deactivate, name="person_deactivate"),
    path("people/<int:person_id>/activate/", views.person_activate, name="person_activate"),
    path(
        "people/<int:person_id>/verify-email/",
        views.person_verify_email,
        name="person_verify_email",
    ),
    path("groups/accounts/", views.group_accounts_create, name="group_accounts_create"),
    path("groups/<int:group_id>/account/", views.group_account_create, name="group_account_create"),
    path("groups/<int:group_id>/data.zip", pdpa_views.group_data_download, name="group_data"),
    path("groups/<int:group_id>/erase/", pdpa_views.group_anonymise, name="group_anonymise"),
    path("privacy/", pdpa_views.privacy_notice, name="privacy_notice"),
    path("login/choose/", public_views.choose_account, name="choose_account"),
    path("invite/<str:token>/", public_views.invitation, name="invitation"),
    path("code/", public_views.short_code, name="short_code"),
    path("forgot/", public_views.forgot_password, name="forgot_password"),
    path("email/<str:token>/", public_views.verify_email, name="verify_email"),
]
