from django.urls import path

from booths.views import allocation, committee, fairs, offer_link, producer, selection

app_name = "booths"

urlpatterns = [
    path("", fairs.fair_list, name="fair_list"),
    path("new/", fairs.fair_create, name="fair_create"),
    path("<int:pk>/", fairs.fair_detail, name="fair_detail"),
    path("<int:pk>/edit/", fairs.fair_edit, name="fair_edit"),
    path("<int:pk>/step/<slug:step>/", fairs.fair_step, name="fair_step"),
    path("<int:pk>/zones/", fairs.zones, name="zones"),
    path("zones/<int:pk>/delete/", fairs.zone_delete, name="zone_delete"),
    path("<int:pk>/booths/", fairs.booths, name="booths"),
    path("booths/<int:pk>/edit/", fairs.booth_edit, name="booth_edit"),
    path("booths/<int:pk>/delete/", fairs.booth_delete, name="booth_delete"),
    path("<int:pk>/plan/", fairs.floor_plan, name="floor_plan"),
    path("<int:pk>/plan/save/", fairs.floor_plan_save, name="floor_plan_save"),
    path("<int:pk>/applications/", selection.application_list, name="application_list"),
    path("applications/<int:pk>/", selection.application_detail, name="application_detail"),
    path("<int:pk>/eligibility/", selection.eligibility_rules, name="eligibility_rules"),
    path("<int:pk>/criteria/", selection.criteria, name="criteria"),
    path("<int:pk>/committee/", selection.committee, name="committee"),
    path(
        "<int:pk>/committee/<int:member_pk>/",
        selection.member_reviews,
        name="member_reviews",
    ),
    path(
        "<int:pk>/reviews/<int:review_pk>/remove/",
        selection.remove_review,
        name="remove_review",
    ),
    path("<int:pk>/ranking/", selection.ranking, name="ranking"),
    path("<int:pk>/runs/", allocation.run_list, name="run_list"),
    path("runs/<int:pk>/", allocation.run_detail, name="run_detail"),
    path("runs/<int:pk>/compare/<int:other_pk>/", allocation.run_compare, name="run_compare"),
    path("<int:pk>/holdings/", allocation.holdings, name="holdings"),
    path(
        "<int:pk>/holdings/<int:assignment_pk>/release/",
        allocation.release,
        name="release",
    ),
    path(
        "<int:pk>/holdings/<int:assignment_pk>/excuse/",
        allocation.excuse_no_show,
        name="excuse_no_show",
    ),
    path("<int:pk>/export.<slug:fmt>", allocation.export_holdings, name="export_holdings"),
    path("<int:pk>/plan.pdf", allocation.plan_pdf, name="plan_pdf"),
    path("mine/", producer.my_applications, name="my_applications"),
    path("<int:pk>/apply/", producer.apply, name="apply"),
    path("<int:pk>/apply/check/", producer.apply_check, name="apply_check"),
    path("applications/<int:pk>/withdraw/", producer.withdraw, name="withdraw"),
    path("applications/<int:pk>/result/", producer.result, name="result"),
    path("applications/<int:pk>/card.pdf", producer.booth_card, name="booth_card"),
    path("applications/<int:pk>/table-card.pdf", producer.table_card, name="table_card"),
    path("offers/<int:pk>/respond/", producer.respond_offer, name="respond_offer"),
    path("offers/answer/<str:token>/", offer_link.offer_by_link, name="offer_by_link"),
    path("review/", committee.my_reviews, name="my_reviews"),
    path("review/<int:pk>/", committee.score_sheet, name="score_sheet"),
    path("seats/<int:pk>/conflicts/", committee.declare_conflict, name="declare_conflict"),
]
