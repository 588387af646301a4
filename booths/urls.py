from django.urls import path

from booths.views import (
    allocation,
    appeals,
    committee,
    fairs,
    layout,
    national,
    offer_link,
    producer,
    quotas,
    selection,
    venue,
    zone_rules,
)

app_name = "booths"

urlpatterns = [
    path("", fairs.fair_list, name="fair_list"),
    path("new/", fairs.fair_create, name="fair_create"),
    path("<int:fair_id>/", fairs.fair_detail, name="fair_detail"),
    path("<int:fair_id>/edit/", fairs.fair_edit, name="fair_edit"),
    path("<int:fair_id>/step/<slug:step>/", fairs.fair_step, name="fair_step"),
    path("<int:fair_id>/zones/", fairs.zones, name="zones"),
    path("zones/<int:zone_id>/delete/", fairs.zone_delete, name="zone_delete"),
    path("zones/<int:zone_id>/clear/", layout.zone_clear, name="zone_clear"),
    path("zones/<int:zone_id>/move/", layout.zone_move, name="zone_move"),
    path("zones/<int:zone_id>/rule/", zone_rules.zone_rule, name="zone_rule"),
    path("groups/<int:group_id>/flags/", zone_rules.group_flags, name="group_flags"),
    path("<int:fair_id>/booths/", fairs.booths, name="booths"),
    path("booths/<int:booth_id>/edit/", fairs.booth_edit, name="booth_edit"),
    path("booths/<int:booth_id>/delete/", fairs.booth_delete, name="booth_delete"),
    path("<int:fair_id>/plan/", fairs.floor_plan, name="floor_plan"),
    path("<int:fair_id>/plan/save/", fairs.floor_plan_save, name="floor_plan_save"),
    path("<int:fair_id>/plan/venue/", venue.venue_plan, name="venue_plan"),
    path("<int:fair_id>/plan/venue.jpg", venue.venue_plan_image, name="venue_plan_image"),
    path("<int:fair_id>/plan/venue/remove/", venue.venue_plan_remove, name="venue_plan_remove"),
    path("<int:fair_id>/applications/", selection.application_list, name="application_list"),
    path(
        "applications/<int:application_id>/",
        selection.application_detail,
        name="application_detail",
    ),
    path("<int:fair_id>/eligibility/", selection.eligibility_rules, name="eligibility_rules"),
    path(
        "<int:fair_id>/eligibility/<int:rule_id>/remove/",
        selection.eligibility_rule_remove,
        name="eligibility_rule_remove",
    ),
    path(
        "<int:fair_id>/eligibility/check/",
        selection.eligibility_evaluate,
        name="eligibility_evaluate",
    ),
    path("<int:fair_id>/criteria/", selection.criteria, name="criteria"),
    path("<int:fair_id>/criteria/copy/", selection.criteria_copy, name="criteria_copy"),
    path(
        "<int:fair_id>/criteria/province/<str:province_code>/",
        selection.province_criteria,
        name="province_criteria",
    ),
    path("<int:fair_id>/committee/", selection.committee, name="committee"),
    path(
        "<int:fair_id>/committee/add/", selection.committee_member_add, name="committee_member_add"
    ),
    path(
        "<int:fair_id>/committee/assign/",
        selection.committee_auto_assign,
        name="committee_auto_assign",
    ),
    path(
        "<int:fair_id>/committee/reviews/add/",
        selection.committee_review_add,
        name="committee_review_add",
    ),
    path(
        "<int:fair_id>/committee/<int:seat_id>/",
        selection.member_reviews,
        name="member_reviews",
    ),
    path(
        "<int:fair_id>/reviews/<int:review_id>/remove/",
        selection.remove_review,
        name="remove_review",
    ),
    path("<int:fair_id>/ranking/", selection.ranking, name="ranking"),
    path("<int:fair_id>/quotas/", quotas.quota_grid, name="quotas"),
    path("<int:fair_id>/quotas/import/", quotas.quota_import, name="quota_import"),
    path("<int:fair_id>/runs/", allocation.run_list, name="run_list"),
    path("runs/<int:run_id>/", allocation.run_detail, name="run_detail"),
    path(
        "runs/<int:run_id>/compare/<int:other_run_id>/", allocation.run_compare, name="run_compare"
    ),
    path("<int:fair_id>/holdings/", allocation.holdings, name="holdings"),
    path(
        "<int:fair_id>/holdings/<int:assignment_id>/release/",
        allocation.release,
        name="release",
    ),
    path(
        "<int:fair_id>/holdings/<int:assignment_id>/excuse/",
        allocation.excuse_no_show,
        name="excuse_no_show",
    ),
    path("<int:fair_id>/export.<slug:fmt>", allocation.export_holdings, name="export_holdings"),
    path("<int:fair_id>/plan.pdf", allocation.plan_pdf, name="plan_pdf"),
    path("mine/", producer.my_applications, name="my_applications"),
    path("<int:fair_id>/apply/", producer.apply, name="apply"),
    path("<int:fair_id>/apply/check/", producer.apply_check, name="apply_check"),
    path("applications/<int:application_id>/withdraw/", producer.withdraw, name="withdraw"),
    path("applications/<int:application_id>/result/", producer.result, name="result"),
    path("applications/<int:application_id>/card.pdf", producer.booth_card, name="booth_card"),
    path(
        "applications/<int:application_id>/table-card.pdf", producer.table_card, name="table_card"
    ),
    path("offers/<int:offer_id>/accept/", producer.accept_offer, name="accept_offer"),
    path("offers/<int:offer_id>/decline/", producer.decline_offer, name="decline_offer"),
    # Only for answers phones queued before accept and decline had their own URLs.
    path(
        "offers/<int:offer_id>/respond/",
        producer.answer_queued_before_the_split,
        name="respond_offer",
    ),
    path("offers/answer/<str:token>/", offer_link.offer_by_link, name="offer_by_link"),
    path("offers/answer/<str:token>/accept/", offer_link.accept_by_link, name="accept_by_link"),
    path("offers/answer/<str:token>/decline/", offer_link.decline_by_link, name="decline_by_link"),
    path("review/", committee.my_reviews, name="my_reviews"),
    path("review/<int:review_id>/", committee.score_sheet, name="score_sheet"),
    path("review/<int:review_id>/submit/", committee.score_submit, name="score_submit"),
    path("seats/<int:seat_id>/conflicts/", committee.declare_conflict, name="declare_conflict"),
    path(
        "seats/<int:seat_id>/remove/",
        selection.committee_member_remove,
        name="committee_member_remove",
    ),
    # National fairs (issue 18): district nomination, applying for a group, every province.
    path("national/", national.national_fairs, name="national_fairs"),
    path("<int:fair_id>/nominations/", national.nomination_list, name="nomination_list"),
    path("applications/<int:application_id>/nominate/", national.nominate, name="nominate"),
    path("<int:fair_id>/progress/", national.national_progress, name="national_progress"),
    path(
        "<int:fair_id>/apply-for/<int:group_id>/", national.apply_on_behalf, name="apply_on_behalf"
    ),
    # Decision letters and appeals.
    path("applications/<int:application_id>/appeal/", appeals.appeal, name="appeal"),
    path(
        "applications/<int:application_id>/letter.pdf",
        appeals.decision_letter,
        name="decision_letter",
    ),
    path("<int:fair_id>/appeals/", appeals.appeal_list, name="appeal_list"),
    path("appeals/<int:appeal_id>/", appeals.appeal_decide, name="appeal_decide"),
    path("appeals/<int:appeal_id>/publish/", appeals.appeal_publish, name="appeal_publish"),
]
